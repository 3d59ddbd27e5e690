// @vitest-environment node
// The rules by region in a real browser (docs/regions.md), one visitor per row of the matrix: an
// EU visitor, a Californian under opt-out (with and without GPC), an unknown region, hints a page
// or a sibling subdomain could forge, and a site that promises no trackers wherever the visitor is.
import { expect, it } from 'vitest'
import type { Options } from '../../src/config/options'
import { BANNER, browserSuite, button, madePage, settled, type Session } from './browser'

const ACME: Options = {
  site: 'acme',
  ga4: { measurementId: 'G-ACME1234' },
  policies: { eea: 'opt-in', uk: 'opt-in', ch: 'opt-in', 'us-privacy': 'opt-out' },
}
const GTAG = '/gtag/js?id=G-ACME1234'
const HOST = 'www.acme.test'

/** Acme's page as its server renders it for one visitor: the description, and the hint on the tag. */
const visit = (s: Session, hint?: string, options: Options = ACME) =>
  madePage(
    s,
    '/regions/',
    `<!doctype html><html lang="en"><head>
<script type="application/json" id="acme">${JSON.stringify(options)}</script>
<script src="/consent-gate/consent-gate.js" data-config="acme"${hint == null ? '' : ` data-region-hint="${hint}"`}></script>
</head><body><h1>Acme</h1></body></html>`,
    HOST,
  )
const gtag = (s: Session) => s.trackerRequests().filter((u) => u.includes(GTAG))
const consent = (s: Session) => s.page.evaluate(() => window.ConsentGate!.getConsent())

browserSuite('Rules by region', (open) => {
  it('an EU visitor is asked first: a banner, and nothing before a yes', async () => {
    const s = await open()
    await visit(s, 'DE:opt-in')
    await s.page.locator(BANNER).waitFor()
    await settled(s.page)
    expect(s.trackerRequests()).toEqual([])
    expect(await consent(s)).toMatchObject({ policy: 'opt-in', decided: false })
    await s.page.click(button(BANNER, 'accept-all'))
    await expect.poll(() => gtag(s).length).toBeGreaterThan(0)
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt())).toMatchObject({ region: 'DE', policy: 'opt-in' })
  })

  it('a Californian under opt-out: analytics runs unasked; an opt-out stops it and removes its cookies', async () => {
    const s = await open()
    await visit(s, 'US-CA:opt-out')
    await expect.poll(() => gtag(s).length).toBeGreaterThan(0)
    await expect.poll(() => s.cookieNames()).toContain('_ga')
    expect(await s.page.locator(BANNER).count()).toBe(0)
    expect(await consent(s)).toMatchObject({ policy: 'opt-out', decided: true, choices: { analytics: true } })
    await s.page.evaluate(() => window.ConsentGate!.update({ analytics: false }))
    await expect.poll(() => s.cookieNames()).not.toContain('_ga')
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt())).toMatchObject({
      region: 'US-CA',
      policy: 'opt-out',
      choices: { analytics: false },
    })
    // The next page keeps the opt-out.
    const before = gtag(s).length
    await s.page.reload()
    await settled(s.page)
    expect(gtag(s).length).toBe(before)
    expect(s.errors).toEqual([])
  })

  it('a Californian with Global Privacy Control is opted out without a banner, and nothing loads', async () => {
    const s = await open({ gpc: true })
    await visit(s, 'US-CA:opt-out')
    await expect.poll(() => s.page.evaluate(() => window.ConsentGate?.receipt()?.via)).toBe('gpc')
    await settled(s.page)
    expect(s.trackerRequests()).toEqual([])
    expect(await s.page.locator(BANNER).count()).toBe(0)
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt())).toMatchObject({
      gpc: true,
      region: 'US-CA',
      policy: 'opt-out',
    })
  })

  for (const [what, hint] of [
    ['an unknown region (no hint)', undefined],
    ['a region the platform could not place', 'opt-in'],
    ['a hint in the wrong case', 'US-CA:OPT-OUT'],
    ['a region without a policy', 'US-CA'],
    ['a policy the site uses nowhere', 'US-CA:notice'],
    ['markup in the hint', 'US-CA:opt-out&quot;&gt;&lt;b&gt;'],
  ] as const)
    it(`${what} gets the strictest rules the site uses: asked first`, async () => {
      const s = await open()
      await visit(s, hint)
      await s.page.locator(BANNER).waitFor()
      await settled(s.page)
      expect(s.trackerRequests()).toEqual([])
      expect(await consent(s)).toMatchObject({ policy: 'opt-in', decided: false })
    })

  it('believes no region cookie a sibling subdomain planted, nor one a plain-http page could hold', async () => {
    const s = await open()
    await s.context.addCookies([
      { name: 'consent-region', value: 'US-CA:opt-out', domain: '.acme.test', path: '/' },
      { name: 'Host-consent-region', value: 'US-CA:opt-out', domain: '.acme.test', path: '/' },
    ])
    await visit(s)
    await s.page.locator(BANNER).waitFor()
    // The browser itself refuses a __Host- cookie without https: nobody can plant one here.
    const planted = await s.page.evaluate(() => {
      document.cookie = '__Host-consent-region=US-CA:opt-out; Path=/; Secure'
      return document.cookie.includes('__Host-consent-region')
    })
    expect(planted).toBe(false)
    await settled(s.page)
    expect(s.trackerRequests()).toEqual([])
    expect(await consent(s)).toMatchObject({ policy: 'opt-in' })
  })

  it('believes no region cookie a sibling subdomain named with Unicode space before __Host-, which the browser does not treat as prefixed', async () => {
    const s = await open()
    await madePage(s, '/', '<!doctype html><title>sibling</title>', 'blog.acme.test')
    // No __Host- name to the browser, so any subdomain may set it for the parent domain; but
    // String.prototype.trim() removes these spaces, so a reader that trims sees __Host-consent-region.
    const seen = await s.page.evaluate(() => {
      // (No-break space: this suite's request forwarding takes Latin-1 cookies only; the codec's
      // unit tests try the others.)
      document.cookie = '\u00a0__Host-consent-region=US-CA:opt-out; Domain=acme.test; Path=/'
      return document.cookie
    })
    expect(seen).toContain('__Host-consent-region=US-CA:opt-out')
    await visit(s)
    await settled(s.page)
    expect(await consent(s)).toMatchObject({ policy: 'opt-in', decided: false })
    expect(s.trackerRequests()).toEqual([])
    await s.page.locator(BANNER).waitFor()
  })

  for (const hint of ['DE:opt-in', 'US-CA:opt-out', 'JP:notice', 'opt-out', undefined])
    it(`a site that promises no trackers offers and loads nothing, hint ${hint}`, async () => {
      const s = await open({ gpc: hint == 'opt-out' })
      await visit(s, hint, { site: 'pigi' })
      await settled(s.page)
      expect(s.trackerRequests()).toEqual([])
      expect(s.chunkRequests('ui')).toEqual([])
      expect(await consent(s)).toMatchObject({ categories: [], choices: { analytics: false, marketing: false } })
      expect(s.errors).toEqual([])
    })
})
