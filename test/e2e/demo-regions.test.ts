// @vitest-environment node
// The demo's Acme site has rules by region (docs/regions.md): its server reads the platform's geo
// headers (the demo server sets them from `?region=`, as a platform's edge would), decides the
// policy, and renders its word on the script tag; the page applies it.
import { expect, it } from 'vitest'
import { BANNER, browserSuite, settled, type Session } from './browser'

const HOST = 'www.acme.test'
const GTM = /^https:\/\/www\.googletagmanager\.com\/gtm\.js\?id=GTM-DEMO123$/

/** The hint on the loader's tag, and the rules the page applied. */
const rules = async (s: Session) => {
  await settled(s.page)
  return s.page.evaluate(() => ({
    hint: document.querySelector('script[src*="consent-gate.js"]')?.getAttribute('data-region-hint'),
    policy: window.ConsentGate!.getConsent().policy,
  }))
}

browserSuite('rules by region on the demo', (open) => {
  it.each([
    ['unknown', 'opt-in', 'opt-in'],
    ['DE', 'DE:opt-in', 'opt-in'],
    ['GB', 'GB:opt-in', 'opt-in'],
    ['CH', 'CH:opt-in', 'opt-in'],
    ['US-CA', 'US-CA:opt-out', 'opt-out'],
    ['US-TX', 'US-TX:opt-out', 'opt-out'],
    ['US-NY', 'US-NY:notice', 'notice'],
    ['JP', 'JP:notice', 'notice'],
  ])('?region=%s renders the hint %s, and the page applies %s', async (region, hint, policy) => {
    const s = await open()
    await s.page.goto(s.url(`/acme/?region=${region}`, HOST))
    expect(await rules(s)).toEqual({ hint, policy })
    // The switcher offers this region, marked as the current one.
    expect(await s.page.locator(`a[href="?region=${region}"][aria-current="page"]`).count()).toBe(1)
  })

  it('reads the platform header itself when no region is asked for, as on Vercel', async () => {
    const s = await open()
    await s.context.setExtraHTTPHeaders({ 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'CA' })
    await s.page.goto(s.url('/acme/', HOST))
    expect(await rules(s)).toEqual({ hint: 'US-CA:opt-out', policy: 'opt-out' })
  })

  it('takes a Tor exit (Cloudflare T1) as an unknown region: the strictest Acme uses', async () => {
    const s = await open()
    await s.context.setExtraHTTPHeaders({ 'cf-ipcountry': 'T1' })
    await s.page.goto(s.url('/acme/', HOST))
    expect(await rules(s)).toEqual({ hint: 'opt-in', policy: 'opt-in' })
  })

  it('a California visitor: Tag Manager runs before any choice, no banner; an EU visitor: the banner and nothing before a yes', async () => {
    const ca = await open()
    await ca.page.goto(ca.url('/acme/?region=US-CA', HOST))
    await expect.poll(() => ca.requests.filter((u) => GTM.test(u)).length).toBe(1)
    expect(await ca.page.locator(BANNER).count()).toBe(0)
    const eu = await open()
    await eu.page.goto(eu.url('/acme/?region=DE', HOST))
    await eu.page.locator(BANNER).waitFor()
    await settled(eu.page)
    expect(eu.trackerRequests()).toEqual([])
  })
})
