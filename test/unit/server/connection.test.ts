// @vitest-environment node
// The receipt endpoint on one kept-alive connection, byte by byte over a raw socket, as a pooling
// proxy uses it: whatever the first request was, the next receipt on that connection (perhaps
// another visitor's) is answered, or the server said `Connection: close` and closed only after
// its whole answer was sent. Never an answer that promises keep-alive and then a dropped socket.
import { PGlite } from '@electric-sql/pglite'
import { createServer, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { handleReceipt, nodeHandler, type ReceiptStore } from '../../../src/server'
import { pgliteStore } from '../../../src/server/pglite'
import { receipt } from './fixtures'

let n = 0
/** A new receipt's JSON each time. */
const next = () => JSON.stringify(receipt(`connection${String(++n).padStart(6, '0')}`))

const post = (body: string, type = 'application/json', method = 'POST') =>
  `${method} /receipts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
const chunked = (chunks: string[], end = true) =>
  `POST /receipts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n` +
  chunks.map((c) => `${Buffer.byteLength(c).toString(16)}\r\n${c}\r\n`).join('') +
  (end ? '0\r\n\r\n' : '')
const big = 'x'.repeat(5000)

interface Answer {
  status: number
  headers: Record<string, string>
  body: string
}

/** A client on one socket: what it sent, the answers in full, and whether the server closed. */
function client(port: number) {
  const socket: Socket = connect(port, '127.0.0.1')
  let data = Buffer.alloc(0)
  let closed = false
  const waiters = new Set<() => void>()
  const poke = () => waiters.forEach((w) => w())
  socket.on('data', (d: Buffer) => ((data = Buffer.concat([data, d])), poke()))
  socket.on('close', () => ((closed = true), poke()))
  socket.on('error', () => {})
  const until = <T>(test: () => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const v = test()
        if (v !== undefined) (waiters.delete(check), resolve(v))
        else if (closed) (waiters.delete(check), reject(new Error('the server closed the connection mid-answer')))
      }
      waiters.add(check)
      check()
    })
  /** The next answer, read in full: its headers, and as many body bytes as Content-Length says. */
  const answer = () =>
    until<Answer>(() => {
      const end = data.indexOf('\r\n\r\n')
      if (end < 0) return
      const [status, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n')
      const headers: Record<string, string> = Object.create(null)
      for (const l of lines) headers[l.slice(0, l.indexOf(':')).toLowerCase()] = l.slice(l.indexOf(':') + 1).trim()
      let at = end + 4
      let body = ''
      if (headers['transfer-encoding'] === 'chunked')
        for (;;) {
          const line = data.indexOf('\r\n', at)
          if (line < 0) return
          const size = parseInt(data.subarray(at, line).toString(), 16)
          if (data.length < line + 2 + size + 2) return
          body += data.subarray(line + 2, line + 2 + size).toString()
          at = line + 2 + size + 2
          if (!size) break
        }
      else {
        const length = Number(headers['content-length'] ?? 0)
        if (data.length < at + length) return
        body = data.subarray(at, (at += length)).toString()
      }
      data = data.subarray(at)
      return { status: Number(status.split(' ')[1]), headers, body }
    })
  return {
    send: (text: string) => new Promise<void>((resolve) => socket.write(text, () => resolve())),
    answer,
    closed: () => until(() => (closed ? true : undefined)),
    /** Bytes the server sent beyond the answers read. */
    rest: () => data.length,
    destroy: () => socket.destroy(),
  }
}

let store: ReceiptStore
let server: Server
let port: number
beforeAll(async () => {
  store = await pgliteStore(await PGlite.create())
  server = createServer(nodeHandler((request) => handleReceipt(request, store, { onError: () => {} })))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await store?.close()
})

describe('a kept-alive connection to the receipt endpoint', () => {
  // Each first request, and how many of its bytes go before its answer is read: a client that
  // gets a keep-alive answer mid-body sends the rest (RFC 9112 §9.3), then the next request.
  it.each([
    ['413, a Content-Length over the limit, the body sent', post(big), Infinity, 413],
    ['413, a Content-Length over the limit, part of the body sent', post(big), 1000, 413],
    ['413, a chunked body over the limit, sent in full', chunked([big.slice(0, 2500), big.slice(2500)]), Infinity, 413],
    ['413, a chunked body over the limit, sent past the limit', chunked([big.slice(0, 2500), big.slice(2500)]), 2800, 413],
    ['415, a body of another type', post('hello', 'text/plain'), Infinity, 415],
    ['415, a large body of another type, part of it sent', post('x'.repeat(1e5), 'text/plain'), 2000, 415],
    ['405, a PUT with a body', post(next(), 'application/json', 'PUT'), Infinity, 405],
    ['405, a GET', 'GET /receipts HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', Infinity, 405],
    ['400, a body that is not JSON', post('{"consentId":'), Infinity, 400],
    ['400, JSON that is not a receipt', post('{"x":1}'), Infinity, 400],
    ['400, a chunked body that is not a receipt', chunked(['{"x"', ':1}']), Infinity, 400],
    ['204, a receipt', post(next()), Infinity, 204],
  ])('%s: the next receipt is answered, or the connection closes after the whole answer', async (_, first, sent, status) => {
    const c = client(port)
    await c.send(first.slice(0, sent))
    const a = await c.answer()
    expect(a.status).toBe(status)
    if (status !== 204) expect(a.body).toMatch(/^consent-gate: .+\n$/)
    if (a.headers.connection === 'close') {
      await c.closed()
      expect(c.rest()).toBe(0)
      return
    }
    expect(a.headers.connection).toBe('keep-alive')
    const another = next()
    await c.send(first.slice(sent) + post(another))
    expect((await c.answer()).status).toBe(204)
    expect(await store.receiptsFor(JSON.parse(another).consentId)).toHaveLength(1)
    c.destroy()
  })

  it('keeps serving others when a client leaves in the middle of its body', async () => {
    const c = client(port)
    await c.send(post(next()).slice(0, -10))
    c.destroy()
    const d = client(port)
    const another = next()
    await d.send(post(another))
    expect((await d.answer()).status).toBe(204)
    expect(await store.receiptsFor(JSON.parse(another).consentId)).toHaveLength(1)
    d.destroy()
  })

  it('answers a body that never finishes with Node’s 408 and a close, and the handler throws nothing after', async () => {
    const errors: unknown[] = []
    const slow = createServer({ requestTimeout: 300, connectionsCheckingInterval: 50 }, async (req, res) => {
      try {
        await nodeHandler((request) => handleReceipt(request, store, { onError: (e) => errors.push(e) }))(req, res)
      } catch (e) {
        errors.push(e)
      }
    })
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
    const c = client((slow.address() as AddressInfo).port)
    await c.send(post(next()).slice(0, -20))
    const a = await c.answer()
    expect(a.status).toBe(408)
    expect(a.headers.connection).toBe('close')
    await c.closed()
    // The handler saw its body fail, answered into a closed connection, and did not throw.
    await vi.waitFor(() => expect(errors).toHaveLength(1))
    await new Promise((resolve) => slow.close(resolve))
  })
})
