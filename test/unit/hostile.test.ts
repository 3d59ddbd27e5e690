// The adversarial suite: a page whose *data* is hostile (options from a CMS, cookies tossed from a
// sibling subdomain, a prototype polluted by some deep-merge, injected markup, missing browser
// APIs) must never grant consent, run script, or silently switch the SDK off. One block per class
// of defect; each test fails without its fix.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { explain } from '../../src/config/explain'
import { resolveConfig, type Options } from '../../src/config/options'
import { encodeRecord, type ConsentRecord } from '../../src/consent/record'
import { findDeclared } from '../../src/config/profiles'
import { createConsentGate } from '../../src/index'
import { addGatedTag, GA, gate, layer, scripts } from './helpers'

const words = (options: unknown) => {
  try {
    resolveConfig(options as Options)
  } catch (e) {
    return (explain(e) as Error).message
  }
  return 'accepted'
}
const host = () => document.querySelector('[data-consent-gate-host]')?.shadowRoot
const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => {
  const at = over.at ?? Date.now()
  return { revision: '1', id: 'visitor12345678', at, expires: at + 864e5, choices: {}, via: 'banner', ...over }
}
const plant = (r: ConsentRecord, attrs = 'Path=/') => (document.cookie = `consent_gate=${encodeRecord(r)}; ${attrs}`)
const stored = () => document.cookie.match(/consent_gate=[^;]*/g) ?? []

describe('1. script URLs from config', () => {
  const hostile = [
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'JAVASCRIPT:x',
    'data:text/html,x',
    'vbscript:x',
  ]
  it.each(hostile)('refuses %j as policyUrl, receiptUrl, ga4.scriptUrl and vercel.scriptSrc', (url) => {
    expect(words({ site: 'pisama', policyUrl: url })).toMatch(/option "policyUrl" must be/)
    expect(words({ site: 'pisama', receiptUrl: url })).toMatch(/option "receiptUrl" must be/)
    expect(words({ site: 'pisama', ga4: { ...GA, scriptUrl: url } })).toMatch(/option "ga4.scriptUrl" must be/)
    expect(words({ site: 'pisama', vercel: { scriptSrc: url } })).toMatch(/option "vercel.scriptSrc" must be/)
  })

  it.each(['/privacy', 'privacy.html', 'https://example.com/p', 'http://example.com/p', '//cdn.example.com/g.js'])(
    'accepts the relative or http(s) link %j, resolved once against the page',
    (url) =>
      expect(resolveConfig({ site: 'pisama', policyUrl: url, receiptUrl: url }).policyUrl).toBe(new URL(url, location.href).href),
  )

  it("injects scripts only from this origin or the tracker's own host, with the nonce", () => {
    expect(resolveConfig({ site: 'pisama', vercel: { scriptSrc: '/va.js' } }).vercel!.src).toBe('http://www.pisama.test/va.js')
    expect(resolveConfig({ site: 'pisama', ga4: { ...GA, scriptUrl: '/g' } }).ga4!.src).toMatch(
      /^http:\/\/www.pisama.test\/g\?id=/,
    )
    expect(words({ site: 'pisama', vercel: { scriptSrc: 'https://va.vercel-scripts.com/v1/script.debug.js' } })).toBe('accepted')
    expect(words({ site: 'pisama', vercel: { scriptSrc: 'https://evil.example/x.js' } })).toMatch(
      /option "vercel.scriptSrc" must be a URL on this site's origin or on va.vercel-scripts.com, got "https:\/\/evil.example\/x.js"/,
    )
    expect(words({ site: 'pisama', ga4: { ...GA, scriptUrl: '//evil.example/g.js' } })).toMatch(
      /"ga4.scriptUrl" must be a URL on this site's origin or on www.googletagmanager.com/,
    )
  })

  it('resolves a relative script URL before the page can inject a <base>', () => {
    const config = resolveConfig({ site: 'pisama', vercel: true })
    document.head.insertAdjacentHTML('afterbegin', '<base href="https://evil.example/">')
    expect(config.vercel!.src).toBe('http://www.pisama.test/_vercel/insights/script.js')
  })

  it('puts no polluted Object.prototype key on the scripts it injects', async () => {
    const proto = Object.prototype as Record<string, unknown>
    const g = gate({ site: 'pisama', ga4: GA, vercel: true, nonce: 'n0nce' })
    Object.assign(proto, { src: 'https://evil.example/x.js', onload: 'window.pwned = 1' })
    try {
      g.acceptAll()
      await vi.waitFor(() => expect(scripts()).toHaveLength(2))
      for (const s of document.querySelectorAll('script')) {
        expect(s.getAttribute('src')).not.toContain('evil')
        expect(s.hasAttribute('onload')).toBe(false)
      }
    } finally {
      delete proto.src
      delete proto.onload
    }
  })
})

