import { beforeEach, describe, expect, it, vi } from 'vitest'
import { decodeRecord, encodeRecord } from '../../src/consent/record'
import { cookieNames } from '../../src/cookies/jar'
import { createConsentGate } from '../../src/index'
import { createTrackers } from '../../src/trackers/index'
import { loadLanguage } from '../../src/ui/language'
import { flush, GA, gate, layer, scripts } from './helpers'

// The real loader, watched, so a test can make one fetch fail.
vi.mock('../../src/ui/language', async (real) => {
  const m = await real<typeof import('../../src/ui/language')>()
  return { ...m, loadLanguage: vi.fn(m.loadLanguage) }
})
// The real tracker chunk, watched, so a test can tell it was never used.
vi.mock('../../src/trackers/index', async (real) => {
  const m = await real<typeof import('../../src/trackers/index')>()
  return { ...m, createTrackers: vi.fn(m.createTrackers) }
})
// restoreAllMocks leaves these two alone, so their calls would add up across tests.
beforeEach(() => vi.clearAllMocks())

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-TEST1234'
const host = () => document.querySelector('[data-consent-gate-host]')
const plant = (choices: { analytics?: boolean }, over: { revision?: string; at?: number; expires?: number } = {}) => {
  const at = over.at ?? Date.now()
  document.cookie = `consent_gate=${encodeRecord({ revision: over.revision ?? '1', id: 'planted12345678', at, expires: over.expires ?? at + 864e5, choices, via: 'banner' })}; Path=/`
}

