import { afterEach, describe, expect, it, vi } from 'vitest'
import { encodeRecord } from '../../src/consent/record'
import { createTrackers } from '../../src/trackers/index'
import { start } from '../../src/ui/index'
import { cookieNames } from '../../src/cookies/jar'
import type { ConsentGate } from '../../src/index'
import type { Options } from '../../src/config/options'
import { flush, GA, gate, layer, scripts, watchChannels } from './helpers'

// The real banner chunk, watched, so a test can reach the gate it is handed.
vi.mock('../../src/ui/index', async (real) => {
  const m = await real<typeof import('../../src/ui/index')>()
  return { ...m, start: vi.fn(m.start) }
})
// The real tracker chunk, watched, so a test can tell when it started.
vi.mock('../../src/trackers/index', async (real) => {
  const m = await real<typeof import('../../src/trackers/index')>()
  return { ...m, createTrackers: vi.fn(m.createTrackers) }
})

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-TEST1234'
const host = () => document.querySelector<HTMLElement>('[data-consent-gate-host]')
const $ = (sel: string) => host()?.shadowRoot?.querySelector<HTMLElement>(sel)
const button = async (action: string) => {
  await vi.waitFor(() => expect($(`[data-action="${action}"]`)).toBeTruthy(), { timeout: 15_000 })
  return $(`[data-action="${action}"]`)!
}

/** What happened, in order: frames as they start, and what a choice starts. */
function watch() {
  const log: string[] = []
  const frame = window.requestAnimationFrame.bind(window)
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frame((t) => (log.push('frame'), cb(t))))
  vi.spyOn(window, 'fetch').mockImplementation(async () => (log.push('receipt'), new Response(null, { status: 204 })))
  vi.spyOn(BroadcastChannel.prototype, 'postMessage').mockImplementation(() => void log.push('tabs'))
  vi.mocked(createTrackers).mockClear()
  return log
}

afterEach(() => vi.restoreAllMocks())