describe('2. a polluted Object.prototype', () => {
  const proto = Object.prototype as Record<string, unknown>
  const pollute = (keys: Record<string, unknown>) => Object.assign(proto, keys)
  afterEach(() => {
    for (const k of [
      'analytics',
      'marketing',
      'ga4',
      'ga4Src',
      'ConsentGateConfig',
      'receiptUrl',
      'policyUrl',
      'foo',
      'dangerouslySetInnerHTML',
      'vercel',
      'site',
    ])
      delete proto[k]
  })

  it('resolves exactly the same config', () => {
    const clean = resolveConfig({ site: 'pigi' })
    pollute({ ga4: { measurementId: 'G-EVIL' }, vercel: true, receiptUrl: '/steal', policyUrl: 'javascript:x', analytics: true })
    expect(resolveConfig({ site: 'pigi' })).toEqual(clean)
    expect(resolveConfig({ site: 'pigi' }).receiptUrl).toBeUndefined()
  })

  it('grants nothing and runs no data-consent="foo" or "analytics" tag', async () => {
    pollute({ foo: true, analytics: true, marketing: true })
    document.body.innerHTML =
      '<script type="text/plain" data-consent="foo" src="/foo.js"></script><script type="text/plain" data-consent="analytics" src="/a.js"></script>'
    const g = gate({ site: 'pisama', ga4: GA })
    expect(g.hasConsent('foo' as never)).toBe(false)
    expect(g.hasConsent('analytics')).toBe(false)
    g.update({ marketing: true } as never)
    expect(g.getConsent().choices).toEqual({ functional: false, analytics: false, marketing: false })
    // Had anything been granted, the tracker chunk would have run the tags by the next task.
    await import('../../src/trackers/index')
    await new Promise((r) => setTimeout(r))
    expect(scripts()).toEqual(['/foo.js', '/a.js'])
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(2)
  })

  it('leaves the dialog unticked, so Save grants nothing, and injects no markup into the banner', async () => {
    pollute({ analytics: true, dangerouslySetInnerHTML: { __html: '<img id="pwned">' } })
    const g = gate({ site: 'pisama', ga4: GA })
    await g.openPreferences()
    const toggle = host()!.querySelector<HTMLInputElement>('input[name="analytics"]')!
    expect(toggle.checked).toBe(false)
    expect(host()!.querySelector('#pwned')).toBeNull()
    host()!.querySelector<HTMLElement>('[data-action="save"]')!.click()
    expect(g.getConsent()).toMatchObject({ decided: true, choices: { analytics: false } })
    expect(scripts()).toEqual([])
  })

  it('sends no receipt to an inherited receiptUrl', () => {
    pollute({ receiptUrl: '/steal' })
    const post = vi.spyOn(window, 'fetch').mockResolvedValue(new Response(null, { status: 204 }))
    gate({ site: 'pisama', ga4: GA }).acceptAll()
    expect(post).not.toHaveBeenCalled()
  })
})