describe('createConsentGate', () => {
  it('pushes Consent Mode defaults, all denied, before anything else', () => {
    gate({ site: 'pisama', ga4: GA })
    const [first] = layer()
    expect(first[0]).toBe('consent')
    expect(first[1]).toBe('default')
    expect(first[2]).toMatchObject({
      analytics_storage: 'denied',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
    })
    expect(scripts()).not.toContain(GTAG)
  })

  it('pushes gtag arguments objects, not arrays', () => {
    gate({ site: 'pisama', ga4: GA })
    const raw = (window as unknown as { dataLayer: unknown[] }).dataLayer[0]
    expect(Array.isArray(raw)).toBe(false)
    expect(Object.prototype.toString.call(raw)).toBe('[object Arguments]')
  })

  it('starts undecided with nothing granted and no tracker loaded', async () => {
    const g = gate({ site: 'pisama', ga4: GA, vercel: true })
    // The banner is start-up's last step, so by then it has decided everything.
    await vi.waitFor(() => expect(host()).not.toBeNull())
    expect(g.getConsent()).toEqual({
      policy: 'opt-in',
      decided: false,
      choices: { functional: false, analytics: false, marketing: false },
      categories: ['analytics'],
    })
    expect(createTrackers).not.toHaveBeenCalled()
    expect(scripts()).toEqual([])
  })

  it('on accept: updates Consent Mode, loads gtag.js and Vercel once, then js and config', async () => {
    const g = gate({ site: 'pisama', ga4: GA, vercel: true })
    g.acceptAll()
    g.acceptAll()
    // Both choices wait on the one chunk, so both have been carried out once gtag.js is there.
    await vi.waitFor(() => expect(scripts()).toContain(GTAG))
    expect(scripts().filter((s) => s === GTAG)).toHaveLength(1)
    expect(scripts().filter((s) => s === 'http://www.pisama.test/_vercel/insights/script.js')).toHaveLength(1)
    const cmds = layer().map((a) => a.slice(0, 2).join(' '))
    const update = cmds.indexOf('consent update')
    expect(update).toBeGreaterThan(0)
    expect(layer()[update][2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' })
    expect(cmds.indexOf('config G-TEST1234')).toBeGreaterThan(update)
    expect(cmds.filter((c) => c === 'config G-TEST1234')).toHaveLength(1)
    expect(g.hasConsent('analytics')).toBe(true)
  })

  it('on reject: loads no tracker and no tracker chunk', async () => {
    const g = gate({ site: 'pisama', ga4: GA, vercel: true })
    g.rejectAll()
    await flush()
    expect(createTrackers).not.toHaveBeenCalled()
    expect(scripts()).toEqual([])
    expect(g.getConsent()).toMatchObject({ decided: true, choices: { analytics: false } })
  })

  it('remembers a choice across page loads (a new gate reads the cookie)', async () => {
    const first = createConsentGate({ site: 'pisama', ga4: GA })
    first.acceptAll()
    first.destroy()
    const second = gate({ site: 'pisama', ga4: GA })
    expect(second).not.toBe(first)
    expect(second.getConsent().decided).toBe(true)
    // Consent Mode stores nothing: the new page says default, then the stored choice.
    const cmds = layer().map((a) => a.slice(0, 2).join(' '))
    expect(cmds.lastIndexOf('consent update')).toBeGreaterThan(cmds.lastIndexOf('consent default'))
  })

  it('writes a Lax, path-wide consent cookie that holds the choice', () => {
    const set = vi.spyOn(document, 'cookie', 'set')
    gate({ site: 'pisama', ga4: GA, cookieDomain: 'pisama.test' }).rejectAll()
    const written = set.mock.calls.map((c) => String(c[0])).find((c) => /^consent_gate=[^;]/.test(c))!
    expect(written).toMatch(/path=\//i)
    expect(written).toMatch(/domain=pisama\.test/i)
    expect(written).toMatch(/samesite=Lax/i)
    // For the site's lifetime, 182 days by default, in seconds.
    expect(written).toMatch(/max-age=(157247|157248)\d\d;/i)
    expect(written).not.toMatch(/secure/i)
    expect(decodeRecord(written.split(';')[0].slice('consent_gate='.length))).toMatchObject({
      choices: { analytics: false },
      via: 'api',
    })
  })

  it('treats a garbage cookie as no choice', () => {
    document.cookie = 'consent_gate=%%%garbage; Path=/'
    expect(gate({ site: 'pisama', ga4: GA }).getConsent().decided).toBe(false)
  })

  it('treats an oversized cookie as no choice', () => {
    document.cookie = 'consent_gate=' + '1~'.repeat(1500) + '; Path=/'
    expect(gate({ site: 'pisama', ga4: GA }).getConsent().decided).toBe(false)
  })

  it('asks again when the revision changed or the choice expired', () => {
    plant({ analytics: true }, { revision: '1' })
    const first = createConsentGate({ site: 'pisama', ga4: GA, revision: 2 })
    expect(first.getConsent().decided).toBe(false)
    first.destroy()
    plant({ analytics: true }, { at: Date.now() - 10 * 864e5, expires: Date.now() - 1 })
    expect(gate({ site: 'pisama', ga4: GA }).getConsent().decided).toBe(false)
  })

  it('loads trackers at once for a returning visitor who accepted', async () => {
    plant({ analytics: true })
    gate({ site: 'pisama', ga4: GA })
    await vi.waitFor(() => expect(scripts()).toContain(GTAG))
  })

  it('keeps the choice in memory and warns once when cookies are blocked', async () => {
    vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {})
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const g = gate({ site: 'pisama', ga4: GA })
    g.rejectAll()
    g.acceptAll()
    expect(g.hasConsent('analytics')).toBe(true)
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1))
    await new Promise((r) => setTimeout(r))
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0][0]).toMatch(/cookies are blocked/)
  })

  it('survives a cookie jar that throws', () => {
    vi.spyOn(document, 'cookie', 'get').mockImplementation(() => {
      throw new Error('SecurityError')
    })
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const g = gate({ site: 'pisama', ga4: GA })
    expect(g.getConsent().decided).toBe(false)
    g.rejectAll()
    expect(g.getConsent().decided).toBe(true)
  })

  it('returns the same gate on a second init and loads nothing twice', async () => {
    const a = gate({ site: 'pisama', ga4: GA })
    const b = createConsentGate({ site: 'pisama', ga4: GA })
    expect(b).toBe(a)
    expect(layer().filter((l) => l[1] === 'default')).toHaveLength(1)
    a.acceptAll()
    b.acceptAll()
    await vi.waitFor(() => expect(scripts()).toContain(GTAG))
    expect(scripts().filter((s) => s === GTAG)).toHaveLength(1)
    expect(createTrackers).toHaveBeenCalledTimes(1)
  })

  it('throws on a bad config through the API and loads nothing', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => createConsentGate({ site: 'pisama', ga4: { measurementId: 'UA-1' } })).toThrow(/ga4.measurementId/)
    expect(layer()).toEqual([])
  })

  it('rejects an unknown category in update()', () => {
    const g = gate({ site: 'pisama', ga4: GA })
    expect(() => g.update({ advertising: true } as never)).toThrow(/unknown category "advertising"/)
    expect(() => g.update(null as never)).toThrow(/update\(\) takes an object/)
    expect(g.getConsent().decided).toBe(false)
  })

  it('is not fooled by a key a page script added to Object.prototype', () => {
    ;(Object.prototype as Record<string, unknown>).polluted = 1
    try {
      const g = gate({ site: 'pisama', ga4: GA })
      g.acceptAll()
      expect(g.hasConsent('analytics')).toBe(true)
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted
    }
  })

  it('notifies subscribers and fires consent-gate:change, until unsubscribed', () => {
    const g = gate({ site: 'pisama', ga4: GA })
    const seen: boolean[] = []
    const off = g.subscribe((c) => seen.push(c.choices.analytics))
    const events: unknown[] = []
    window.addEventListener('consent-gate:change', (e) => events.push((e as CustomEvent).detail))
    g.acceptAll()
    g.update({ analytics: false })
    off()
    g.acceptAll()
    expect(seen).toEqual([true, false])
    expect(events).toHaveLength(3)
  })

  it('tells every listener each choice in the order made, when a listener makes one in reply', () => {
    const g = gate({ site: 'pisama', ga4: GA })
    const heard: string[] = []
    // The first listener refuses whatever was granted: the others must end on its refusal.
    g.subscribe((c) => (heard.push(`first ${c.choices.analytics}`), c.choices.analytics && g.rejectAll()))
    g.subscribe((c) => heard.push(`second ${c.choices.analytics}`))
    const events: boolean[] = []
    window.addEventListener('consent-gate:change', (e) => events.push((e as CustomEvent).detail.choices.analytics))
    g.acceptAll()
    expect(heard).toEqual(['first true', 'second true', 'first false', 'second false'])
    expect(events).toEqual([true, false])
    expect(g.hasConsent('analytics')).toBe(false)
  })

  it('cuts off listeners that answer each other without end, once, and the page goes on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const g = gate({ site: 'pisama', ga4: GA })
    let heard = 0
    g.subscribe((c) => (heard++, g.update({ analytics: !c.choices.analytics })))
    g.acceptAll()
    expect(heard).toBeLessThanOrEqual(51)
    // Worded in the lazy chunk that words option errors.
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1))
    expect(String(warn.mock.calls[0][0])).toMatch(/listeners answer each other with choices without end/)
    // The last choice made counts, as stored.
    expect(decodeRecord(document.cookie.match(/consent_gate=([^;]*)/)![1])!.choices.analytics).toBe(g.hasConsent('analytics'))
  })

  it('tells nothing more once a listener destroys the gate', () => {
    const g = gate({ site: 'pisama', ga4: GA })
    const events: boolean[] = []
    window.addEventListener('consent-gate:change', (e) => events.push((e as CustomEvent).detail.choices.analytics))
    g.subscribe((c) => c.choices.analytics && (g.rejectAll(), g.destroy()))
    g.acceptAll()
    expect(events).toEqual([true])
  })

  it('sets the GA opt-out flag and removes Google cookies on withdrawal', async () => {
    const g = gate({ site: 'pisama', ga4: GA })
    g.acceptAll()
    await vi.waitFor(() => expect(scripts()).toContain(GTAG))
    document.cookie = '_ga=GA1.1.1; Path=/'
    document.cookie = '_ga_TEST1234=GS1; Path=/'
    document.cookie = '_gid=GA1; Path=/'
    document.cookie = 'keepme=1; Path=/'
    g.update({ analytics: false })
    // The switch is thrown once the tracker chunk has the withdrawal; the cookies go right after.
    await vi.waitFor(() => expect((window as unknown as Record<string, unknown>)['ga-disable-G-TEST1234']).toBe(true))
    await vi.waitFor(() => expect(cookieNames().sort()).toEqual(['consent_gate', 'keepme']))
    expect(layer().at(-2)).toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'denied' })])
  })

  it('classifies with the profile and audits what is stored', async () => {
    const g = gate({ site: 'pigi' })
    document.cookie = 'XSRF-TOKEN=abc; Path=/'
    document.cookie = '_ga=1; Path=/'
    localStorage.setItem('theme', 'dark')
    expect(await g.classify('pigi_session')).toBe('session')
    expect(await g.audit()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'XSRF-TOKEN', storage: 'cookie', class: 'xsrf', declared: true }),
        expect.objectContaining({
          name: '_ga',
          storage: 'cookie',
          class: 'analytics',
          declared: false,
          provider: 'Google Analytics',
        }),
        { name: 'theme', storage: 'localStorage', class: 'essential', declared: true },
      ]),
    )
    localStorage.clear()
  })

  it('gives a receipt for the current choice', () => {
    const onConsent = vi.fn()
    const g = gate({ site: 'pisama', ga4: GA, revision: 'r7', onConsent })
    expect(g.receipt()).toBeUndefined()
    g.acceptAll()
    expect(g.receipt()).toMatchObject({
      site: 'pisama',
      revision: 'r7',
      choices: { analytics: true },
      via: 'api',
      sdkVersion: '0.1.0',
    })
    expect(onConsent).toHaveBeenCalledWith(g.receipt())
  })

  it('opens preferences when an element with data-consent-open is clicked', async () => {
    const g = gate({ site: 'pisama', ga4: GA })
    const open = vi.spyOn(g, 'openPreferences')
    document.body.innerHTML = '<a href="#" data-consent-open><span>Cookie settings</span></a>'
    document.querySelector('span')!.click()
    // The listener calls the closure, not the property, so check the effect: the dialog.
    await vi.waitFor(() => expect(host()?.shadowRoot?.querySelector('[data-consent-gate="preferences"]')).toBeTruthy())
    expect(open).not.toHaveBeenCalled()
  })
})

