// @vitest-environment node
// consent-gate/server against records a real browser wrote: the Cookie header Chromium sends
// after each choice, read by readConsent, must say what the page's own gate says. And the demo
// server's preload hints and re-issued cookie, as the browser meets them.
import type { Request } from 'playwright-core'
import { expect, it } from 'vitest'
import { readConsent } from '../../src/server'
import { BANNER, DIALOG, browserSuite, button, type Session } from './browser'

// The demo's Pisama pages on *.pisama.test, as their tag configures the gate.
const PISAMA = { site: 'pisama', ga4: { measurementId: 'G-DEMO12345' }, vercel: true, cookieDomain: 'pisama.test' }

/** The page's consent and receipt, and the Cookie header Chromium sends on reloading it. */
async function bothSides(s: Session) {
  const page = await s.page.evaluate(() => ({
    consent: window.ConsentGate!.getConsent(),
    receipt: window.ConsentGate!.receipt(),
  }))
  const [request] = await Promise.all([s.page.waitForRequest((r: Request) => r.isNavigationRequest()), s.page.reload()])
  const header = (await request.headerValue('cookie')) ?? ''
  return { page, header, server: readConsent(header, PISAMA) }
}

/** readConsent agrees with the page: decided, every choice, and the receipt's id, times and way. */
async function agree(s: Session) {
  const { page, server } = await bothSides(s)
  expect(server.decided).toBe(page.consent.decided)
  expect(server.choices).toEqual(page.consent.choices)
  expect(server.categories).toEqual(page.consent.categories)
  if (page.receipt)
    expect(server).toMatchObject({
      consentId: page.receipt.consentId,
      givenAt: page.receipt.givenAt,
      expiresAt: page.receipt.expiresAt,
      revision: page.receipt.revision,
      via: page.receipt.via,
    })
  return server
}

const consentCookies = async (s: Session) => (await s.context.cookies()).filter((c) => c.name === 'consent_gate')

browserSuite('consent-gate/server and the browser', (open) => {
  it('reads what Chromium stored after each choice as the page does: none, the banner, the API, the dialog', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'accept-all')).waitFor()
    expect(await agree(s)).toMatchObject({ decided: false })

    await s.page.locator(button(BANNER, 'accept-all')).click()
    expect(await agree(s)).toMatchObject({ decided: true, choices: { analytics: true }, via: 'banner' })

    await s.page.evaluate(() => window.ConsentGate!.update({ analytics: false }))
    expect(await agree(s)).toMatchObject({ decided: true, choices: { analytics: false }, via: 'api' })

    await s.page.evaluate(() => window.ConsentGate!.openPreferences())
    await s.page.locator(button(DIALOG, 'accept-all')).click()
    expect(await agree(s)).toMatchObject({ choices: { analytics: true }, via: 'dialog' })
  })

  it('reads a Global Privacy Control refusal as the page does', async () => {
    const s = await open({ gpc: true })
    await s.page.goto(s.url('/pisama/'))
    await expect.poll(() => s.page.evaluate(() => window.ConsentGate!.getConsent().decided)).toBe(true)
    expect(await agree(s)).toMatchObject({ decided: true, choices: { analytics: false }, via: 'gpc' })
  })

  it('reads a tossed grant beside a refusal as the page does: refused', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'reject-all')).click()
    await expect.poll(async () => (await consentCookies(s)).length).toBe(1)
    // A sibling subdomain's grant, dated later, on the parent domain and a deeper path: the
    // codec is public, so its checksum proves nothing.
    const tossed = await s.page.evaluate(
      (value) => {
        const parts = value.split('~')
        parts[3] = (Date.now() + 60_000).toString(36)
        parts[5] = '1-'
        const body = parts.slice(0, 7).join('~')
        let h = 0x811c9dc5
        for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 0x01000193)
        return body + '~' + (h >>> 0).toString(36)
      },
      (await consentCookies(s))[0].value,
    )
    await s.context.addCookies([
      { name: 'consent_gate', value: tossed, domain: '.pisama.test', path: '/pisama/', sameSite: 'Lax' },
    ])
    const { header, server } = await bothSides(s)
    expect(header.match(/consent_gate=/g)).toHaveLength(2)
    expect(server).toMatchObject({ decided: true, choices: { analytics: false } })
    expect(await s.page.evaluate(() => window.ConsentGate!.getConsent().choices.analytics)).toBe(false)
  })

  it('preloads the banner only on a first visit, and re-issuing the cookie changes nothing the browser holds', async () => {
    const s = await open()
    const preloads = () =>
      s.page.locator('link[rel="modulepreload"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')))
    await s.page.goto(s.url('/pisama/'))
    expect(await preloads()).toEqual([
      expect.stringMatching(/^\/consent-gate\/chunks\/ui-/),
      expect.stringMatching(/^\/consent-gate\/chunks\/lang-en-/),
    ])
    // In the language the banner will pick: the one the page asks for, or its own <html lang>.
    await s.page.goto(s.url('/pisama/?lang=ja'))
    expect(await preloads()).toContainEqual(expect.stringMatching(/\/chunks\/lang-ja-/))
    await s.page.goto(s.url('/pisama/rtl/'))
    expect(await preloads()).toContainEqual(expect.stringMatching(/\/chunks\/lang-ar-/))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(async () => (await consentCookies(s)).length).toBe(1)
    const [written] = await consentCookies(s)

    // The reload's response carries Set-Cookie from refreshCookie: the same cookie (name, domain,
    // path), value and expiry, so the jar still holds one.
    const response = await s.page.reload()
    expect(await response!.headerValue('set-cookie')).toContain(`consent_gate=${written.value}; Max-Age=`)
    expect(await preloads()).toEqual([])
    const [kept, ...others] = await consentCookies(s)
    expect(others).toEqual([])
    expect(kept).toMatchObject({ value: written.value, domain: written.domain, path: '/', sameSite: 'Lax', secure: false })
    // Both sides say whole seconds from their own now (Max-Age): apart by rounding and the trip.
    expect(Math.abs(kept.expires - written.expires)).toBeLessThan(2)
  })

  it('without hints, asks for the banner chunk and its language while the loader runs', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/?hints=off'))
    await s.page.locator(BANNER).waitFor()
    const timing = await s.page.evaluate(() => ({
      links: document.querySelectorAll('link[rel="modulepreload"]').length,
      // The loader is deferred: it runs just before DOMContentLoaded.
      ready: performance.getEntriesByType('navigation')[0].toJSON().domContentLoadedEventStart as number,
      chunks: performance
        .getEntriesByType('resource')
        .filter((e) => /\/chunks\/(ui|lang-en)-/.test(e.name))
        .map((e) => e.startTime),
    }))
    expect(timing.links).toBe(0)
    expect(timing.chunks).toHaveLength(2)
    for (const start of timing.chunks) expect(start).toBeLessThan(timing.ready)
  })
})
