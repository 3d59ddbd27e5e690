import { describe, expect, it, vi } from 'vitest'
import { createTrackers } from '../../../src/trackers/index'
import { resolveConfig } from '../../../src/config/options'
import { flush, scripts } from '../helpers'
import { acme, from, left, plant, w, warned } from './common'
import { CONSENT_DEFAULTS } from './defaults'

const GTM = { containerId: 'GTM-AB12CD3' }
const CONTAINER = 'https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD3'
/** dataLayer as plain values: gtag's `arguments` as arrays, objects as they are. */
const layer = () =>
  (w.dataLayer ?? []).map((e) =>
    Array.isArray(e) || typeof e !== 'object' || !('length' in e!) ? e : Array.from(e as IArguments),
  )
const consent = (kind: string) => layer().filter((e) => Array.isArray(e) && e[0] === 'consent' && e[1] === kind)

describe('Google Tag Manager', () => {
  it('puts every Consent Mode default, denied, in dataLayer at start and loads no container before a yes', async () => {
    const g = acme({ gtm: GTM })
    await flush()
    expect(consent('default')).toEqual([['consent', 'default', CONSENT_DEFAULTS]])
    expect(scripts()).toEqual([])
    // A site with Tag Manager offers analytics; marketing when it says so.
    expect(g.getConsent().categories).toEqual(['analytics'])
    g.rejectAll()
    await flush()
    expect(from('www.googletagmanager.com')).toEqual([])
  })

  it('on a yes: the update, the consent_update event, then gtm.js and the container, once', async () => {
    const g = acme({ gtm: GTM, categories: ['marketing'] })
    g.update({ marketing: true })
    await vi.waitFor(() => expect(scripts()).toEqual([CONTAINER]))
    const after = layer().slice(2)
    expect(after[0]).toEqual([
      'consent',
      'update',
      expect.objectContaining({ ad_storage: 'granted', analytics_storage: 'denied' }),
    ])
    expect(after[1]).toEqual({ event: 'consent_update' })
    expect(after[2]).toEqual({ 'gtm.start': expect.any(Number), event: 'gtm.js' })
    g.update({ analytics: true })
    g.rejectAll()
    await flush()
    expect(scripts()).toEqual([CONTAINER])
    // Each choice: its update, then the event a trigger fires on.
    expect(layer().slice(-2)).toEqual([
      ['consent', 'update', expect.objectContaining({ ad_storage: 'denied' })],
      { event: 'consent_update' },
    ])
    expect(layer().filter((e) => (e as { event?: string }).event === 'consent_update')).toHaveLength(3)
  })

  it('loads the container from a first-party gateway when given one', async () => {
    const g = acme({ gtm: { ...GTM, scriptUrl: '/metrics/gtm.js' } })
    g.acceptAll()
    await vi.waitFor(() => expect(scripts()).toEqual(['http://www.pisama.test/metrics/gtm.js?id=GTM-AB12CD3']))
  })

  it("a withdrawal removes Google's cookies, those the tags in the container leave", async () => {
    const g = acme({ gtm: GTM })
    g.acceptAll()
    await vi.waitFor(() => expect(scripts()).toEqual([CONTAINER]))
    plant('_ga', '_ga_ABC123', '_gcl_au', '_dc_gtm_UA-1', 'keepme')
    g.rejectAll()
    expect(await left()).toEqual(['consent_gate', 'keepme'])
  })

  it('the placeholder GTM-XXXXXXX: one warning naming the option, no container, the gate works', async () => {
    const warn = warned()
    const g = acme({ gtm: { containerId: 'GTM-XXXXXXX' }, vercel: true })
    g.acceptAll()
    await vi.waitFor(() => expect(scripts()).toEqual(['http://www.pisama.test/_vercel/insights/script.js']))
    await vi.waitFor(() =>
      expect(warn.mock.calls.map((c) => c[0])).toEqual([
        'consent-gate: option "gtm.containerId" is the documentation\'s placeholder id: put your own there; nothing is loaded for it',
      ]),
    )
    expect(g.hasConsent('analytics')).toBe(true)
  })

  it('the placeholder G-XXXXXXXXXX: no gtag.js, and a real-looking id with X in it loads', async () => {
    const warn = warned()
    const setup = (id: string) => ({
      config: resolveConfig({ site: 'acme', ga4: { measurementId: id } }),
      version: '0',
      gtag: vi.fn(),
      granted: () => ({ analytics: true, marketing: false, functional: false }),
    })
    const t = createTrackers(setup('G-XXXXXXXXXX'))
    t.apply({ analytics: true, marketing: false, functional: false })
    t.stop()
    expect(scripts()).toEqual([])
    // Worded in the lazy explanation chunk: the warning follows it.
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce())
    expect(warn.mock.calls[0][0]).toContain('"ga4.measurementId"')
    const real = createTrackers(setup('G-XX12XX'))
    real.apply({ analytics: true, marketing: false, functional: false })
    real.stop()
    expect(scripts()).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-XX12XX'])
  })
})

describe('Google Tag Manager already on the page', () => {
  it('is not loaded a second time: the page’s own snippet keeps its container, the SDK its Consent Mode', async () => {
    const own = document.createElement('script')
    own.src = 'https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD3'
    document.head.appendChild(own)
    const g = acme({ gtm: GTM })
    g.acceptAll()
    await flush()
    expect(scripts()).toEqual([CONTAINER])
    expect(layer().filter((e) => (e as { event?: string }).event === 'gtm.js')).toEqual([])
    expect(layer().at(-1)).toEqual({ event: 'consent_update' })
  })

  it('waits for the document when the loader runs in the head, ahead of the snippet', async () => {
    const state = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading')
    const g = acme({ gtm: GTM })
    g.acceptAll()
    await flush()
    expect(scripts()).toEqual([])
    // The page's snippet, further down the head, runs before the document is parsed.
    ;(window as unknown as { google_tag_manager: object }).google_tag_manager = { 'GTM-AB12CD3': {} }
    state.mockReturnValue('interactive')
    document.dispatchEvent(new Event('DOMContentLoaded'))
    expect(scripts()).toEqual([])
    delete (window as unknown as { google_tag_manager?: object }).google_tag_manager
  })
})
