// @vitest-environment node
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { BANNER, browserSuite, button, settled, type Session } from './browser'
import { CONSENT_DEFAULTS } from '../unit/trackers/defaults'

// Acme's page names Tag Manager, Clarity and UET (demo/pages/acme.html); its hosts are answered
// with the stand-ins in demo/stand-ins, which record what they were told.
const HOST = 'www.acme.test'
const GTM = /^https:\/\/www\.googletagmanager\.com\/gtm\.js\?id=GTM-DEMO123$/
const GTAG = /^https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-ACME12345$/
const CLARITY = /^https:\/\/www\.clarity\.ms\/tag\/acmedemo$/
const BAT = /^https:\/\/bat\.bing\.com\/bat\.js$/
const HOSTS = /googletagmanager\.com|google-analytics\.com|clarity\.ms|bat\.bing\.com/

const asked = (s: Session, url: RegExp) => s.requests.filter((u) => url.test(u))
const named = async (s: Session, pattern: RegExp) =>
  (await s.context.cookies()).filter((c) => pattern.test(c.name)).map((c) => `${c.name}@${c.domain}`)
const choose = (page: Page, choices: Record<string, boolean>) => page.evaluate((c) => window.ConsentGate!.update(c), choices)
const warnings = (page: Page) => {
  const seen: string[] = []
  page.on('console', (m) => m.type() === 'warning' && seen.push(m.text()))
  return seen
}
/** What each stand-in was told, in order. */
const gtmSeen = (page: Page) => page.evaluate(() => (window as unknown as { standInGtm: { seen: unknown[] } }).standInGtm.seen)
const claritySeen = (page: Page) => page.evaluate(() => (window as unknown as { clarity: { seen: unknown[] } }).clarity.seen)
const uetSeen = (page: Page) => page.evaluate(() => (window as unknown as { uetq: { seen: unknown[] } }).uetq.seen)
/** A cookie as an older tag might have written it: host-only, beside the stand-in's on the parent. */
const twin = (page: Page, name: string) => page.evaluate((n) => (document.cookie = `${n}=old; Path=/`), name)

/**
 * Acme's page with `window.ConsentGateConfig` over its tag's attributes, as a site's own inline
 * config would be (null takes a tag's tracker away).
 */
const acmeWith = async (s: Session, config: object) => {
  await s.page.addInitScript((c) => ((window as unknown as { ConsentGateConfig: object }).ConsentGateConfig = c), config)
  await s.page.goto(s.url('/acme/', HOST))
}