describe('a choice made with a click', () => {
  it('is written in the click; its trackers, receipt and tabs message wait for the next frame', async () => {
    const log = watch()
    const g = gate({ site: 'pisama', ga4: GA, receiptUrl: '/receipts', onConsent: () => log.push('onConsent') })
    const accept = await button('accept-all')
    log.length = 0
    accept.click()
    log.push('clicked')
    // The choice is stored and counts at once; the banner is hidden, not yet unmounted.
    expect(g.hasConsent('analytics')).toBe(true)
    expect(document.cookie).toMatch(/consent_gate=/)
    expect(host()!.style.display).toBe('none')
    expect(scripts()).not.toContain(GTAG)
    expect(createTrackers).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(scripts()).toContain(GTAG))
    expect(log.slice(0, 2)).toEqual(['clicked', 'frame'])
    expect(log).toEqual(expect.arrayContaining(['tabs', 'onConsent', 'receipt']))
    // Then the banner is gone for good.
    expect($('[data-consent-gate="banner"]')).toBeNull()
  })

  it.each([
    ['Pisama', { site: 'pisama', ga4: GA }],
    // A third site that describes itself, in German, with Tag Manager and a cookie of its own.
    ['Acme, in German', { site: 'acme', gtm: { containerId: 'GTM-ACME1' }, lang: 'de', cookies: [{ name: 'acme_ab', class: 'analytics' }] }],
  ] as const)('formats no date and adds no listener in the click (%s): what a page does first costs most there', async (_, site) => {
    watch()
    gate({ ...site, receiptUrl: '/receipts', onConsent: () => {} } as Options)
    const reject = await button('reject-all')
    const dates = [vi.spyOn(Date.prototype, 'toUTCString'), vi.spyOn(Date.prototype, 'toISOString')]
    const listening = vi.spyOn(window, 'addEventListener')
    reject.click()
    expect(document.cookie).toMatch(/consent_gate=/)
    for (const d of dates) expect(d).not.toHaveBeenCalled()
    expect(listening).not.toHaveBeenCalled()
    // The receipt's dates are formatted in the step after the frame.
    await vi.waitFor(() => expect(dates[1]).toHaveBeenCalled())
  })

  it('sends its receipt at once when the page is left before its next frame', async () => {
    const log = watch()
    vi.mocked(window.requestAnimationFrame).mockImplementation(() => 0)
    gate({ site: 'pisama', ga4: GA, receiptUrl: '/receipts' })
    const accept = await button('accept-all')
    log.length = 0
    accept.click()
    expect(log).toEqual([])
    dispatchEvent(new Event('pagehide'))
    expect(log).toEqual(expect.arrayContaining(['receipt', 'tabs']))
    // Once: the step's later chances find nothing left to do.
    await flush()
    expect(log.filter((s) => s === 'receipt')).toHaveLength(1)
  })

  it('never starts a tracker once a refusal came before its frame, and tells both choices in order', async () => {
    const log = watch()
    const g = gate({ site: 'pisama', ga4: GA, receiptUrl: '/receipts', onConsent: (r) => log.push(`${r.via} ${r.choices.analytics}`) })
    g.subscribe((c) => log.push(`listener ${c.choices.analytics}`))
    const accept = await button('accept-all')
    log.length = 0
    accept.click()
    g.rejectAll()
    await flush()
    await flush()
    expect(g.hasConsent('analytics')).toBe(false)
    expect(scripts()).not.toContain(GTAG)
    expect(log.filter((s) => s !== 'frame')).toEqual([
      'banner true',
      'receipt',
      'tabs',
      'listener true',
      'api false',
      'receipt',
      'tabs',
      'listener false',
    ])
  })

  it('proves a choice before its listeners hear it, so one they make in reply is proved after it', async () => {
    const log = watch()
    const g = gate({ site: 'pisama', ga4: GA, receiptUrl: '/receipts', onConsent: (r) => log.push(`${r.via} ${r.choices.analytics}`) })
    // A site that puts its own account setting back.
    g.subscribe((c) => (log.push(`listener ${c.choices.analytics}`), c.choices.analytics && g.rejectAll()))
    const accept = await button('accept-all')
    log.length = 0
    accept.click()
    await vi.waitFor(() => expect(log).toContain('listener false'))
    const proved = log.filter((s) => /^(banner|api) /.test(s))
    expect(proved).toEqual(['banner true', 'api false'])
    expect(log.filter((s) => s.startsWith('listener'))).toEqual(['listener true', 'listener false'])
    expect(g.hasConsent('analytics')).toBe(false)
  })

  it('stops the trackers at once when it withdraws; its receipt waits for the next frame', async () => {
    const at = Date.now()
    document.cookie = `consent_gate=${encodeRecord({ revision: '1', id: 'returning1234567', at, expires: at + 864e5, choices: { analytics: true }, via: 'banner' })}; Path=/`
    const log = watch()
    const g = gate({ site: 'pisama', ga4: GA, receiptUrl: '/receipts', onConsent: () => log.push('onConsent') })
    await vi.waitFor(() => expect(scripts()).toContain(GTAG))
    await g.openPreferences()
    $('input[name=analytics]')!.click()
    log.length = 0
    $('[data-consent-gate="preferences"] [data-action="save"]')!.click()
    log.push('clicked')
    expect(g.hasConsent('analytics')).toBe(false)
    expect(layer().filter((e) => e[0] === 'consent').at(-1)).toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'denied' })])
    await vi.waitFor(() => expect((window as unknown as Record<string, unknown>)['ga-disable-G-TEST1234']).toBe(true))
    await vi.waitFor(() => expect(log).toContain('receipt'))
    expect(log.slice(0, 2)).toEqual(['clicked', 'frame'])
  })

  it('carries out a Global Privacy Control refusal as the gate starts: only a click waits', () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
    try {
      gate({ site: 'pisama', ga4: GA })
      expect(layer().filter((e) => e[0] === 'consent').at(-1)).toEqual([
        'consent',
        'update',
        expect.objectContaining({ analytics_storage: 'denied' }),
      ])
    } finally {
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true })
    }
  })
})

