import { checkReceipt } from './receipt'
import type { ReceiptStore, StoredReceipt } from './store'

/** A receipt is about 300 bytes; anything over this is not one. */
export const MAX_RECEIPT_BYTES = 2048

export interface ReceiptOptions {
  /** The sites (profile names) this endpoint takes receipts for; any when not given. */
  sites?: readonly string[]
  /**
   * Keep the visitor's address with the receipt: `truncated` keeps its network (IPv4 /24, IPv6
   * /48), `hashed` a salted SHA-256 of it. Off by default: see the privacy note in docs/server.md.
   */
  ip?: 'truncated' | 'hashed'
  /** The visitor's address as your platform reports it (a Web `Request` has none). */
  address?: string | ((request: Request) => string | undefined)
  /** For `ip: 'hashed'`: a secret, rotated as often as you like to unlink old hashes. */
  salt?: string
  /** Keep the `User-Agent` (first 512 characters). Off by default. */
  userAgent?: boolean
  /** The server's clock, ms since the epoch; for tests. */
  now?: () => number
  /** Told when the store fails (the answer is then 503); console.error by default. */
  onError?: (error: unknown) => void
}

const answer = (status: number, reason?: string, headers: Record<string, string> = {}) =>
  new Response(reason === undefined ? null : `consent-gate: ${reason}\n`, {
    status,
    headers: {
      'cache-control': 'no-store',
      ...(reason === undefined ? {} : { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }),
      ...headers,
    },
  })

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('')
const sha256 = async (text: string) => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))

/** IPv4 to its /24, IPv6 to its /48 (an IPv4-mapped IPv6 address as IPv4); undefined if neither. */
export function truncateAddress(address: string): string | undefined {
  const v4 = address.replace(/^::ffff:/i, '').match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/)
  if (v4) return v4.slice(1).every((n) => +n < 256) ? `${+v4[1]}.${+v4[2]}.${+v4[3]}.0` : undefined
  const [head, tail, extra] = address.replace(/%.*$/, '').toLowerCase().split('::')
  if (extra !== undefined) return
  const groups = (part?: string) => (part ? part.split(':') : [])
  const left = groups(head)
  const right = groups(tail)
  const missing = 8 - left.length - right.length
  if (tail === undefined ? missing !== 0 : missing < 1) return
  const all = [...left, ...Array(tail === undefined ? 0 : missing).fill('0'), ...right]
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return
  return (
    all
      .slice(0, 3)
      .map((g) => parseInt(g, 16).toString(16))
      .join(':') + '::'
  )
}

/** The body, at most `MAX_RECEIPT_BYTES` of it; undefined when there is more. */
async function readBody(request: Request): Promise<Uint8Array | undefined> {
  const reader = request.body?.getReader()
  const parts: Uint8Array[] = []
  let size = 0
  if (reader)
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > MAX_RECEIPT_BYTES) {
        await reader.cancel().catch(() => {})
        return
      }
      parts.push(value)
    }
  const body = new Uint8Array(size)
  let at = 0
  for (const p of parts) body.set(p, (at += p.byteLength) - p.byteLength)
  return body
}

/**
 * The receipt endpoint: a Web `Request` in, a `Response` out, for any runtime that has them
 * (Node 20 and later, Next.js route handlers, Cloudflare Workers, Deno). Takes only a POST of
 * `application/json`, at most 2048 bytes, holding exactly a receipt as the SDK sends it. Answers
 * 204 once stored (the same receipt again is stored once, and answered 204 again), 400 with a
 * one-line reason, 405, 413, 415, and 503 when the store cannot be reached. Never a stack trace.
 */
export async function handleReceipt(request: Request, store: ReceiptStore, options: ReceiptOptions = {}): Promise<Response> {
  // A site's mistake, not a visitor's: thrown, so it shows on the first request.
  if (options.ip === 'hashed' && !options.salt)
    throw new Error('consent-gate: handleReceipt option "ip" is "hashed", so "salt" must be a secret string, got none')
  try {
    if (request.method !== 'POST') return answer(405, 'receipts are POSTed', { allow: 'POST' })
    const type = request.headers.get('content-type') ?? ''
    if (!/^application\/json\s*(;|$)/i.test(type)) return answer(415, 'a receipt is sent as application/json')
    const length = Number(request.headers.get('content-length') ?? 0)
    if (length > MAX_RECEIPT_BYTES) return answer(413, `a receipt is at most ${MAX_RECEIPT_BYTES} bytes`)
    const bytes = await readBody(request)
    if (!bytes) return answer(413, `a receipt is at most ${MAX_RECEIPT_BYTES} bytes`)
    let value: unknown
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    } catch {
      return answer(400, 'the body is not JSON in UTF-8')
    }
    const now = options.now?.() ?? Date.now()
    const receipt = checkReceipt(value, { sites: options.sites, now })
    if (typeof receipt === 'string') return answer(400, receipt)

    const stored: StoredReceipt = { ...receipt, receivedAt: new Date(now).toISOString() }
    if (options.ip) {
      const address = typeof options.address === 'function' ? options.address(request) : options.address
      const kept =
        address &&
        (options.ip === 'truncated' ? truncateAddress(address) : (await sha256(options.salt + '\n' + address)).slice(0, 32))
      if (kept) stored.ip = kept
    }
    if (options.userAgent) {
      const agent = request.headers.get('user-agent')
      if (agent) stored.userAgent = agent.slice(0, 512)
    }
    // The receipt's own content names it: a retry of the same receipt is the same key.
    const key = await sha256(JSON.stringify(receipt))
    try {
      await store.add(stored, key)
    } catch (e) {
      ;(options.onError ?? ((error) => console.error('consent-gate: the receipt store failed:', error)))(e)
      return answer(503, 'the receipt store is unavailable; try again', { 'retry-after': '1' })
    }
    return answer(204)
  } catch (e) {
    // A body that failed mid-stream, a throwing `address` callback: still no stack trace out.
    options.onError?.(e)
    return answer(500, 'the receipt could not be handled')
  }
}
