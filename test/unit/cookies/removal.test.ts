import { afterEach, describe, expect, it, vi } from 'vitest'
import { documentAccessor } from '../../../src/document'
import { encodeRecord } from '../../../src/consent/record'
import { cookieNames } from '../../../src/cookies/jar'
import { scopes } from '../../../src/cookies/scopes'
import { addGatedTag, flush, GA, gate, scripts } from '../helpers'

const w = window as unknown as Record<string, unknown> & { vaq?: IArguments[] }
const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-TEST1234'
const GOOGLE = ['_ga=GA1.1.1', '_ga_TEST1234=GS1', '_gid=GA1', '_gat_UA-1234-1=1', '_gcl_au=1.1']

const plant = (...cookies: string[]) => {
  for (const c of cookies) document.cookie = c + '; Path=/'
}
/** A refusal stored on an earlier page, as the gate writes it. */
const refused = () => {
  const at = Date.now() - 864e5
  const record = {
    revision: '1',
    id: 'earlierpage12345',
    at,
    expires: at + 30 * 864e5,
    choices: { analytics: false },
    via: 'banner' as const,
  }
  plant(`consent_gate=${encodeRecord(record)}`)
}
const accepted = async () => {
  const g = gate({ site: 'pisama', ga4: GA, vercel: true })
  g.acceptAll()
  await vi.waitFor(() => expect(scripts()).toContain(GTAG))
  return g
}

afterEach(() => {
  delete (document as unknown as Record<string, unknown>).cookie
})

describe('withdrawing analytics', () => {
  it('removes every Google cookie once GA4, Vercel and the gated tags are stopped, and nothing else', async () => {
    const g = await accepted()
    plant(...GOOGLE, 'keepme=1', '_gateway=1')
    // What was still running when the first cookie went.
    let running: unknown[] | undefined
    const tag = addGatedTag('analytics', '/late.js')
    const accessor = documentAccessor('cookie')
    vi.spyOn(document, 'cookie', 'set').mockImplementation((text) => {
      if (!running && text.startsWith('_ga=')) {
        const beforeSend = Array.from(w.vaq![0])[1] as (event: unknown) => unknown
        running = [w['ga-disable-G-TEST1234'] !== true, beforeSend({ type: 'pageview' }) !== null, tag.type !== 'text/plain']
      }
      accessor.set!.call(document, text)
    })
    g.rejectAll()
    await vi.waitFor(() => expect(cookieNames().sort()).toEqual(['_gateway', 'consent_gate', 'keepme']))
    expect(running).toEqual([false, false, false])
  })

  it('expires each Google cookie on every Domain and Path the page may have written it with', async () => {
    const g = await accepted()
    plant('_ga=GA1.1.1')
    const set = vi.spyOn(document, 'cookie', 'set')
    g.rejectAll()
    await vi.waitFor(() => expect(cookieNames()).not.toContain('_ga'))
    const writes = set.mock.calls.map((c) => String(c[0])).filter((c) => c.startsWith('_ga='))
    expect(writes.map((c) => [c.match(/domain=([^;]*)/i)?.[1], c.match(/path=([^;]*)/i)![1]])).toEqual(scopes())
    for (const c of writes) {
      expect(c).toMatch(/^_ga=;/)
      expect(Number(c.match(/max-age=([^;]*)/i)![1])).toBeLessThan(0)
    }
  })

  it('removes them through the document’s own accessor when markup shadows document.cookie', async () => {
    const g = await accepted()
    plant(...GOOGLE, 'keepme=1')
    // `<img name="cookie">` makes `document.cookie` a plain property of the document: a write to it
    // reaches no jar.
    Object.defineProperty(document, 'cookie', { value: 'shadow', writable: true, configurable: true })
    g.rejectAll()
    const jar = () => {
      delete (document as unknown as Record<string, unknown>).cookie
      const names = cookieNames().sort()
      Object.defineProperty(document, 'cookie', { value: 'shadow', writable: true, configurable: true })
      return names
    }
    await vi.waitFor(() => expect(jar()).toEqual(['consent_gate', 'keepme']))
  })

  it('is tried again on a later page while the refusal stands: a removal that failed once does not leave _ga behind', async () => {
    refused()
    plant(...GOOGLE, 'keepme=1')
    const g = gate({ site: 'pisama', ga4: GA })
    expect(g.getConsent()).toMatchObject({ decided: true, choices: { analytics: false } })
    await vi.waitFor(() => expect(cookieNames().sort()).toEqual(['consent_gate', 'keepme']))
    // Nothing was loaded for it: the tracker chunk is for trackers.
    expect(scripts()).not.toContain(GTAG)
  })

  it('leaves a cookie of Google’s shape that the site declares as its own (a `_ga_session`)', async () => {
    refused()
    plant('_ga_session=mine', '_ga=GA1.1.1')
    gate({ site: 'pisama', ga4: GA, cookies: [{ name: '_ga_session', class: 'session' }] })
    await vi.waitFor(() => expect(cookieNames().sort()).toEqual(['_ga_session', 'consent_gate']))
  })

  it('says once, in one message, which cookies it could not remove', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    refused()
    plant('_ga=GA1.1.1', '_gid=GA1')
    // An HttpOnly `_ga`, or one set for another host: the page's writes do not reach it.
    const accessor = documentAccessor('cookie')
    vi.spyOn(document, 'cookie', 'set').mockImplementation((text) => {
      if (!text.startsWith('_ga=')) accessor.set!.call(document, text)
    })
    gate({ site: 'pisama', ga4: GA })
    await vi.waitFor(() => expect(warn).toHaveBeenCalled())
    expect(warn.mock.calls).toEqual([
      [
        'consent-gate: cookie "_ga" — Google Analytics, analytics — present without consent; it could not be removed (HttpOnly, or set for a domain or path this page cannot name): only the server that set it can',
      ],
    ])
    expect(cookieNames()).not.toContain('_gid')
    // Later checks try again and say nothing more about it.
    document.dispatchEvent(new Event('visibilitychange'))
    await flush()
    await flush()
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('leaves Google cookies alone while analytics is granted', async () => {
    await accepted()
    plant('_ga=GA1.1.1', 'mystery=1')
    document.dispatchEvent(new Event('visibilitychange'))
    // The check ran: it names the stray beside them.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await vi.waitFor(() => expect(warn.mock.calls.flat().join()).toMatch(/"mystery"/))
    expect(cookieNames()).toContain('_ga')
  })

  it('leaves them to the tripwire on a site that does not run Google Analytics', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    gate({ site: 'pisama', categories: ['analytics'] }).rejectAll()
    plant('_ga=GA1.1.1')
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.waitFor(() => expect(warn.mock.calls.flat().join()).toMatch(/cookie "_ga" .* present without consent/))
    expect(cookieNames()).toContain('_ga')
  })
})