describe('Pigi never loads analytics', () => {
  it('shows no banner and loads no UI', async () => {
    gate({ site: 'pigi' })
    await flush()
    expect(loadLanguage).not.toHaveBeenCalled()
    expect(host()).toBeNull()
    expect(layer()).toEqual([])
  })

  it('ignores acceptAll, update and openPreferences', async () => {
    const g = gate({ site: 'pigi' })
    g.acceptAll()
    g.update({ analytics: true })
    await g.openPreferences()
    await flush()
    expect(g.hasConsent('analytics')).toBe(false)
    expect(createTrackers).not.toHaveBeenCalled()
    expect(scripts()).toEqual([])
    expect(host()).toBeNull()
  })

  it('has nothing to ask: decided from the start, and reads no cookie while it starts', () => {
    const get = vi.spyOn(document, 'cookie', 'get')
    const g = gate({ site: 'pigi' })
    expect(get).not.toHaveBeenCalled()
    expect(g.getConsent()).toEqual({
      policy: 'opt-in',
      decided: true,
      choices: { functional: false, analytics: false, marketing: false },
      categories: [],
    })
  })

  it('stores no choice: no cookie, receipt, listener call or onConsent, and bad input still throws', async () => {
    const onConsent = vi.fn()
    const heard = vi.fn()
    const g = gate({ site: 'pigi', onConsent })
    g.subscribe(heard)
    g.acceptAll()
    g.rejectAll()
    g.update({ analytics: true })
    expect(() => g.update({ advertising: true } as never)).toThrow(/unknown category "advertising"/)
    await flush()
    expect(cookieNames()).not.toContain('consent_gate')
    expect(g.receipt()).toBeUndefined()
    expect([onConsent, heard].map((f) => f.mock.calls.length)).toEqual([0, 0])
  })

  it('leaves alone a choice stored by a site that asks (one sharing the cookie through cookieDomain, say)', async () => {
    // www.pisama.test asked and stored analytics granted for the whole domain; this page offers nothing.
    plant({ analytics: true })
    const before = document.cookie
    const g = gate({ site: 'pigi' })
    g.rejectAll()
    g.update({})
    await flush()
    expect(document.cookie).toBe(before)
    expect(g.receipt()).toBeUndefined()
  })

  it('is decided under notice rules too, where a site without trackers offers nothing', () => {
    expect(gate({ site: 'acme', policies: { '*': 'notice' } }).getConsent()).toMatchObject({ decided: true, categories: [] })
  })

  it('ignores a planted cookie claiming analytics', async () => {
    plant({ analytics: true })
    const g = gate({ site: 'pigi' })
    await flush()
    expect(g.hasConsent('analytics')).toBe(false)
    expect(createTrackers).not.toHaveBeenCalled()
    expect(scripts()).toEqual([])
  })

  it('never activates a text/plain analytics script', async () => {
    document.body.innerHTML = '<script type="text/plain" data-consent="analytics" src="/tracker.js"></script>'
    const g = gate({ site: 'pigi' })
    g.acceptAll()
    await flush()
    expect(document.querySelector('script')!.type).toBe('text/plain')
  })

  it('refuses a GA4 or Vercel config: throws at once naming the option, then says why on the console', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => createConsentGate({ site: 'pigi', ga4: GA })).toThrow(/option "ga4" is invalid/)
    expect(() => createConsentGate({ site: 'pigi', vercel: true })).toThrow(/option "vercel" is invalid/)
    // The wording is a lazy chunk, in the npm build as in the script tag.
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(2))
    expect(error.mock.calls.map((c) => c[0])).toEqual([
      expect.stringMatching(/^consent-gate: option "ga4" is not allowed on site "pigi", got /),
      'consent-gate: option "vercel" is not allowed on site "pigi", got true',
    ])
  })
})

