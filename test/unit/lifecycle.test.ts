import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { violations } from '../../src/cookies/audit'
import type { Receipt } from '../../src/consent/receipt'
import { createConsentGate } from '../../src/index'
import { flush, GA, gate, scripts, watchChannels } from './helpers'
import { layout } from './ui/embeds/layout'

const setGpc = (value: boolean | undefined) =>
  Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })

afterEach(() => setGpc(undefined))

const host = () => document.querySelector('[data-consent-gate-host]')?.shadowRoot
const banner = () => host()?.querySelector('[data-consent-gate="banner"]')

describe('revisions and expiry', () => {
  afterEach(() => vi.useRealTimers())

  it('lets a choice lapse after its lifetime, and the cookie with it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'))
    const first = createConsentGate({ site: 'pisama', ga4: GA, lifetimeDays: 30 })
    first.acceptAll()
    expect(first.receipt()!.expiresAt).toBe('2026-01-31T00:00:00.000Z')
    first.destroy()
    vi.setSystemTime(new Date('2026-01-30T23:59:00Z'))
    expect(document.cookie).toMatch(/consent_gate=/)
    const before = createConsentGate({ site: 'pisama', ga4: GA, lifetimeDays: 30 })
    expect(before.hasConsent('analytics')).toBe(true)
    before.destroy()
    vi.setSystemTime(new Date('2026-01-31T00:00:01Z'))
    expect(document.cookie).not.toMatch(/consent_gate=/)
    const after = gate({ site: 'pisama', ga4: GA, lifetimeDays: 30 })
    expect(after.getConsent().decided).toBe(false)
    // A lapsed choice is asked afresh: the dialog does not start from it.
    await after.openPreferences()
    expect(host()!.querySelector<HTMLInputElement>('input[name=analytics]')!.checked).toBe(false)
  })

  it('asks again after a revision, afresh: nothing pre-ticked, nothing in force, a new consent id', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-01T00:00:00Z'))
    const v1 = createConsentGate({ site: 'pisama', ga4: GA, revision: 1 })
    v1.acceptAll()
    const id = v1.receipt()!.consentId
    v1.destroy()
    vi.setSystemTime(new Date('2026-03-02T00:00:00Z'))
    const v2 = gate({ site: 'pisama', ga4: GA, revision: 2 })
    expect(v2.getConsent()).toMatchObject({ decided: false, choices: { analytics: false } })
    await v2.openPreferences()
    // A planted record of any revision could say anything, and pre-ticked boxes are not consent.
    const toggle = host()!.querySelector<HTMLInputElement>('input[name=analytics]')!
    expect(toggle.checked).toBe(false)
    expect(document.querySelector('script[src*="googletagmanager"]')).toBeNull()
    toggle.click()
    host()!.querySelector<HTMLElement>('[data-action=save]')!.click()
    expect(v2.receipt()!.consentId).not.toBe(id)
    expect(v2.receipt()).toMatchObject({
      revision: '2',
      choices: { analytics: true },
      via: 'dialog',
      givenAt: '2026-03-02T00:00:00.000Z',
    })
  })
})