describe('3. a custom profile that promises no trackers', () => {
  it('refuses an analytics or marketing declaration in the profile itself', () => {
    const wording = { purpose: 'Stats', lifetime: '13 months', provider: 'Matomo' }
    const profile = { name: 'quiet', trackers: [], cookies: [{ name: '_pk_id', class: 'analytics' as const, ...wording }] }
    expect(words({ profile })).toMatch(/option "profile.cookies" cannot declare analytics cookies on site "quiet"/)
    expect(words({ profile: { ...profile, cookies: [{ name: 'ad', class: 'marketing', ...wording }] } })).toMatch(/marketing/)
  })

  it('is as closed as Pigi: no banner, nothing granted, no gated tag runs', async () => {
    document.body.innerHTML = '<script type="text/plain" data-consent="analytics" src="/a.js"></script>'
    const g = gate({
      profile: {
        name: 'quiet',
        trackers: [],
        cookies: [{ name: 'sid', class: 'session', purpose: 'Sign-in', lifetime: 'Session', provider: 'Quiet' }],
      },
    })
    g.acceptAll()
    expect(g.getConsent()).toMatchObject({ categories: [], choices: { functional: false, analytics: false, marketing: false } })
    await import('../../src/trackers/index')
    await new Promise((r) => setTimeout(r))
    expect(document.querySelector('script')!.type).toBe('text/plain')
    expect(document.querySelector('[data-consent-gate-host]')).toBeNull()
  })
})

describe('4. tossed and malformed cookies', () => {
  it('a planted grant dated a little ahead never overrides a stored refusal, and the refusal is rewritten', () => {
    plant(record({ at: Date.now() - 6e4, choices: { analytics: false } }))
    plant(record({ id: 'attacker1234567', at: Date.now() + 2 * 6e4, choices: { analytics: true } }), 'Path=/x')
    const g = gate({ site: 'pisama', ga4: GA })
    expect(g.hasConsent('analytics')).toBe(false)
    expect(g.getConsent().decided).toBe(true)
    // Both copies this page could reach were replaced by the restrictive one.
    expect(stored()).toHaveLength(1)
    expect(stored()[0]).toContain('~0--~')
  })

  it('a record dated far ahead counts for nothing and hides no valid record beside it', () => {
    plant(
      record({
        id: 'attacker1234567',
        at: Date.now() + 864e5 * 300,
        expires: Date.now() + 864e5 * 400,
        choices: { analytics: false },
      }),
      'Path=/x',
    )
    expect(gate({ site: 'pisama', ga4: GA }).getConsent().decided).toBe(false)
  })

  it('a planted grant alone can be no longer than lifetimeDays, whatever expiry it claims', () => {
    plant(record({ at: Date.now() - 10 * 864e5, expires: Date.now() + 300 * 864e5, choices: { analytics: true } }))
    expect(gate({ site: 'pisama', ga4: GA, lifetimeDays: 7 }).getConsent().decided).toBe(false)
  })

  it.each(['', '1~', 'x'.repeat(4000), '1~1~id~~~~~', '%', '"unterminated'])(
    'reads %j as no choice, without a throw',
    (value) => {
      document.cookie = `consent_gate=${value}; Path=/`
      const g = gate({ site: 'pisama', ga4: GA })
      expect(g.getConsent().decided).toBe(false)
    },
  )
})