browserSuite('Tag Manager, Clarity and UET in Chromium', (open) => {
  it('first visit: the banner, Consent Mode defaults in dataLayer, nothing asked of any tracker host; a refusal keeps it so', async () => {
    const s = await open()
    await s.page.goto(s.url('/acme/', HOST))
    await s.page.locator(BANNER).waitFor()
    await settled(s.page)
    expect(s.trackerRequests()).toEqual([])
    const layer = await s.page.evaluate(() =>
      JSON.parse(JSON.stringify((window as unknown as { dataLayer: unknown[] }).dataLayer)),
    )
    expect(layer[0]).toEqual({
      0: 'consent',
      1: 'default',
      2: CONSENT_DEFAULTS,
    })
    await s.page.locator(button(BANNER, 'reject-all')).click()
    await s.page.reload()
    await settled(s.page)
    expect(s.requests.filter((u) => HOSTS.test(u))).toEqual([])
    expect(await named(s, /^_(ga|cl|uet)/)).toEqual([])
    expect(s.errors).toEqual([])
  })

  it('Tag Manager and Clarity after analytics: defaults before gtm.js, update and event on each choice; a withdrawal denies and removes their cookies', async () => {
    const s = await open()
    await s.page.goto(s.url('/acme/', HOST))
    await s.page.locator(BANNER).waitFor()
    await choose(s.page, { analytics: true, marketing: false })
    await expect
      .poll(() => named(s, /^_(ga|clck|clsk)$/).then((c) => c.sort()))
      .toEqual(['_clck@.acme.test', '_clsk@.acme.test', '_ga@.acme.test'])
    expect(asked(s, GTM)).toHaveLength(1)
    expect(asked(s, CLARITY)).toHaveLength(1)
    // Marketing was not granted: UET's host is never asked.
    expect(asked(s, BAT)).toEqual([])
    const seen = (await gtmSeen(s.page)) as unknown[][]
    expect(seen.slice(0, 4)).toEqual([
      [
        'consent',
        'default',
        expect.objectContaining({ analytics_storage: 'denied', ad_storage: 'denied', wait_for_update: 500 }),
      ],
      ['consent', 'update', expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'denied' })],
      ['event', 'consent_update'],
      ['event', 'gtm.js'],
    ])
    expect(await claritySeen(s.page)).toEqual([['consentv2', { analytics_Storage: 'granted', ad_Storage: 'denied' }]])

    for (const name of ['_ga', '_clck', '_clsk']) await twin(s.page, name)
    await choose(s.page, { analytics: false })
    await expect.poll(() => named(s, /^_(ga|clck|clsk)$/)).toEqual([])
    expect((await gtmSeen(s.page)).slice(4)).toEqual([
      ['consent', 'update', expect.objectContaining({ analytics_storage: 'denied' })],
      ['event', 'consent_update'],
    ])
    expect((await claritySeen(s.page)).at(-1)).toEqual(['consentv2', { analytics_Storage: 'denied', ad_Storage: 'denied' }])
    // Nothing granted writes them again, and nothing loads twice.
    await s.page.reload()
    await settled(s.page)
    expect(await named(s, /^_(ga|clck|clsk)$/)).toEqual([])
    expect(asked(s, GTM)).toHaveLength(1)
    expect(s.errors).toEqual([])
  })

  it('UET after marketing: queue denied first, bat.js started on it, then a withdrawal denies and removes its cookies', async () => {
    const s = await open()
    await s.page.goto(s.url('/acme/', HOST))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(() => named(s, /^_uet/).then((c) => c.sort())).toEqual(['_uetsid@.acme.test', '_uetvid@.acme.test'])
    expect(asked(s, BAT)).toHaveLength(1)
    expect(await uetSeen(s.page)).toEqual([
      ['consent', 'default', { ad_storage: 'denied' }],
      ['consent', 'update', { ad_storage: 'granted' }],
      ['pageLoad'],
    ])
    // A click id as the tag keeps it, on the parent domain and host-only.
    await s.context.addCookies([{ name: '_uetmsclkid', value: '_uetabc', domain: '.acme.test', path: '/', sameSite: 'Lax' }])
    for (const name of ['_uetsid', '_uetvid', '_uetmsclkid']) await twin(s.page, name)
    await choose(s.page, { marketing: false })
    await expect.poll(() => named(s, /^_uet/)).toEqual([])
    expect((await uetSeen(s.page)).at(-1)).toEqual(['consent', 'update', { ad_storage: 'denied' }])
    // Analytics still stands: Clarity's cookies stay.
    expect((await named(s, /^_cl/)).sort()).toEqual(['_clck@.acme.test', '_clsk@.acme.test'])
    expect(s.errors).toEqual([])
  })

  it('advanced mode: gtag.js and the container at start, everything denied, cookieless, no cookie, and a warning', async () => {
    const s = await open()
    const warned = warnings(s.page)
    await s.page.goto(s.url('/acme/advanced/', HOST))
    await s.page.locator(BANNER).waitFor()
    await expect.poll(() => asked(s, GTM).length).toBe(1)
    await expect.poll(() => asked(s, GTAG).length).toBe(1)
    await settled(s.page)
    expect(asked(s, CLARITY)).toEqual([])
    expect(asked(s, BAT)).toEqual([])
    // The container's pings say "denied" (gcs=G100) and carry no client id.
    const pings = s.requests.filter((u) => u.includes('google-analytics.com/g/collect'))
    expect(pings.length).toBeGreaterThan(0)
    for (const p of pings) expect(p).toMatch(/gcs=G100(?!.*cid=)/)
    expect(await s.context.cookies()).toEqual([])
    expect((await gtmSeen(s.page))[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({
        analytics_storage: 'denied',
        ad_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
      }),
    ])
    expect(await s.page.evaluate(() => (window as unknown as Record<string, unknown>)['ga-disable-G-ACME12345'])).toBeUndefined()
    expect(warned.filter((w) => w.includes('consentMode "advanced"'))).toHaveLength(1)
    await s.page.locator(button(BANNER, 'reject-all')).click()
    await expect.poll(() => gtmSeen(s.page).then((seen) => seen.at(-1))).toEqual(['event', 'consent_update'])
    expect(await named(s, /^_/)).toEqual([])
    expect(s.errors).toEqual([])
  })

  it('a site that promises no trackers refuses each of them by name, and loads nothing', async () => {
    for (const [option, value] of [
      ['gtm', { containerId: 'GTM-DEMO123' }],
      ['clarity', { projectId: 'acmedemo' }],
      ['uet', { tagId: '12345678' }],
    ] as const) {
      const s = await open()
      await acmeWith(s, { never: true, gtm: null, clarity: null, uet: null, [option]: value })
      await expect
        .poll(() => s.errors)
        .toEqual([`consent-gate: option "${option}" is not allowed on site "acme", got ${JSON.stringify(value)}`])
      await settled(s.page)
      expect(s.trackerRequests()).toEqual([])
    }
  })

  it("the docs' placeholder ids: one warning each, those trackers not loaded, the rest of the gate works", async () => {
    const s = await open()
    const warned = warnings(s.page)
    await acmeWith(s, { gtm: { containerId: 'GTM-XXXXXXX' }, ga4: { measurementId: 'G-XXXXXXXXXX' }, uet: null })
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(() => asked(s, CLARITY).length).toBe(1)
    await settled(s.page)
    expect(s.requests.filter((u) => /googletagmanager\.com/.test(u))).toEqual([])
    expect(warned.filter((w) => w.includes('placeholder')).sort()).toEqual([
      expect.stringContaining('option "ga4.measurementId" is the documentation\'s placeholder id'),
      expect.stringContaining('option "gtm.containerId" is the documentation\'s placeholder id'),
    ])
    expect(s.errors).toEqual([])
  })
})