describe('cookie declaration', () => {
  const section = (c: string) => document.querySelector(`[data-consent-cookie-table] [data-class="${c}"]`)

  it('fills every [data-consent-cookie-table] in the page language and keeps the choice current', async () => {
    document.documentElement.lang = 'de'
    document.body.innerHTML = '<div data-consent-cookie-table></div><p></p><div data-consent-cookie-table></div>'
    const g = gate({ site: 'pisama', ga4: GA, vercel: true })
    const tables = Array.from(document.querySelectorAll('[data-consent-cookie-table]'))
    const choice = (table: Element) => table.querySelector('[data-class="analytics"] [data-choice]')?.textContent
    await vi.waitFor(() => expect(tables.map(choice)).toEqual(['Noch nicht gewählt', 'Noch nicht gewählt']))
    document.documentElement.lang = ''
    for (const table of tables) {
      const names = Array.from(table.querySelectorAll('code'), (c) => c.textContent)
      expect(names).toEqual(['consent_gate', '_vercel_jwt', 'pisama_session', '_ga', '_ga_*', 'Vercel Web Analytics'])
      expect(table.querySelector('[data-class="analytics"] h3')!.textContent).toBe('Statistik')
    }
    g.acceptAll()
    await vi.waitFor(() => expect(tables.map(choice)).toEqual(['Erlaubt', 'Erlaubt']))
    // Its "change" button opens the preferences through the gate's own click handling.
    section('analytics')!.querySelector('button')!.click()
    await vi.waitFor(() => expect(host()?.querySelector('[data-consent-gate="preferences"]')).toBeTruthy())
  })

  it('renders into any element on request, with the same wording as the dialog', async () => {
    const g = gate({ site: 'pisama', ga4: GA, strings: { analytics: 'Statistics' } })
    const el = document.createElement('div')
    await g.renderCookieTable(el)
    expect(el.querySelector('[data-class="analytics"] h3')!.textContent).toBe('Statistics')
    const purpose = el.querySelector('[data-class="analytics"] td:nth-child(3)')!.textContent!
    expect(purpose).toBe('Distinguishes visitors for aggregate statistics')
    await g.openPreferences()
    const dialog = host()!.querySelector('[data-consent-gate="preferences"]')!.textContent
    expect(dialog).toContain('Statistics')
    expect(dialog).toContain(purpose)
  })

  it('works on Pigi without any banner code, and says no trackers are used', async () => {
    document.body.innerHTML = '<div data-consent-cookie-table></div>'
    gate({ site: 'pigi' })
    await vi.waitFor(() =>
      expect(document.querySelector('.cg-none')?.textContent).toBe('This site uses no analytics or advertising cookies.'),
    )
    await flush()
    expect(document.querySelector('[data-consent-cookie-table] button')).toBeNull()
    expect(document.querySelector('[data-consent-gate-host]')).toBeNull()
  })
})

describe("the site's strings", () => {
  it('are over every text the banner, the dialog, the cookie table and the embeds show', async () => {
    layout()
    document.body.innerHTML =
      '<div data-consent-cookie-table></div><iframe data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/x"></iframe>'
    const g = gate({
      site: 'pisama',
      ga4: GA,
      categories: ['analytics', 'marketing'],
      strings: {
        title: 'Cookies?',
        settings: 'Choices',
        analytics: 'Statistics',
        embedLoad: 'Play',
        about: { _ga: 'Counts us' },
      },
    })
    await vi.waitFor(() => expect(banner()?.querySelector('h2')?.textContent).toBe('Cookies?'))
    const table = document.querySelector('[data-consent-cookie-table]')!
    await vi.waitFor(() => expect(table.querySelector('[data-class="analytics"] h3')?.textContent).toBe('Statistics'))
    expect(table.textContent).toContain('Counts us')
    const placeholder = document.querySelector('[data-consent-placeholder]')!.shadowRoot!
    expect(placeholder.querySelector('[data-action="load-embed"]')!.textContent).toBe('Play')
    expect(placeholder.querySelector('[data-action="open-preferences"]')!.textContent).toBe('Choices')
    await g.openPreferences()
    const dialog = host()!.querySelector('[data-consent-gate="preferences"]')!.textContent
    expect(dialog).toContain('Statistics')
    expect(dialog).toContain('Counts us')
  })

  it('give a cookie named like an Object.prototype member no purpose', async () => {
    document.body.innerHTML = '<div data-consent-cookie-table></div>'
    const g = gate({ site: 'pisama', ga4: GA, cookies: [{ name: 'constructor', class: 'essential', provider: 'Acme' }] })
    const row = () =>
      Array.from(document.querySelectorAll('tr')).find((r) => r.querySelector('code')?.textContent === 'constructor')
    await vi.waitFor(() => expect(row()).toBeTruthy())
    expect(row()!.querySelector('td:nth-child(3)')!.textContent).toBe('')
    await g.openPreferences()
    const cells = Array.from(host()!.querySelectorAll('tr'))
      .find((r) => r.querySelector('bdi')?.textContent === 'constructor')!
      .querySelectorAll('td')
    expect(cells[1].textContent).toBe('')
  })
})