describe('5. a failed start leaves nothing behind', () => {
  const w = window as unknown as Record<string, unknown>
  it.each([
    ['a dataLayer that is no array', () => (w.dataLayer = {})],
    ['a frozen dataLayer', () => (w.dataLayer = Object.freeze([]))],
    [
      'a page gtag that throws',
      () =>
        (w.gtag = () => {
          throw new Error('page gtag')
        }),
    ],
  ])('with %s: throws one error naming the cause, then no banner, listener, timer or cookie', async (_, spoil) => {
    spoil()
    const listen = vi.spyOn(document, 'addEventListener')
    const timer = vi.spyOn(window, 'setTimeout')
    expect(() => createConsentGate({ site: 'pisama', ga4: GA })).toThrow(/could not start: the page's dataLayer or gtag/)
    expect(listen).not.toHaveBeenCalled()
    expect(timer).not.toHaveBeenCalled()
    await new Promise((r) => setTimeout(r, 0))
    expect(document.querySelector('[data-consent-gate-host]')).toBeNull()
    expect(stored()).toEqual([])
    // A later, healthy init is not blocked by the failed one.
    delete w.dataLayer
    delete w.gtag
    gate({ site: 'pisama', ga4: GA }).rejectAll()
    expect(stored()).toHaveLength(1)
  })
})

describe('7. a missing or throwing browser API stops no step of a choice', () => {
  afterEach(() => vi.unstubAllGlobals())

  it.each([
    [
      'a BroadcastChannel constructor that throws',
      () =>
        vi.stubGlobal('BroadcastChannel', function () {
          throw new Error('no channel')
        }),
    ],
    ['no CustomEvent', () => vi.stubGlobal('CustomEvent', undefined)],
  ])('with %s, the choice is stored, announced to subscribers and receipted', async (_, spoil) => {
    spoil()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const post = vi.spyOn(window, 'fetch').mockResolvedValue(new Response(null, { status: 204 }))
    const heard = vi.fn()
    const receipts = vi.fn()
    const g = gate({ site: 'pisama', ga4: GA, receiptUrl: '/r', onConsent: receipts })
    g.subscribe(heard)
    g.acceptAll()
    expect(stored()).toHaveLength(1)
    expect(heard).toHaveBeenCalledTimes(1)
    expect(receipts).toHaveBeenCalledTimes(1)
    expect(post).toHaveBeenCalledTimes(1)
    expect(
      layer().some((a) => a[1] === 'update' && (a[2] as { analytics_storage: string }).analytics_storage === 'granted'),
    ).toBe(true)
    expect(error).toHaveBeenCalled()
  })

  it('shows the banner when navigator.languages is missing', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(undefined as never)
    gate({ site: 'pisama', ga4: GA })
    await vi.waitFor(() => expect(host()?.querySelector('[data-consent-gate="banner"]')).toBeTruthy())
  })
})

describe('8. DOM clobbering', () => {
  it('starts, and the script tag exposes the gate, whatever ids and names the markup uses', async () => {
    document.body.innerHTML =
      '<div id="__consentGate"></div><a id="ConsentGate"></a><form name="ConsentGateConfig"><input name="site" value="pisama"></form>'
    const tag = document.createElement('script')
    tag.setAttribute('data-site', 'pigi')
    vi.spyOn(document, 'currentScript', 'get').mockReturnValue(tag)
    vi.resetModules()
    await import('../../src/script-tag')
    const g = window.ConsentGate!
    expect(typeof g.getConsent).toBe('function')
    // Pigi's, from the tag: a gate for another profile would throw here.
    expect(createConsentGate({ site: 'pigi' })).toBe(g)
    g.destroy()
    delete window.ConsentGate
  })
})

