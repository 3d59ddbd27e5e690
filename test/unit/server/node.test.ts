// @vitest-environment node
// The Node http adapter: a real server on 127.0.0.1, real requests, the embedded store.
import { PGlite } from '@electric-sql/pglite'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleReceipt, nodeHandler, type ReceiptStore } from '../../../src/server'
import { pgliteStore } from '../../../src/server/pglite'
import { receipt } from './fixtures'

const RECEIPT = receipt('nodeadapter0001')

let store: ReceiptStore
let server: Server
let url: string
beforeAll(async () => {
  store = await pgliteStore(await PGlite.create())
  server = createServer(
    nodeHandler((request, address) => handleReceipt(request, store, { ip: 'truncated', address, userAgent: true })),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/receipts`
})
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await store?.close()
})

describe('nodeHandler', () => {
  it('takes a receipt through Node http, with the peer address it sees', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'NodeAdapterTest/1' },
      body: JSON.stringify(RECEIPT),
    })
    expect(response.status).toBe(204)
    expect(await store.receiptsFor(RECEIPT.consentId)).toEqual([
      { ...RECEIPT, receivedAt: expect.any(String), ip: '127.0.0.0', userAgent: 'NodeAdapterTest/1' },
    ])
  })

  it('passes each status, header and reason through', async () => {
    const get = await fetch(url)
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    expect(await get.text()).toBe('consent-gate: receipts are POSTed\n')
    const bad = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"x":1}' })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toBe('consent-gate: unknown field "x"\n')
  })

  it('stops reading a streamed body past the limit and answers 413', async () => {
    let sent = 0
    const body = new ReadableStream({
      pull(controller) {
        if (sent++ > 200) return controller.close()
        controller.enqueue(new TextEncoder().encode('x'.repeat(1024)))
      },
    })
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(await store.latest(100)).toHaveLength(1)
  })

  it('answers 500 without a trace when the handler itself throws', async () => {
    const failing = createServer(
      nodeHandler(() => {
        throw new Error('secret detail')
      }),
    )
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve))
    const response = await fetch(`http://127.0.0.1:${(failing.address() as AddressInfo).port}/`)
    expect(response.status).toBe(500)
    expect(await response.text()).not.toContain('secret')
    await new Promise((resolve) => failing.close(resolve))
  })
})