describe("the site's texts by language", () => {
  const title = () => banner()?.querySelector('h2')?.textContent
  const button = (action: string) => banner()?.querySelector(`[data-action="${action}"]`)?.textContent

  it('change only the keys given, only in their language, over `strings`', async () => {
    const options = {
      site: 'pisama',
      ga4: GA,
      strings: { title: 'Privacy', customise: 'Options' },
      texts: { de: { title: 'Cookies auf Pisama' } },
    } as const
    const first = gate({ ...options, lang: 'de' })
    await vi.waitFor(() => expect(title()).toBe('Cookies auf Pisama'))
    // Every other key: the site's `strings`, else the built-in German.
    expect([button('accept-all'), button('customise')]).toEqual(['Alle akzeptieren', 'Options'])
    first.destroy()
    gate({ ...options, lang: 'fr' })
    await vi.waitFor(() => expect(title()).toBe('Privacy'))
    expect(button('accept-all')).toBe('Tout accepter')
  })

  it('name a text under a key the UI does not have, with the nearest, and show the rest', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    gate({ site: 'pisama', ga4: GA, lang: 'de', strings: { acceptAl: 'OK' } as never, texts: { de: { titel: 'Cookies', title: 'Kekse' } as never } })
    await vi.waitFor(() => expect(title()).toBe('Kekse'))
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(2))
    expect(error.mock.calls.map((c) => c[0])).toEqual([
      'consent-gate: option "strings.acceptAl" is not a known text; did you mean "strings.acceptAll"?; it is never shown',
      'consent-gate: option "texts.de.titel" is not a known text; did you mean "texts.de.title"?; it is never shown',
    ])
    expect(button('accept-all')).toBe('Alle akzeptieren')
  })

  it('match a language in any case', async () => {
    gate({ site: 'pisama', ga4: GA, lang: 'pt-br', texts: { 'PT-BR': { title: 'Sua privacidade' } } })
    await vi.waitFor(() => expect(title()).toBe('Sua privacidade'))
    expect(button('accept-all')).toBe('Aceitar todos')
  })

  it('add a language we do not ship: its texts, English for the rest, and its tag on the banner, dialog and table', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['sw-KE', 'en'])
    document.body.innerHTML = '<div data-consent-cookie-table></div>'
    const g = gate({
      site: 'pisama',
      ga4: GA,
      texts: { sw: { title: 'Faragha yako', acceptAll: 'Kubali zote', analytics: 'Takwimu' } },
    })
    await vi.waitFor(() => expect(title()).toBe('Faragha yako'))
    expect([button('accept-all'), button('reject-all')]).toEqual(['Kubali zote', 'Reject all'])
    expect(document.querySelector('[data-consent-gate-host]')!.getAttribute('lang')).toBe('sw')
    const table = document.querySelector('[data-consent-cookie-table]')!
    await vi.waitFor(() => expect(table.querySelector('[data-class="analytics"] h3')?.textContent).toBe('Takwimu'))
    expect(table.querySelector('[lang]')!.getAttribute('lang')).toBe('sw')
    await g.openPreferences()
    expect(host()!.querySelector('[data-consent-gate="preferences"]')!.textContent).toContain('Takwimu')
  })

  it('reach the embeds', async () => {
    layout()
    document.body.innerHTML = '<iframe data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/x"></iframe>'
    gate({ site: 'pisama', ga4: GA, categories: ['analytics', 'marketing'], lang: 'de', texts: { de: { embedLoad: 'Abspielen' } } })
    await vi.waitFor(() =>
      expect(document.querySelector('[data-consent-placeholder]')?.shadowRoot?.querySelector('[data-action="load-embed"]')?.textContent).toBe(
        'Abspielen',
      ),
    )
  })
})