describe('9. every nested key is checked', () => {
  it.each([
    [
      { site: 'pisama', ga4: { measurementId: 'G-A1', scriptURL: '/g.js' } },
      /option "ga4.scriptURL" is not a known option; did you mean "ga4.scriptUrl"\? Known here: measurementId, scriptUrl/,
    ],
    [{ site: 'pisama', vercel: { mode: 'production' } }, /option "vercel.mode" is not a known option/],
    [{ profile: { name: 'acme', cookes: [] } }, /option "profile.cookes" is not a known option/],
    [
      { site: 'pisama', cookies: [{ name: 'a', class: 'session', purpose: 'p', lifetime: 'l', provider: 'x', sameSite: 'Lax' }] },
      /option "cookies\[0\].sameSite" is not a known option/,
    ],
    [
      {
        site: 'pisama',
        cookies: [{ name: 'a', class: 'session', purpose: 'p', lifetime: 'l', provider: 'x', storage: 'indexedDB' }],
      },
      /option "cookies\[0\].storage" must be one of cookie, localStorage/,
    ],
    [{ site: 'pisama', strings: { title: 42 } }, /option "strings.title" must be a non-empty string, got 42/],
    [{ site: 'pisama', strings: { about: { x: 1 } } }, /option "strings.about.x" must be a non-empty string/],
    [{ site: 'pisama', lifetimeDays: NaN }, /option "lifetimeDays" must be a number of days.*got NaN/],
    [{ site: 'pisama', lifetimeDays: Infinity }, /got Infinity/],
    ['pisama', /option "options" must be an object of options, e.g. \{ site: "pisama" \}, got "pisama"/],
    [{ site: 'pisama', ga4: 'G-A1' }, /option "ga4" must be an object, got "G-A1"/],
  ])('refuses %s by name', (options, message) => expect(words(options)).toMatch(message))

  it('names window.ConsentGateConfig when it is no object', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    window.ConsentGateConfig = 'pisama' as never
    vi.spyOn(document, 'currentScript', 'get').mockReturnValue(document.createElement('script'))
    vi.resetModules()
    await import('../../src/script-tag')
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1))
    expect(error.mock.calls[0][0]).toBe(
      'consent-gate: option "window.ConsentGateConfig" must be an object of options, e.g. { site: "pisama" }, got "pisama"',
    )
    expect(window.ConsentGate).toBeUndefined()
    delete window.ConsentGateConfig
  })
})

describe('10. an unusable cookieDomain', () => {
  it.each(['pisama.example', 'com', 'test', 'ww.pisama.test'])('refuses %j on www.pisama.test at start', (domain) => {
    expect(words({ site: 'pisama', cookieDomain: domain })).toMatch(
      /option "cookieDomain" must be this page's host "www.pisama.test" or a parent domain of it, and not a top-level domain/,
    )
  })

  it.each(['pisama.test', '.pisama.test', 'www.pisama.test', 'PISAMA.test'])('accepts %j', (domain) => {
    expect(words({ site: 'pisama', cookieDomain: domain })).toBe('accepted')
  })
})

describe('13. gated tags an app adds later', () => {
  it('run when they appear while their category is granted', async () => {
    const g = gate({ site: 'pisama', ga4: GA })
    g.acceptAll()
    await vi.waitFor(() => expect(scripts()).toContain('https://www.googletagmanager.com/gtag/js?id=G-TEST1234'))
    addGatedTag('analytics', '/late.js')
    await vi.waitFor(() => expect(document.querySelector('script[data-consent-activated]')?.getAttribute('src')).toBe('/late.js'))
  })
})

describe('14. tripwire noise', () => {
  afterEach(() => localStorage.clear())

  it('3,000 undeclared keys make one warning per check and one event each', async () => {
    for (let i = 0; i < 3000; i++) localStorage.setItem('stray' + i, '1')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const events = vi.fn()
    addEventListener('consent-gate:violation', events)
    const g = gate({ site: 'pigi' })
    // localStorage is looked at once the visitor is there.
    dispatchEvent(new Event('pointerdown'))
    await vi.waitFor(() => expect(events).toHaveBeenCalledTimes(3000))
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1))
    expect(warn.mock.calls[0][0]).toMatch(
      /^consent-gate: 3000 present without consent or declaration: localStorage "stray0" \(unknown\), .* and 2997 more$/,
    )
    // A second check finds nothing new and says nothing.
    document.dispatchEvent(new Event('visibilitychange'))
    await g.audit()
    await new Promise((r) => setTimeout(r))
    expect(warn).toHaveBeenCalledTimes(1)
    removeEventListener('consent-gate:violation', events)
  })
})

