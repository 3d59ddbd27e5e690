import { describe, expect, it, vi } from 'vitest'
import { decodeRecord, encodeRecord } from '../../src/consent/record'
import { cookieNames } from '../../src/cookies/declared'
import { createConsentGate } from '../../src/index'
import { loadLanguage } from '../../src/ui/language'
import { GA, gate, layer, scripts, settle } from './helpers'

// The real loader, watched, so a test can make one fetch fail.
vi.mock('../../src/ui/language', async (real) => {
  const m = await real<typeof import('../../src/ui/language')>()
  return { ...m, loadLanguage: vi.fn(m.loadLanguage) }
})

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-TEST1234'
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
    await settle()
    expect(g.getConsent()).toEqual({ decided: false, choices: { analytics: false, marketing: false }, categories: ['analytics'] })
    expect(scripts()).toEqual([])
  })

  it('on accept: updates Consent Mode, loads gtag.js and Vercel once, then js and config', async () => {
    const g = gate({ site: 'pisama', ga4: GA, vercel: true })
    g.acceptAll()
    g.acceptAll()
    await settle()
    expect(scripts().filter((s) => s === GTAG)).toHaveLength(1)
    expect(scripts().filter((s) => s === '/_vercel/insights/script.js')).toHaveLength(1)
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
    await settle()
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
    expect(written).toMatch(/expires=/i)
    expect(written).not.toMatch(/secure/i)
  })

  it('treats garbage and oversized cookies as no choice', async () => {
    document.cookie = 'consent_gate=%%%garbage; Path=/'
    expect(gate({ site: 'pisama', ga4: GA }).getConsent().decided).toBe(false)
  })

  it('treats an oversized cookie as no choice', () => {
    document.cookie = 'consent_gate=' + '1~'.repeat(1500) + '; Path=/'
    expect(gate({ site: 'pisama', ga4: GA }).getConsent().decided).toBe(false)
  })

  it('asks again when the revision changed or the choice expired', () => {
    plant({ analytics: true }, { revision: '1' })
    expect(createConsentGate({ site: 'pisama', ga4: GA, revision: 2 }).getConsent().decided).toBe(false)
    ;(window as unknown as { __consentGate?: { destroy(): void } }).__consentGate?.destroy()
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
    await settle()
    expect(scripts().filter((s) => s === GTAG)).toHaveLength(1)
  })

  it('throws on a bad config through the API and loads nothing', () => {
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

  it('sets the GA opt-out flag and removes Google cookies on withdrawal', async () => {
    const g = gate({ site: 'pisama', ga4: GA })
    g.acceptAll()
    await settle()
    document.cookie = '_ga=GA1.1.1; Path=/'
    document.cookie = '_ga_TEST1234=GS1; Path=/'
    document.cookie = '_gid=GA1; Path=/'
    document.cookie = 'keepme=1; Path=/'
    g.update({ analytics: false })
    await settle()
    expect((window as unknown as Record<string, unknown>)['ga-disable-G-TEST1234']).toBe(true)
    expect(cookieNames().sort()).toEqual(['consent_gate', 'keepme'])
    expect(layer().at(-1)).toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'denied' })])
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
        expect.objectContaining({ name: '_ga', storage: 'cookie', class: 'analytics', declared: false, provider: 'Google Analytics' }),
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
    await settle()
    // The listener calls the closure, not the property, so check the effect: the dialog.
    expect(open).not.toHaveBeenCalled()
    expect(
      document.querySelector('[data-consent-gate-host]')!.shadowRoot!.querySelector('[data-consent-gate="preferences"]'),
    ).not.toBeNull()
  })
})