describe('Global Privacy Control', () => {
  it('records a refusal given by the signal, loads nothing, and shows the banner once to say so', async () => {
    setGpc(true)
    const g = gate({ site: 'pisama', ga4: GA })
    // Start-up records the refusal as it asks for the banner.
    await vi.waitFor(() => expect(banner()).toBeTruthy())
    expect(g.getConsent()).toMatchObject({ decided: true, choices: { analytics: false } })
    expect(g.receipt()!.via).toBe('gpc')
    expect(scripts()).toEqual([])
    // The next page finds the refusal stored and has nothing more to say.
    g.destroy()
    const next = gate({ site: 'pisama', ga4: GA })
    await flush()
    expect(next.receipt()!.via).toBe('gpc')
    expect(document.querySelector('[data-consent-gate-host]')).toBeNull()
  })

  it('records the refusal as it starts, and tells the page in the next task, when it holds the gate', async () => {
    setGpc(true)
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const post = vi.spyOn(window, 'fetch').mockResolvedValue(new Response(null, { status: 204 }))
    let held: unknown
    const g = gate({
      site: 'pisama',
      ga4: GA,
      receiptUrl: '/receipts',
      onConsent: () => (held = (window as unknown as Record<symbol, unknown>)[Symbol.for('consent-gate')]),
    })
    // Recorded at once: the banner and the trackers start from it.
    expect(g.getConsent()).toMatchObject({ decided: true, choices: { analytics: false } })
    expect(g.receipt()!.via).toBe('gpc')
    expect(post).not.toHaveBeenCalled()
    // Told in the next task: a subscriber added right after creation hears it, even one that throws.
    const heard = vi.fn(() => {
      throw new Error('page bug')
    })
    g.subscribe(heard)
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1))
    expect(error.mock.calls.some((c) => String(c[1]).includes('page bug'))).toBe(true)
    expect(held).toBe(g)
    expect(post).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(banner()).toBeTruthy())
  })

  it('tells a refusal it recorded at start-up before a choice made right after, everywhere', async () => {
    setGpc(true)
    const said: string[] = []
    vi.spyOn(window, 'fetch').mockImplementation(async (_url, init) => {
      said.push('receipt ' + JSON.parse(String((init as RequestInit).body)).via)
      return new Response(null, { status: 204 })
    })
    const onChange = (e: Event) => said.push('event ' + (e as CustomEvent).detail.choices.analytics)
    addEventListener('consent-gate:change', onChange)
    try {
      const g = gate({ site: 'pisama', ga4: GA, receiptUrl: '/receipts', onConsent: (r) => said.push('onConsent ' + r.via) })
      g.subscribe((c) => said.push('subscriber ' + c.choices.analytics))
      g.acceptAll()
      await new Promise((r) => setTimeout(r))
      // Each choice proved, then heard.
      expect(said).toEqual([
        'onConsent gpc',
        'receipt gpc',
        'subscriber false',
        'event false',
        'onConsent api',
        'receipt api',
        'subscriber true',
        'event true',
      ])
    } finally {
      removeEventListener('consent-gate:change', onChange)
    }
  })

  it('still lets the visitor opt in explicitly afterwards', () => {
    setGpc(true)
    const g = gate({ site: 'pisama', ga4: GA })
    g.update({ analytics: true })
    expect(g.hasConsent('analytics')).toBe(true)
  })

  it('is ignored when the site turns it off, and when the signal is not exactly true', () => {
    setGpc(true)
    expect(createConsentGate({ site: 'pisama', ga4: GA, gpc: false }).getConsent().decided).toBe(false)
    createConsentGate({ site: 'pisama' }).destroy()
    setGpc('1' as never)
    expect(gate({ site: 'pisama', ga4: GA }).getConsent().decided).toBe(false)
  })
})

describe('receipts', () => {
  it('posts each receipt as JSON without credentials, and a failing endpoint changes nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('offline'))
    const g = gate({ site: 'pisama', ga4: GA, receiptUrl: 'https://proof.example/receipts' })
    g.rejectAll()
    const refused = g.receipt()
    g.acceptAll()
    expect(fetch).toHaveBeenCalledTimes(2)
    for (const [i, receipt] of [refused, g.receipt()].entries()) {
      const [url, init] = fetch.mock.calls[i] as [string, RequestInit]
      expect(url).toBe('https://proof.example/receipts')
      expect(init).toMatchObject({ method: 'POST', credentials: 'omit', keepalive: true })
      expect(JSON.parse(init.body as string)).toEqual(receipt)
    }
    // Both posts have failed by the next task; a rejection left unhandled would fail the run.
    await flush()
    expect(g.getConsent()).toMatchObject({ decided: true, choices: { analytics: true } })
  })

  it('prove each choice once, in order, when a listener answers a choice with another', () => {
    const sent: unknown[] = []
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_, init) => {
      sent.push(JSON.parse(String(init!.body)).choices.analytics)
      return new Response(null, { status: 204 })
    })
    const told: string[] = []
    const onConsent = (r: Receipt) => told.push(`onConsent ${r.choices.analytics}`)
    const g = gate({ site: 'pisama', ga4: GA, receiptUrl: '/receipts', onConsent })
    // Say, a site that keeps its own account setting, and puts it back.
    g.subscribe((c) => (told.push(`listener ${c.choices.analytics}`), c.choices.analytics && g.rejectAll()))
    g.acceptAll()
    expect(sent).toEqual([true, false])
    // Each in order; the listener hears the refusal it made once it has heard the grant through.
    expect(told.filter((t) => t.startsWith('listener'))).toEqual(['listener true', 'listener false'])
    expect(told.filter((t) => t.startsWith('onConsent'))).toEqual(['onConsent true', 'onConsent false'])
  })

  it('survives an onConsent callback that throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const g = gate({
      site: 'pisama',
      ga4: GA,
      onConsent: () => {
        throw new Error('boom')
      },
    })
    g.acceptAll()
    expect(g.hasConsent('analytics')).toBe(true)
    expect(error).toHaveBeenCalled()
  })
})