describe('polluted prototypes, odd option values and start-up failures', () => {
  it('keeps built-in declarations when Object.prototype.storage is polluted', () => {
    const proto = Object.prototype as Record<string, unknown>
    proto.storage = 'none'
    proto.purpose = 'planted'
    try {
      const { cookies, profile } = resolveConfig({ site: 'pisama', ga4: GA })
      for (const name of ['pisama_session', '_ga', '_ga_X1', 'consent_gate'])
        expect(findDeclared(name, cookies), name).toBeDefined()
      expect(cookies.every((d) => Object.getPrototypeOf(d) === null && !('purpose' in d && d.purpose === 'planted'))).toBe(true)
      expect(profile.cookies.map((d) => d.name)).toEqual(['_vercel_jwt', 'pisama_session'])
    } finally {
      delete proto.storage
      delete proto.purpose
    }
  })

  it('names a profile by a string only', () => {
    for (const site of [['pisama'], { toString: () => 'pisama' }, new String('pisama')])
      expect(() => resolveConfig({ site } as never), String(site)).toThrow(/option "site"/)
  })

  it('refuses a hole in a list by its index, and a revision that is not a finite number', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => resolveConfig({ site: 'pisama', cookies: [, { name: 'x' }] as never })).toThrow(/option "cookies\[0\]"/)
    // eslint-disable-next-line no-sparse-arrays
    expect(() => resolveConfig({ profile: { name: 'q', trackers: [,] as never }, categories: ['marketing'] })).toThrow(
      /option "profile.trackers"/,
    )
    for (const revision of [NaN, Infinity]) expect(() => resolveConfig({ site: 'pigi', revision })).toThrow(/option "revision"/)
  })

  it('passes on, as it was thrown, whatever an options getter throws: null too', () => {
    for (const thrown of [null, undefined, 'boom']) {
      let caught: unknown = 'nothing'
      try {
        createConsentGate({
          site: 'acme',
          get ga4(): never {
            throw thrown
          },
        })
      } catch (e) {
        caught = e
      }
      expect(caught, String(thrown)).toBe(thrown)
    }
  })

  it('quotes at most a few hundred characters of a refused value', () => {
    try {
      resolveConfig({ site: 'pigi', theme: 'x'.repeat(1e6) as never })
      expect.unreachable()
    } catch (e) {
      expect((e as Error).message.length).toBeLessThan(400)
    }
  })
})