describe('Pigi never loads analytics', () => {
  it('shows no banner and loads no UI', async () => {
    gate({ site: 'pigi' })
    await settle()
    expect(document.querySelector('[data-consent-gate-host]')).toBeNull()
    expect(layer()).toEqual([])
  })

  it('ignores acceptAll, update and openPreferences', async () => {
    const g = gate({ site: 'pigi' })
    g.acceptAll()
    g.update({ analytics: true })
    await g.openPreferences()
    await settle()
    expect(g.hasConsent('analytics')).toBe(false)
    expect(scripts()).toEqual([])
    expect(document.querySelector('[data-consent-gate-host]')).toBeNull()
  })

  it('ignores a planted cookie claiming analytics', async () => {
    plant({ analytics: true })
    const g = gate({ site: 'pigi' })
    await settle()
    expect(g.hasConsent('analytics')).toBe(false)
    expect(scripts()).toEqual([])
  })

  it('never activates a text/plain analytics script', async () => {
    document.body.innerHTML = '<script type="text/plain" data-consent="analytics" src="/tracker.js"></script>'
    const g = gate({ site: 'pigi' })
    g.acceptAll()
    await settle()
    expect(document.querySelector('script')!.type).toBe('text/plain')
  })

  it('refuses a GA4 or Vercel config', () => {
    expect(() => createConsentGate({ site: 'pigi', ga4: GA })).toThrow(/not allowed on profile "pigi"/)
    expect(() => createConsentGate({ site: 'pigi', vercel: true })).toThrow(/not allowed on profile "pigi"/)
  })
})

describe('start-up', () => {
  it('reads the stored choice in a task of its own, after the page scripts, and shows the banner then', async () => {
    const read = vi.spyOn(document, 'cookie', 'get')
    gate({ site: 'pisama', ga4: GA })
    expect(read).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(document.querySelector('[data-consent-gate-host]')).not.toBeNull())
    expect(read).toHaveBeenCalled()
  })

  it('reads it within one task even when the page never goes idle', async () => {
    vi.stubGlobal('requestIdleCallback', () => 0)
    const read = vi.spyOn(document, 'cookie', 'get')
    try {
      gate({ site: 'pisama', ga4: GA })
      await new Promise((r) => setTimeout(r))
      expect(read).toHaveBeenCalled()
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('reads it at once for a page script that asks first', () => {
    plant({ analytics: true })
    expect(gate({ site: 'pisama', ga4: GA }).receipt()?.consentId).toBe('planted12345678')
    ;(window as unknown as { __consentGate?: { destroy(): void } }).__consentGate?.destroy()
    expect(gate({ site: 'pisama', ga4: GA }).hasConsent('analytics')).toBe(true)
  })

  it('keeps the stored choice and its id when a choice comes before start-up, or after destroy', () => {
    const stored = () => decodeRecord(document.cookie.match(/consent_gate=([^;]*)/)![1])
    for (const destroyFirst of [false, true]) {
      plant({ analytics: true })
      const g = gate({ site: 'pisama', ga4: GA, categories: ['marketing'] })
      if (destroyFirst) g.destroy()
      g.update({ marketing: false })
      expect(stored()).toMatchObject({ id: 'planted12345678', choices: { analytics: true, marketing: false } })
      g.destroy()
    }
  })

  it('does nothing at all when destroyed before that task', async () => {
    const read = vi.spyOn(document, 'cookie', 'get')
    gate({ site: 'pisama', ga4: GA }).destroy()
    await settle()
    expect(read).not.toHaveBeenCalled()
    expect(document.querySelector('[data-consent-gate-host]')).toBeNull()
  })
})

describe('chunks and teardown', () => {
  const shadow = () => document.querySelector('[data-consent-gate-host]')?.shadowRoot

  it('tries a failed fetch again when next needed: no banner at first, then the preferences', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.mocked(loadLanguage).mockRejectedValueOnce(new Error('offline'))
    const g = gate({ site: 'pisama', ga4: GA })
    await settle()
    expect(error.mock.calls[0][0]).toMatch(/could not load the banner/)
    expect(shadow()).toBeUndefined()
    await g.openPreferences()
    expect(shadow()!.querySelector('[data-consent-gate="preferences"]')).not.toBeNull()
  })

  it('hears nothing more once destroyed, whether before or after its idle start-up', async () => {
    const changes: unknown[] = []
    const on = (e: Event) => changes.push(e)
    window.addEventListener('consent-gate:change', on)
    const other = new BroadcastChannel('consent-gate')
    try {
      for (const wait of [false, true]) {
        const g = gate({ site: 'pisama', ga4: GA })
        if (wait) await settle()
        g.destroy()
        plant({ analytics: wait })
        other.postMessage(1)
        await settle()
      }
    } finally {
      other.close()
      window.removeEventListener('consent-gate:change', on)
    }
    expect(changes).toEqual([])
  })
})