describe('tripwire', () => {
  const entry = (name: string, cls: string, declared = false) => ({
    name,
    storage: 'cookie' as const,
    class: cls as never,
    declared,
  })

  it('flags ungranted categories and undeclared unknowns only', () => {
    const found = violations(
      [
        entry('_ga', 'analytics'),
        entry('_fbp', 'marketing'),
        entry('mystery', 'unknown'),
        entry('declared', 'unknown', true),
        entry('PHPSESSID', 'session'),
      ],
      { functional: false, analytics: true, marketing: false },
    )
    expect(found.map((e) => e.name)).toEqual(['_fbp', 'mystery'])
  })

  it.each([
    ['Pigi', { site: 'pigi' }],
    ['any site that promises no trackers', { site: 'acme', never: true, cookies: [{ name: 'sid', class: 'session' as const }] }],
  ])('warns once and fires consent-gate:violation for a planted _ga cookie on %s', async (_, options) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const seen: string[] = []
    const on = (e: Event) => seen.push((e as CustomEvent).detail.name)
    window.addEventListener('consent-gate:violation', on)
    document.cookie = '_ga=GA1.1.123; Path=/'
    const g = gate(options)
    expect(g.getConsent().categories).toEqual([])
    g.acceptAll()
    document.dispatchEvent(new Event('visibilitychange'))
    // The checks load the audit chunk, so their findings arrive once it has.
    await vi.waitFor(() => expect(seen).toEqual(['_ga']))
    // Start-up and idle checks too have run by now, and said nothing more.
    await flush()
    await vi.waitFor(() => expect(warn).toHaveBeenCalled())
    await flush()
    window.removeEventListener('consent-gate:violation', on)
    expect(seen).toEqual(['_ga'])
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0][0]).toBe('consent-gate: cookie "_ga" — Google Analytics, analytics — present without consent')
  })

  it('refuses a cookie declared by name alone that the catalogue calls a tracker, on a profile without trackers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const seen: string[] = []
    const on = (e: Event) => seen.push((e as CustomEvent).detail.name)
    window.addEventListener('consent-gate:violation', on)
    document.cookie = '_fbp=fb.1.1; Path=/'
    // Declared, but without a class: the catalogue decides, and nothing is granted on Pigi.
    const g = gate({ site: 'pigi', cookies: [{ name: '_fbp' }] })
    g.acceptAll()
    await vi.waitFor(() => expect(seen).toEqual(['_fbp']))
    window.removeEventListener('consent-gate:violation', on)
    await vi.waitFor(() => expect(warn).toHaveBeenCalled())
    expect(warn.mock.calls[0][0]).toBe('consent-gate: cookie "_fbp" — Meta Pixel, marketing — present without consent')
    expect(await g.classify('_fbp')).toBe('marketing')
    expect((await g.audit()).find((e) => e.name === '_fbp')).toMatchObject({ declared: true, class: 'marketing' })
  })

  it('looks at cookies once the page has loaded, and at localStorage only once the visitor is there', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    document.cookie = '_ga=GA1.1.123; Path=/'
    localStorage.setItem('_hjSessionUser_1', '1')
    const storage = vi.spyOn(window, 'localStorage', 'get')
    gate({ site: 'pigi' })
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1))
    expect(warn.mock.calls[0][0]).toMatch(/^consent-gate: cookie "_ga" .* present without consent/)
    // Opening a page's storage costs a round trip to the browser: a visit nobody uses never pays it.
    expect(storage).not.toHaveBeenCalled()
    dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }))
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2))
    expect(storage).toHaveBeenCalled()
    expect(warn.mock.calls[1][0]).toMatch(/^consent-gate: localStorage "_hjSessionUser_1"/)
  })

  it('quotes a megabyte localStorage key cut short', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const key = 'x'.repeat(1 << 20)
    localStorage.setItem(key, '1')
    try {
      gate({ site: 'pigi' })
      dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }))
      await vi.waitFor(() => expect(warn).toHaveBeenCalled())
    } finally {
      localStorage.removeItem(key)
    }
    expect(warn.mock.calls[0][0]).toMatch(/localStorage "x{200}"/)
    expect(warn.mock.calls[0][0].length).toBeLessThan(1000)
  })

  it('stays quiet about declared essentials and granted analytics', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    document.cookie = 'pisama_session=1; Path=/'
    const g = gate({ site: 'pisama', ga4: GA })
    g.acceptAll()
    await vi.waitFor(() => expect(scripts()).toContain('https://www.googletagmanager.com/gtag/js?id=G-TEST1234'))
    await flush()
    document.cookie = '_ga=GA1.1.1; Path=/'
    // A stray beside them shows the check ran, and what it would have named with it.
    document.cookie = 'mystery=1; Path=/'
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.waitFor(() => expect(warn).toHaveBeenCalled())
    await flush()
    await flush()
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0][0]).toBe('consent-gate: cookie "mystery" — unknown — present without declaration')
  })
})