describe('review findings', () => {
  it('refuses a second init for another profile instead of handing it the running gate', () => {
    gate({ site: 'pisama', ga4: GA })
    expect(() => createConsentGate({ site: 'pigi' })).toThrow(/a gate for another profile already runs on this page/)
    expect(createConsentGate({ site: 'pisama' }).getConsent().categories).toEqual(['analytics'])
  })

  it('never hands a gate that may run trackers to a second init of the same name that promises none', () => {
    // Any name is a site of its own now, so the name alone no longer says whether it runs trackers:
    // a tampered tag naming the site, with a tracker, must not serve the site's own no-tracker init.
    gate({ site: 'acme', ga4: GA })
    expect(() => createConsentGate({ site: 'acme', never: true })).toThrow(/a gate for another profile already runs/)
    expect(() => createConsentGate({ profile: { name: 'acme', trackers: [] } })).toThrow(/another profile/)
    expect(createConsentGate({ site: 'acme' }).getConsent().categories).toEqual(['analytics'])
  })

  it('hands a gate that promises no trackers only to a second init that promises the same', () => {
    const quiet = gate({ site: 'acme', never: true })
    expect(createConsentGate({ site: 'acme', never: true })).toBe(quiet)
    expect(() => createConsentGate({ site: 'acme' })).toThrow(/another profile/)
  })

  it('takes back everything it registered when a late start-up step throws', async () => {
    const added = vi.spyOn(document, 'addEventListener')
    const removed = vi.spyOn(document, 'removeEventListener')
    // A browser that reads a polluted `signal` from the `{ once: true }` options throws here.
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true })
    added.mockImplementation((type) => {
      if (type === 'DOMContentLoaded') throw new TypeError("Failed to read the 'signal' property")
    })
    try {
      expect(() => createConsentGate({ site: 'pisama', ga4: GA })).toThrow(/could not start/)
      expect(removed.mock.calls.map((c) => c[0]).sort()).toEqual(['click', 'visibilitychange'])
      // No gate is registered, so a healthy init later is a fresh one.
      added.mockRestore()
      await new Promise((r) => setTimeout(r))
      expect(document.cookie).not.toMatch(/consent_gate/)
      expect(document.querySelector('[data-consent-gate-host]')).toBeNull()
    } finally {
      delete (document as unknown as Record<string, unknown>).readyState
    }
  })

  it('shows the banner, and a later choice works, when reading GPC throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    Object.defineProperty(navigator, 'globalPrivacyControl', {
      get: () => {
        throw new Error('hostile getter')
      },
      configurable: true,
    })
    try {
      const g = gate({ site: 'pisama', ga4: GA })
      expect(g.getConsent().decided).toBe(false)
      await vi.waitFor(() => expect(host()?.querySelector('[data-consent-gate="banner"]')).toBeTruthy())
      g.rejectAll()
      expect(g.getConsent().decided).toBe(true)
    } finally {
      delete (navigator as unknown as Record<string, unknown>).globalPrivacyControl
    }
  })

  it.each([
    ['"_ga", which a withdrawal removes', '_ga'],
    ['a declared session cookie', 'pisama_session'],
  ])('refuses a consent cookie named like %s', (_, name) => {
    expect(words({ site: 'pisama', ga4: GA, cookieName: name })).toMatch(
      /option "cookieName" must not be a cookie the site or a tracker declares/,
    )
  })

  it('takes a __Host- consent cookie, which no sibling can plant, but not with a shared cookieDomain', () => {
    expect(words({ site: 'pisama', cookieName: '__Host-consent_gate' })).toBe('accepted')
    expect(words({ site: 'pisama', cookieName: '__Host-consent_gate', cookieDomain: 'pisama.test' })).toMatch(
      /option "cookieDomain" cannot be given with a "__Host-" cookieName/,
    )
  })

  it('refuses a declaration of "*", which would declare every cookie and silence the tripwire', () => {
    expect(
      words({ site: 'pigi', cookies: [{ name: '*', class: 'essential', purpose: 'p', lifetime: 'l', provider: 'x' }] }),
    ).toMatch(/option "cookies\[0\].name" must be a cookie name, or a prefix ending in "\*"/)
  })
})

describe('clobbering markup and planted cookie names', () => {
  it('keeps storing the choice when markup overrides document.cookie (<img name="cookie">)', () => {
    const img = document.createElement('img')
    Object.defineProperty(document, 'cookie', { value: img, configurable: true, writable: true })
    try {
      gate({ site: 'pisama', ga4: GA }).rejectAll()
      delete (document as unknown as Record<string, unknown>).cookie
      expect(document.cookie).toMatch(/consent_gate=1~/)
    } finally {
      delete (document as unknown as Record<string, unknown>).cookie
    }
  })

  it('refuses a __Host- cookie name with a cookieDomain even where there is no page (a server)', () => {
    expect(() => resolveConfig({ site: 'pisama', cookieName: '__Host-cg', cookieDomain: 'pisama.test' }, null)).toThrow(
      /cookieDomain/,
    )
  })
})

describe('markup shadowing document properties', () => {
  it('reads its options from its own tag, not from whatever shadows document.currentScript', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    // Markup shadows it with an <img>, which the instanceof check alone would catch; a script
    // element stands in here so that only the accessor can tell.
    const img = document.createElement('script')
    img.setAttribute('data-site', 'pisama')
    img.setAttribute('data-ga4', 'G-ATTACK1')
    Object.defineProperty(document, 'currentScript', { value: img, configurable: true })
    try {
      vi.resetModules()
      await import('../../src/script-tag')
      await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1))
      // The document's own accessor has no current script here: the loader says how to load it.
      expect(error.mock.calls[0][0]).toMatch(/load consent-gate.js by a classic <script src>/)
      expect(window.ConsentGate).toBeUndefined()
      expect(layer()).toEqual([])
    } finally {
      delete (document as unknown as Record<string, unknown>).currentScript
    }
  })
})

