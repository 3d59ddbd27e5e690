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
const choices = (name = 'consent_gate') =>
  cookieStore(name)
    .read()
    .map((r) => r?.choices)

afterEach(() => vi.restoreAllMocks())

describe('cookieStore', () => {
  it('reads our cookie and no other whose name merely ends like it', () => {
    jar(`xconsent_gate=${encodeRecord(record(NOW, true))}; theme=dark`)
    expect(choices()).toEqual([])
    jar(`theme=dark; consent_gate=${encodeRecord(record(NOW, true))}`)
    expect(choices()).toEqual([{ analytics: true }])
  })

  it('reads a value a server wrote quoted or with ~ encoded as %7E', () => {
    const value = encodeRecord(record(NOW, true))
    jar(`consent_gate=${value.replaceAll('~', '%7E')}`)
    expect(choices()).toEqual([{ analytics: true }])
    jar(`consent_gate="${value}"`)
    expect(choices()).toEqual([{ analytics: true }])
    jar('consent_gate=%E0%A4%A')
    expect(choices()).toEqual([undefined])
  })

  it('returns every record of its name, planted ones and garbage included, for the gate to settle', () => {
    jar(
      `consent_gate=${encodeRecord(record(NOW - 1000, true))}; consent_gate=${encodeRecord(record(NOW, false))}; consent_gate=junk`,
    )
    expect(choices()).toEqual([{ analytics: true }, { analytics: false }, undefined])
  })

  it('expires every copy it can reach (host, parent domains, path prefixes) before writing, Secure on https', () => {
    const writes: string[] = []
    vi.spyOn(document, 'cookie', 'set').mockImplementation((v) => void writes.push(v))
    vi.spyOn(window, 'location', 'get').mockReturnValue({
      protocol: 'https:',
      hostname: 'app.example.com',
      pathname: '/a',
    } as Location)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    cookieStore('consent_gate', 'example.com').write(record(NOW, true))
    const removals = writes.filter((w) => /Max-Age=-/.test(w))
    expect(removals.map((w) => [w.match(/Domain=([^;]*)/)?.[1], w.match(/Path=([^;]*)/)![1]])).toEqual(
      [undefined, '.app.example.com', '.example.com'].flatMap((d) => ['/', '/a', '/a/'].map((p) => [d, p])),
    )
    expect(writes[removals.length]).toMatch(/^consent_gate=1~.*; Path=\/; SameSite=Lax; Domain=example\.com; Secure$/)
  })

  it('removes nothing before a choice when its last read found no copy, and every copy once it finds one', () => {
    const writes: string[] = []
    vi.spyOn(document, 'cookie', 'set').mockImplementation((v) => void writes.push(v))
    const removals = () => writes.filter((w) => /Max-Age=-/.test(w)).length
    // Not read yet: a copy may be there.
    cookieStore('consent_gate').write(record(NOW, true))
    expect(removals()).toBeGreaterThan(0)
    writes.length = 0
    // A first visit's click: one write, the choice's own.
    jar('theme=dark')
    const store = cookieStore('consent_gate')
    store.read()
    store.write(record(NOW, false))
    expect(writes).toEqual([expect.stringMatching(/^consent_gate=1~/)])
    writes.length = 0
    // A copy planted since, read beside ours: the next choice removes every copy first.
    jar(`consent_gate=${encodeRecord(record(NOW, false))}; consent_gate=${encodeRecord(record(NOW - 1, true))}`)
    store.read()
    store.write(record(NOW + 1, true))
    expect(removals()).toBeGreaterThan(0)
    expect(writes.at(-1)).toMatch(/^consent_gate=1~/)
  })

  it('keeps the choice for this host and says why when the browser refuses cookieDomain', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    let stored = ''
    vi.spyOn(document, 'cookie', 'set').mockImplementation((v) => {
      // The browser refuses a Domain it treats as a public suffix, and takes host-only cookies.
      if (!v.includes('Domain=') && !v.includes('Max-Age=-')) stored = v.split(';')[0]
    })
    vi.spyOn(document, 'cookie', 'get').mockImplementation(() => stored)
    const store = cookieStore('consent_gate', 'vercel.app')
    store.write(record(NOW, true))
    // Read back by the next read, not in the write: a read right after a write waits for the browser.
    expect(stored).toBe('')
    expect(store.read().map((r) => r?.choices)).toEqual([{ analytics: true }])
    expect(stored).toMatch(/^consent_gate=1~/)
    // Worded in the lazy chunk that words option errors: the loader carries no prose for it.
    const said = () => warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('vercel.app'))
    await vi.waitFor(() => expect(said()).toHaveLength(1))
    expect(said()[0]).toMatch(/refused cookieDomain "vercel.app".*this host only/)
  })

  it('tells blocked cookies apart, and keeps the choice for the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {})
    jar('')
    const store = cookieStore('consent_gate')
    store.write(record(NOW, true))
    expect(store.read().map((r) => r?.choices)).toEqual([{ analytics: true }])
    store.write(record(NOW, false))
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1))
    await new Promise((r) => setTimeout(r))
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0][0]).toMatch(/cookies are blocked/)
    expect(store.read().map((r) => r?.choices)).toEqual([{ analytics: false }])
  })

  it('takes a newer choice written over its own before the read-back (another tab) for a working jar', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {})
    const store = cookieStore('consent_gate')
    store.write(record(NOW, true))
    // Before this page reads its write back, another tab writes its own choice over it.
    jar(`consent_gate=${encodeRecord(record(NOW + 1, false))}`)
    expect(store.read().map((r) => r?.choices)).toEqual([{ analytics: false }])
    // Still the jar, not a copy in memory: the next choice made elsewhere is read too.
    jar(`consent_gate=${encodeRecord(record(NOW + 2, true))}`)
    expect(store.read().map((r) => r?.choices)).toEqual([{ analytics: true }])
    await new Promise((r) => setTimeout(r))
    expect(warn).not.toHaveBeenCalled()
  })
})