describe('start-up', () => {
  it('reads the stored choice once, while it starts, and shows the banner then', async () => {
    const read = vi.spyOn(document, 'cookie', 'get')
    gate({ site: 'pisama', ga4: GA })
    // At once: a first visit's banner chunk is requested before the loader returns, and a
    // returning visit spends no later task on the read.
    expect(read).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(host()).not.toBeNull())
  })

  it('reads it at once for a page script that asks first', () => {
    plant({ analytics: true })
    const first = gate({ site: 'pisama', ga4: GA })
    expect(first.receipt()?.consentId).toBe('planted12345678')
    first.destroy()
    expect(gate({ site: 'pisama', ga4: GA }).hasConsent('analytics')).toBe(true)
  })

  it('keeps the stored choice and its id when a choice comes before start-up', () => {
    const stored = () => decodeRecord(document.cookie.match(/consent_gate=([^;]*)/)![1])
    plant({ analytics: true })
    const g = gate({ site: 'pisama', ga4: GA, categories: ['marketing'] })
    g.update({ marketing: false })
    expect(stored()).toMatchObject({ id: 'planted12345678', choices: { analytics: true, marketing: false } })
  })

  it('is inert once destroyed: no write, no event, no receipt, no fetch, no throw', async () => {
    plant({ analytics: false })
    const before = document.cookie
    const g = gate({ site: 'pisama', ga4: GA, receiptUrl: '/receipts' })
    const post = vi.spyOn(window, 'fetch')
    const changes = vi.fn()
    addEventListener('consent-gate:change', changes)
    g.destroy()
    expect(() => {
      g.acceptAll()
      g.rejectAll()
      g.update({ analytics: true })
      g.destroy()
    }).not.toThrow()
    await g.openPreferences()
    await g.renderCookieTable(document.body)
    expect(g.subscribe(() => {})).toBeTypeOf('function')
    // The refusal planted before is still proved; none of the calls above made another.
    expect(g.receipt()).toMatchObject({ choices: { analytics: false } })
    await flush()
    expect(document.cookie).toBe(before)
    expect(g.hasConsent('analytics')).toBe(false)
    expect(changes).not.toHaveBeenCalled()
    expect(post).not.toHaveBeenCalled()
    expect(host()).toBeNull()
    removeEventListener('consent-gate:change', changes)
  })

  it('after destroy, still says a choice was made and proves it, but vouches for no category', async () => {
    plant({ analytics: true })
    const g = gate({ site: 'pisama', ga4: GA })
    await vi.waitFor(() => expect(scripts()).toContain(GTAG))
    const proof = g.receipt()
    g.destroy()
    expect(g.getConsent()).toEqual({
      policy: 'opt-in',
      decided: true,
      choices: { functional: false, analytics: false, marketing: false },
      categories: ['analytics'],
    })
    expect(g.hasConsent('analytics')).toBe(false)
    expect(g.receipt()).toEqual(proof)
    // Nothing is read: a withdrawal written meanwhile changes no answer.
    const read = vi.spyOn(document, 'cookie', 'get')
    plant({ analytics: false }, { at: Date.now() + 1 })
    expect(g.getConsent().decided).toBe(true)
    expect(g.receipt()).toEqual(proof)
    expect(await g.classify('_ga')).toBe('unknown')
    expect(await g.audit()).toEqual([])
    expect(read).not.toHaveBeenCalled()
  })

  it('cuts an unknown category with a megabyte name to a short message', () => {
    const g = gate({ site: 'pisama', ga4: GA })
    expect(() => g.update({ ['c'.repeat(1 << 20)]: true } as never)).toThrow(
      /^consent-gate: unknown category "c{100}"; categories are/,
    )
    expect(g.getConsent().decided).toBe(false)
  })

  it('looks once after load, whether the load event or a start-up on a loaded page comes first', async () => {
    gate({ site: 'pigi' })
    await flush()
    const read = vi.spyOn(document, 'cookie', 'get')
    // A page that made its gate in readystatechange "complete" still fires load afterwards.
    dispatchEvent(new Event('load'))
    await flush()
    expect(read).not.toHaveBeenCalled()
  })

  it('shows nothing when destroyed before its chunk arrives', async () => {
    gate({ site: 'pisama', ga4: GA }).destroy()
    await flush()
    expect(host()).toBeNull()
  })
})