describe("a site's own description, hostile", () => {
  const proto = Object.prototype as Record<string, unknown>
  const PLANTED = {
    never: false,
    gtm: { containerId: 'GTM-EVIL1' },
    clarity: { projectId: 'evil' },
    uet: { tagId: '666' },
    consentMode: 'advanced',
    texts: { en: { title: 'planted' } },
    layout: 'bar',
    $schema: 'x',
  }
  afterEach(() => {
    for (const k of Object.keys(PLANTED)) delete proto[k]
  })

  it('takes nothing from a polluted Object.prototype: no tracker, no advanced mode, never kept', () => {
    const clean = resolveConfig({ site: 'acme', cookies: [{ name: 'sid', class: 'session' }] })
    const quiet = resolveConfig({ site: 'acme', never: true })
    Object.assign(proto, PLANTED)
    expect(resolveConfig({ site: 'acme', cookies: [{ name: 'sid', class: 'session' }] })).toEqual(clean)
    expect(resolveConfig({ site: 'acme', never: true })).toEqual(quiet)
    const c = resolveConfig({ site: 'acme' })
    expect([c.gtm, c.clarity, c.uet, c.consentMode, c.texts, c.layout, c.categories]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      [],
    ])
  })

  it.each([
    [{ gtm: { containerId: 'GTM-A1', scriptUrl: 'javascript:alert(1)' } }, /"gtm.scriptUrl"/],
    [{ gtm: { containerId: 'GTM-A1', scriptUrl: 'https://evil.example/gtm.js' } }, /"gtm.scriptUrl"/],
    [{ gtm: { containerId: 'GTM-A1"><script>' } }, /"gtm.containerId"/],
    [{ gtm: 'GTM-A1' }, /"gtm" must be an object/],
    // Each id goes into a script URL: no path, query or host may ride in with it.
    [{ clarity: { projectId: '../../evil.example/x' } }, /"clarity.projectId"/],
    [{ clarity: { projectId: 'abc?x=1' } }, /"clarity.projectId"/],
    [{ clarity: { projectId: 'a'.repeat(1e6) } }, /"clarity.projectId"/],
    [{ uet: { tagId: 12345678 } }, /"uet.tagId"/],
    [{ uet: { tagId: '1'.repeat(17) } }, /"uet.tagId"/],
    [{ consentMode: ['advanced'] }, /"consentMode"/],
    [{ texts: 'de' }, /"texts"/],
    [{ texts: { de: 'Hallo' } }, /"texts.de"/],
    [{ texts: { de: { title: { toString: (): string => 'x' } } } }, /"texts.de.title"/],
    [{ texts: { de: { title: 'x'.repeat(2001) } } }, /"texts.de.title"/],
    [{ texts: { 'de/../x': { title: 'x' } } }, /"texts"/],
    [{ layout: 'fullscreen' }, /"layout"/],
    [{ never: 'true' }, /"never"/],
  ])('refuses a bad value by the option it is in: %#', (options, message) =>
    expect(words({ site: 'acme', ...options })).toMatch(message),
  )

  it('keeps prototype names as plain keys: a "__proto__" language is refused, a "constructor" text copied apart', () => {
    expect(words(JSON.parse('{"site":"acme","texts":{"__proto__":{"title":"x"}}}'))).toMatch(/option "texts"/)
    const c = resolveConfig(JSON.parse('{"site":"acme","texts":{"de":{"constructor":"y","__proto__":"z"}}}'))
    const de = c.texts!.de as Record<string, unknown>
    expect([Object.getPrototypeOf(c.texts), Object.getPrototypeOf(de)]).toEqual([null, null])
    expect(Object.keys(de)).toEqual(['constructor', '__proto__'])
    expect(({} as Record<string, unknown>).title).toBeUndefined()
  })
})
