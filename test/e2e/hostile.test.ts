// @vitest-environment node
// The hostile page, in real Chromium: what only a browser decides (cookie domains and paths,
// prototype lookups on real DOM objects, DOM clobbering, Trusted Types) is proven here.
import { expect, it } from 'vitest'
import { BANNER, browserSuite, button, settled, type Session } from './browser'

const gaCookies = async (s: Session) => (await s.context.cookies()).filter((c) => /^_ga/.test(c.name))
const consentCookies = async (s: Session) => (await s.context.cookies()).filter((c) => c.name === 'consent_gate')
/** Markup an attacker got into the page, in place before the loader (in <head>) runs. */
const injectAheadOfLoader = (s: Session, html: string) =>
  s.context.addInitScript(
    (markup) =>
      new MutationObserver((_, watch) => {
        if (!document.head) return
        watch.disconnect()
        document.head.insertAdjacentHTML('afterbegin', markup)
      }).observe(document, { childList: true, subtree: true }),
    html,
  )

browserSuite('A hostile page in Chromium', (open) => {
  it('a polluted Object.prototype grants nothing, injects nothing and turns Pigi into nothing else', async () => {
    const s = await open()
    await s.context.addInitScript(() => {
      const p = Object.prototype as Record<string, unknown>
      p.ConsentGateConfig = { site: 'pisama', ga4: { measurementId: 'G-EVIL1' } }
      p.ga4 = 'G-EVIL2'
      p.ga4Src = '/evil.js'
      p.analytics = true
      p.foo = true
      p.policyUrl = 'javascript:alert(1)'
      p.dangerouslySetInnerHTML = { __html: '<img src=x onerror="window.pwned=1">' }
    })
    await s.page.goto(s.url('/pigi/', 'app.pigi.test'))
    await settled(s.page)
    expect(await s.page.evaluate(() => window.ConsentGate!.hasConsent('foo' as never))).toBe(false)
    expect(await s.page.locator('[data-consent-gate-host]').count()).toBe(0)
    expect(s.chunkRequests('ui')).toEqual([])

    // Pisama's own tag has no data-ga4-src: the inherited ga4Src must not become gtag.js.
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'customise')).click()
    const toggle = s.page.locator('[data-consent-gate="preferences"] input[name="analytics"]')
    expect(await toggle.isChecked()).toBe(false)
    await s.page.locator('[data-consent-gate="preferences"] [data-action="save"]').click()
    await settled(s.page)
    expect(s.trackerRequests()).toEqual([])
    expect(s.requests.some((u) => u.includes('/evil.js'))).toBe(false)
    expect(await s.page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined()
  })

  it('a grant tossed from a sibling subdomain onto the parent domain and a deeper path never beats a refusal', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'reject-all')).click()
    await expect.poll(async () => (await consentCookies(s)).length).toBe(1)
    // What shop.pisama.test could set: a grant minted with our public codec, dated a minute
    // ahead so it is the latest, on the shared parent domain and a path that sorts it first.
    const mine = (await consentCookies(s))[0].value
    const tossed = await s.page.evaluate((value) => {
      // A copy with analytics granted and a later date, checksummed again: the codec is public.
      const parts = value.split('~')
      parts[3] = (Date.now() + 60_000).toString(36)
      parts[5] = '1-'
      const body = parts.slice(0, 7).join('~')
      let h = 0x811c9dc5
      for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 0x01000193)
      return body + '~' + (h >>> 0).toString(36)
    }, mine)
    await s.context.addCookies([
      { name: 'consent_gate', value: tossed, domain: '.pisama.test', path: '/pisama/', sameSite: 'Lax' },
    ])
    const before = s.requests.length
    await s.page.reload()
    await settled(s.page)
    expect(await s.page.evaluate(() => window.ConsentGate!.getConsent())).toMatchObject({
      decided: true,
      choices: { analytics: false },
    })
    expect(s.trackerRequests()).toEqual([])
    expect(s.requests.slice(before).some((u) => u.includes('/chunks/ui-'))).toBe(false)
    // The gate wrote its refusal over every copy it could reach: the tossed one is gone.
    expect((await consentCookies(s)).map((c) => c.value.split('~')[5])).toEqual(['0--'])
  })

  it('a refusal takes _ga cookies on a deeper path and on the parent domain with it', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(async () => (await gaCookies(s)).length).toBe(2)
    await s.context.addCookies([
      { name: '_ga_DEMO12345', value: 'GS1.1.path', domain: '.pisama.test', path: '/pisama', sameSite: 'Lax' },
    ])
    await s.page.evaluate(() => window.ConsentGate!.rejectAll())
    await expect.poll(async () => (await gaCookies(s)).map((c) => `${c.domain}${c.path}`)).toEqual([])
  })

  it('a refusal removes _ga cookies through the document’s own accessor when <img name="cookie"> clobbers document.cookie', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(async () => (await gaCookies(s)).length).toBe(2)
    await s.page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { name: 'cookie' })))
    expect(await s.page.evaluate(() => typeof document.cookie)).toBe('object')
    await s.page.evaluate(() => window.ConsentGate!.rejectAll())
    await expect.poll(async () => (await gaCookies(s)).length).toBe(0)
  })

  it('a broken dataLayer stops the start-up cleanly: one error, no banner, no cookie, the page works', async () => {
    const s = await open()
    await s.context.addInitScript(() => ((window as unknown as { dataLayer: unknown }).dataLayer = {}))
    await s.page.goto(s.url('/pisama/'))
    await settled(s.page)
    // The wording of a start-up failure is fetched with the explanation chunk: wait for the line.
    await expect.poll(() => s.errors.length).toBe(1)
    expect(s.errors[0]).toMatch(/consent-gate: could not start: the page's dataLayer or gtag refused/)
    expect(await s.page.evaluate(() => window.ConsentGate)).toBeUndefined()
    expect(await s.page.locator('[data-consent-gate-host]').count()).toBe(0)
    expect(await consentCookies(s)).toEqual([])
    expect(await s.page.locator('h1').textContent()).toBeTruthy()
  })

  it('markup that clobbers window names neither stops nor replaces the gate', async () => {
    const s = await open()
    // Injected markup ahead of the loader: `<div id>`, `<form name>` and `<img name>` all become
    // window properties.
    await injectAheadOfLoader(
      s,
      '<div id="__consentGate"></div><form name="ConsentGateConfig"><input name="site" value="pigi"></form><img name="ConsentGate">',
    )
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(BANNER).waitFor()
    expect(
      await s.page.evaluate(() => [
        String((window as unknown as Record<string, unknown>).__consentGate),
        typeof window.ConsentGate!.acceptAll,
      ]),
    ).toEqual(['[object HTMLDivElement]', 'function'])
    expect(s.errors).toEqual([])
  })

  it('an element named currentScript can neither move the chunks elsewhere nor configure the gate', async () => {
    const s = await open()
    await injectAheadOfLoader(
      s,
      '<img name="currentScript" src="https://evil.example/" data-site="pisama" data-ga4="G-ATTACK1" data-ga4-src="https://evil.example/x.js">',
    )
    await s.page.goto(s.url('/pigi/', 'app.pigi.test'))
    await settled(s.page)
    expect(await s.page.evaluate(() => (document.currentScript as unknown as HTMLElement)?.tagName)).toBe('IMG')
    expect(await s.page.evaluate(() => window.ConsentGate!.getConsent().categories)).toEqual([])
    expect(s.requests.filter((u) => u.includes('evil.example') && !u.endsWith('evil.example/'))).toEqual([])
    expect(await s.page.locator('[data-consent-gate-host]').count()).toBe(0)
  })

  it('under required Trusted Types, trackers load through the consent-gate policy and are withdrawn with no violation', async () => {
    const s = await open()
    await s.context.addInitScript(() => {
      ;(window as unknown as { violations: string[] }).violations = []
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      )
    })
    const response = await s.page.goto(s.url('/trusted-types/'))
    expect(response!.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'")
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(() => s.requests.filter((u) => u.includes('google-analytics.com/g/collect')).length).toBeGreaterThan(0)
    await expect.poll(() => s.requests.filter((u) => u.endsWith('/_vercel/insights/script.js')).length).toBe(1)
    await expect.poll(async () => (await gaCookies(s)).length).toBe(2)
    await s.page.evaluate(() => window.ConsentGate!.rejectAll())
    await expect.poll(async () => (await gaCookies(s)).length).toBe(0)
    expect(await s.page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])
    expect(s.errors).toEqual([])
  })
})