describe('cross-tab', () => {
  it('tells other tabs of a choice made before its own idle start-up', async () => {
    const other = new BroadcastChannel('consent-gate')
    const heard: unknown[] = []
    other.onmessage = (e) => heard.push(e.data)
    gate({ site: 'pisama', ga4: GA }).acceptAll()
    await vi.waitFor(() => expect(heard).toHaveLength(1))
    // Opening the channel at idle time announces nothing more.
    await flush()
    other.close()
    expect(heard).toHaveLength(1)
  })

  it('picks up a choice made in another tab', async () => {
    const g = gate({ site: 'pisama', ga4: GA })
    // Asking reads the stored choice at once, before the gate's own start-up task.
    expect(g.getConsent().decided).toBe(false)
    const changes: boolean[] = []
    g.subscribe((c) => changes.push(c.decided))
    // The channel opens once the visitor is there.
    dispatchEvent(new Event('pointerdown'))
    // Another tab writes the cookie and says so on the channel.
    const other = new BroadcastChannel('consent-gate')
    const { encodeRecord } = await import('../../src/consent/record')
    document.cookie = `consent_gate=${encodeRecord({ revision: '1', id: 'othertab12345678', at: Date.now(), expires: Date.now() + 864e5, choices: { analytics: true }, via: 'banner' })}; Path=/`
    other.postMessage(1)
    await vi.waitFor(() => expect(g.hasConsent('analytics')).toBe(true))
    document.cookie = `consent_gate=${encodeRecord({ revision: '1', id: 'othertab12345678', at: Date.now() + 1, expires: Date.now() + 864e5, choices: { analytics: false }, via: 'dialog' })}; Path=/`
    other.postMessage(1)
    await vi.waitFor(() => expect(g.hasConsent('analytics')).toBe(false))
    other.close()
    expect(changes).toEqual([true, true])
  })

  it("picks up a choice whose cookie reaches this tab after the other tab's message (Firefox)", async () => {
    const g = gate({ site: 'pisama', ga4: GA })
    dispatchEvent(new Event('pointerdown'))
    // The visitor's arrival opens the channel, in a task of its own after the input's.
    await flush()
    const other = new BroadcastChannel('consent-gate')
    const witness = new BroadcastChannel('consent-gate')
    const heard = new Promise((r) => (witness.onmessage = r))
    other.postMessage(1)
    await heard
    await flush()
    expect(g.getConsent().decided).toBe(false)
    const { encodeRecord } = await import('../../src/consent/record')
    document.cookie = `consent_gate=${encodeRecord({ revision: '1', id: 'othertab12345678', at: Date.now(), expires: Date.now() + 864e5, choices: { analytics: true }, via: 'banner' })}; Path=/`
    await vi.waitFor(() => expect(g.hasConsent('analytics')).toBe(true), { timeout: 5000 })
    other.close()
    witness.close()
  })

  it('stops its trackers when a sibling subdomain withdraws, with no message and no visitor here', async () => {
    const { encodeRecord } = await import('../../src/consent/record')
    const write = (analytics: boolean, at: number) =>
      (document.cookie = `consent_gate=${encodeRecord({ revision: '1', id: 'sibling12345678', at, expires: at + 864e5, choices: { analytics }, via: 'banner' })}; Path=/`)
    write(true, Date.now())
    const g = gate({ site: 'pisama', ga4: GA })
    await vi.waitFor(() => expect(scripts()).toContain('https://www.googletagmanager.com/gtag/js?id=G-TEST1234'))
    write(false, Date.now() + 1)
    await vi.waitFor(() => expect(g.hasConsent('analytics')).toBe(false), { timeout: 5000 })
    expect((window as unknown as Record<string, unknown>)['ga-disable-G-TEST1234']).toBe(true)
  })

  it('listens on no channel on a site that offers nothing, and still looks at its cookies', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { opened } = watchChannels()
    document.cookie = '_ga=GA1.1.123; Path=/'
    gate({ site: 'pigi' })
    // The look once the page has loaded, and the visitor's arrival, have both happened by then.
    dispatchEvent(new Event('pointerdown'))
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1))
    await flush()
    expect(opened).not.toHaveBeenCalled()
  })

  it('polls nothing in a tab that runs no tracker', async () => {
    const every = vi.spyOn(window, 'setInterval')
    gate({ site: 'pisama', ga4: GA }).rejectAll()
    await flush()
    expect(every).not.toHaveBeenCalled()
  })

  describe('before the page has loaded (a request that never answers holds its load event back)', () => {
    const write = async (analytics: boolean) => {
      const { encodeRecord } = await import('../../src/consent/record')
      const at = Date.now() + (analytics ? 0 : 1)
      document.cookie = `consent_gate=${encodeRecord({ revision: '1', id: 'othertab12345678', at, expires: at + 864e5, choices: { analytics }, via: 'banner' })}; Path=/`
    }
    const withdrawn = () => (window as unknown as Record<string, unknown>)['ga-disable-G-TEST1234']
    beforeEach(() => {
      vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading')
    })
    afterEach(() => vi.unstubAllGlobals())

    it('a tab whose trackers run hears a withdrawal from when they start, even on a page never idle', async () => {
      vi.stubGlobal('requestIdleCallback', () => 0)
      await write(true)
      const g = gate({ site: 'pisama', ga4: GA })
      await vi.waitFor(() => expect(scripts()).toContain('https://www.googletagmanager.com/gtag/js?id=G-TEST1234'))
      await write(false)
      expect(g.hasConsent('analytics')).toBe(true)
      const other = new BroadcastChannel('consent-gate')
      other.postMessage(1)
      other.close()
      await vi.waitFor(() => expect(g.hasConsent('analytics')).toBe(false))
      await vi.waitFor(() => expect(withdrawn()).toBe(true))
    })

    it('a tab that refused opens no channel until the visitor is here, then hears a grant', async () => {
      const { opened, Channel } = watchChannels()
      await write(false)
      const g = gate({ site: 'pisama', ga4: GA })
      await flush()
      // No tracker runs here for another tab's choice to stop: a visit nobody uses never opens one.
      expect(opened).not.toHaveBeenCalled()
      dispatchEvent(new Event('pointerdown'))
      // Looked at once the input's task is over.
      await flush()
      expect(opened).toHaveBeenCalledTimes(1)
      await write(true)
      const other = new Channel('consent-gate')
      other.postMessage(1)
      other.close()
      await vi.waitFor(() => expect(g.hasConsent('analytics')).toBe(true))
    })

    it('without BroadcastChannel, a tab re-reads the choice when its window is focused', async () => {
      vi.stubGlobal('BroadcastChannel', undefined)
      await write(true)
      const g = gate({ site: 'pisama', ga4: GA })
      await flush()
      await write(false)
      expect(g.hasConsent('analytics')).toBe(true)
      dispatchEvent(new Event('focus'))
      expect(g.hasConsent('analytics')).toBe(false)
      await vi.waitFor(() => expect(withdrawn()).toBe(true))
    })
  })
})