describe('a click, then something else before its frame', () => {
  const granted = () => layer().filter((e) => e[0] === 'consent' && e[1] === 'update' && e[2].analytics_storage === 'granted')
  const plant = (analytics: boolean, at = Date.now() + 1) =>
    (document.cookie = `consent_gate=${encodeRecord({ revision: '1', id: 'othertab12345678', at, expires: at + 864e5, choices: { analytics }, via: 'dialog' })}; Path=/`)

  it.each([
    ['rejectAll()', (g: ConsentGate) => g.rejectAll()],
    ['update()', (g: ConsentGate) => g.update({ analytics: false })],
  ])('a refusal through %s: Consent Mode never hears "granted", no tracker chunk is fetched', async (_, refuse) => {
    watch()
    const g = gate({ site: 'pisama', ga4: GA })
    const accept = await button('accept-all')
    accept.click()
    refuse(g)
    await flush()
    await flush()
    expect(granted()).toEqual([])
    expect(createTrackers).not.toHaveBeenCalled()
    expect(scripts()).not.toContain(GTAG)
  })

  it("another tab's refusal, picked up as the visitor comes back: listeners hear the click's choice, then that one, once each", async () => {
    const log = watch()
    const g = gate({ site: 'pisama', ga4: GA, onConsent: (r) => log.push(`${r.via} ${r.choices.analytics}`) })
    g.subscribe((c) => log.push(`listener ${c.choices.analytics}`))
    const accept = await button('accept-all')
    log.length = 0
    accept.click()
    // Before this tab's next frame, another tab refuses, and this window gets the focus back.
    plant(false)
    dispatchEvent(new Event('focus'))
    await vi.waitFor(() => expect(log).toContain('frame'))
    await flush()
    expect(g.hasConsent('analytics')).toBe(false)
    expect(granted()).toEqual([])
    expect(createTrackers).not.toHaveBeenCalled()
    expect(log.filter((s) => s !== 'frame' && s !== 'tabs')).toEqual(['banner true', 'listener true', 'listener false'])
  })

  it('destroy(): nothing starts, but the choice stored is still told to other tabs and its receipt sent, once', async () => {
    const log = watch()
    vi.mocked(window.requestAnimationFrame).mockImplementation(() => 0)
    const g = gate({ site: 'pisama', ga4: GA, receiptUrl: '/receipts', onConsent: () => log.push('onConsent') })
    const accept = await button('accept-all')
    log.length = 0
    accept.click()
    g.destroy()
    // The step's later chances find nothing left to do.
    dispatchEvent(new Event('pagehide'))
    await flush()
    expect(log.sort()).toEqual(['onConsent', 'receipt', 'tabs'])
    expect(createTrackers).not.toHaveBeenCalled()
    expect(granted()).toEqual([])
    expect(document.cookie).toMatch(/consent_gate=/)
  })
})

describe('a choice that waits', () => {
  it("is carried out by its own wait's step alone: an earlier choice's late step starts nothing", async () => {
    gate({ site: 'acme', gtm: { containerId: 'GTM-ACME1' }, lang: 'de' })
    await button('accept-all')
    const ui = vi.mocked(start).mock.calls.at(-1)![3]
    vi.mocked(createTrackers).mockClear()
    const steps: (() => void)[] = []
    ui.onChoose({ analytics: false, marketing: false }, 'banner', undefined, (step) => void steps.push(step))
    ui.onChoose({ analytics: true, marketing: true }, 'dialog', undefined, (step) => void steps.push(step))
    // The refusal's fallback timer, say, fires while the grant waits for its frame.
    steps[0]()
    await flush()
    expect(createTrackers).not.toHaveBeenCalled()
    steps[1]()
    await vi.waitFor(() => expect(createTrackers).toHaveBeenCalled())
  })
})

describe('a site that offers nothing', () => {
  it('opens no tabs channel for a choice made through the API', async () => {
    const { opened } = watchChannels()
    const g = gate({ site: 'pigi' })
    g.acceptAll()
    g.rejectAll()
    await flush()
    expect(opened).not.toHaveBeenCalled()
  })

})

describe('a withdrawal clicked in the dialog, in a tab that paints no frame', () => {
  it("stops the trackers and removes their cookies before the click's after-paint step; the receipt leaves once, as the page is left", async () => {
    const log = watch()
    const g = gate({ site: 'pisama', ga4: GA, receiptUrl: '/receipts' })
    g.acceptAll()
    await vi.waitFor(() => expect(scripts()).toContain(GTAG))
    document.cookie = '_ga=GA1.1.1; Path=/'
    document.cookie = '_ga_TEST1234=GS1; Path=/'
    await g.openPreferences()
    $('input[name=analytics]')!.click()
    // No frame, and no fallback: only the page being left runs the step.
    vi.mocked(window.requestAnimationFrame).mockImplementation(() => 0)
    const later = window.setTimeout.bind(window)
    vi.spyOn(window, 'setTimeout').mockImplementation(((f: () => void, ms?: number) => (ms === 1e3 ? 0 : later(f, ms))) as never)
    log.length = 0
    $('[data-consent-gate="preferences"] [data-action="save"]')!.click()
    await vi.waitFor(() => expect((window as unknown as Record<string, unknown>)['ga-disable-G-TEST1234']).toBe(true))
    await vi.waitFor(() => expect(cookieNames()).toEqual(['consent_gate']))
    await flush()
    expect(log).toEqual([])
    dispatchEvent(new Event('visibilitychange'))
    dispatchEvent(new Event('pagehide'))
    await flush()
    expect(log.sort()).toEqual(['receipt', 'tabs'])
  })
})