describe('chunks and teardown', () => {
  const shadow = () => host()?.shadowRoot

  it('tries a failed fetch again when next needed: no banner at first, then the preferences', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.mocked(loadLanguage).mockRejectedValueOnce(new Error('offline'))
    const g = gate({ site: 'pisama', ga4: GA })
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    expect(error.mock.calls[0][0]).toMatch(/a part could not load/)
    expect(shadow()).toBeUndefined()
    await g.openPreferences()
    expect(shadow()!.querySelector('[data-consent-gate="preferences"]')).not.toBeNull()
  })

  it('hears nothing more once destroyed, whether before or after its idle start-up', async () => {
    const changes: unknown[] = []
    const on = (e: Event) => changes.push(e)
    window.addEventListener('consent-gate:change', on)
    const other = new BroadcastChannel('consent-gate')
    // A second listener: by the time it has the message, a gate still listening would have it too.
    const witness = new BroadcastChannel('consent-gate')
    try {
      for (const wait of [false, true]) {
        const g = gate({ site: 'pisama', ga4: GA })
        if (wait) await flush()
        g.destroy()
        plant({ analytics: wait })
        const heard = new Promise((r) => (witness.onmessage = r))
        other.postMessage(1)
        await heard
        await flush()
      }
    } finally {
      other.close()
      witness.close()
      window.removeEventListener('consent-gate:change', on)
    }
    expect(changes).toEqual([])
  })
})
