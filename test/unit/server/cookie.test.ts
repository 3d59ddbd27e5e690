// The server reads the Cookie header and writes Set-Cookie with cookies/codec.ts; the browser's
// store reads and writes document.cookie (store.ts, with the same codec). These hold
// the two to the same text, so they cannot drift apart.
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cookieText as setCookieText, cookieValues as headerValues } from '../../../src/cookies/codec'
import { decodeRecord, encodeRecord, type ConsentRecord } from '../../../src/consent/record'
import { cookieStore } from '../../../src/consent/store'

const NOW = Date.UTC(2026, 10, 24)
const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  revision: '1',
  id: 'abcdefgh12345678',
  at: NOW,
  expires: NOW + 182 * 864e5,
  choices: { analytics: true },
  via: 'banner',
  ...over,
})

afterEach(() => vi.restoreAllMocks())

/** What the browser's store reads from a jar, and what it writes last (its own cookie, after the clean-up). */
const browserReads = (text: string) => {
  vi.spyOn(document, 'cookie', 'get').mockReturnValue(text)
  return cookieStore('consent_gate').read()
}
const browserWrites = (r: ConsentRecord, protocol: string, domain?: string) => {
  const writes: string[] = []
  vi.spyOn(window, 'location', 'get').mockReturnValue({ protocol, hostname: 'www.example.com', pathname: '/' } as Location)
  vi.spyOn(document, 'cookie', 'set').mockImplementation((v) => void writes.push(v))
  // The jar then holds what was written, so the store does not fall back to a host-only copy.
  vi.spyOn(document, 'cookie', 'get').mockReturnValue(`consent_gate=${encodeRecord(r)}`)
  cookieStore('consent_gate', domain).write(r)
  return writes.at(-1)
}

describe('the consent cookie on the server and in the browser', () => {
  it('reads the same records from the same jar: order, tossed copies, quoting, %7E, garbage', () => {
    const a = encodeRecord(record())
    const b = encodeRecord(record({ choices: { analytics: false } }))
    for (const text of [
      '',
      `theme=dark; consent_gate=${a}`,
      `consent_gate=${a}; consent_gate=${b}; consent_gate=junk`,
      `consent_gate="${a}"; xconsent_gate=${b}`,
      `consent_gate=${a.replaceAll('~', '%7E')}`,
      'consent_gate=%E0%A4%A',
      `consent_gate=; consent_gate=${b}`,
    ])
      expect(headerValues(text, 'consent_gate').map(decodeRecord), text).toEqual(browserReads(text))
  })

  it('reads any jar as the browser store does', () => {
    const part = fc.oneof(
      fc.constant(`consent_gate=${encodeRecord(record())}`),
      fc.constant(`consent_gate="${encodeRecord(record({ choices: {} }))}"`),
      fc.string().map((v) => `consent_gate=${v.replace(/;/g, '')}`),
      fc.string().map((v) => v.replace(/;/g, '')),
    )
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
        const text = parts.join('; ')
        expect(headerValues(text, 'consent_gate').map(decodeRecord)).toEqual(browserReads(text))
      }),
    )
  })

  it.each([
    ['https:', undefined],
    ['https:', 'example.com'],
    ['http:', undefined],
    ['http:', 'example.com'],
  ])('writes what the browser writes, on %s with domain %s', (protocol, domain) => {
    const r = record()
    expect(setCookieText('consent_gate', encodeRecord(r), r.expires, protocol === 'https:', domain)).toBe(
      browserWrites(r, protocol, domain),
    )
  })
})
