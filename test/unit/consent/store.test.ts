import { afterEach, describe, expect, it, vi } from 'vitest'
import { encodeRecord, type ConsentRecord } from '../../../src/consent/record'
import { cookieStore } from '../../../src/consent/store'

const record = (at: number, analytics: boolean): ConsentRecord => ({
  revision: '1',
  id: 'stored12345678',
  at,
  expires: at + 864e5,
  choices: { analytics },
  via: 'banner',
})
const NOW = Date.now()
const jar = (text: string) => vi.spyOn(document, 'cookie', 'get').mockReturnValue(text)

afterEach(() => vi.restoreAllMocks())

describe('cookieStore', () => {
  it('reads our cookie and no other whose name merely ends like it', () => {
    jar(`xconsent_gate=${encodeRecord(record(NOW, true))}; theme=dark`)
    expect(cookieStore('consent_gate').read()).toBeUndefined()
    jar(`theme=dark; consent_gate=${encodeRecord(record(NOW, true))}`)
    expect(cookieStore('consent_gate').read()?.choices).toEqual({ analytics: true })
  })

  it('reads a value a server wrote quoted or with ~ encoded as %7E', () => {
    const value = encodeRecord(record(NOW, true))
    jar(`consent_gate=${value.replaceAll('~', '%7E')}`)
    expect(cookieStore('consent_gate').read()?.choices).toEqual({ analytics: true })
    jar(`consent_gate="${value}"`)
    expect(cookieStore('consent_gate').read()?.choices).toEqual({ analytics: true })
    jar('consent_gate=%E0%A4%A')
    expect(cookieStore('consent_gate').read()).toBeUndefined()
  })

  it('takes the latest of several records, such as a host-only one beside a shared one', () => {
    jar(
      `consent_gate=${encodeRecord(record(NOW - 1000, true))}; consent_gate=${encodeRecord(record(NOW, false))}; consent_gate=junk`,
    )
    expect(cookieStore('consent_gate').read()?.choices).toEqual({ analytics: false })
  })

  it('removes a host-only cookie before writing a shared one, Secure on https', () => {
    const writes: string[] = []
    vi.spyOn(document, 'cookie', 'set').mockImplementation((v) => void writes.push(v))
    vi.spyOn(window, 'location', 'get').mockReturnValue({ protocol: 'https:' } as Location)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    cookieStore('consent_gate', 'example.com').write(record(NOW, true))
    expect(writes[0]).toMatch(/^consent_gate=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=\/; SameSite=Lax; Secure$/)
    expect(writes[1]).toMatch(/^consent_gate=1~.*; Domain=example\.com; Secure$/)
  })
})
