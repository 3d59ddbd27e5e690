// @vitest-environment node
import { expect, it } from 'vitest'
import { BANNER, browserSuite, button, madePage, settled, type Session } from './browser'

/** A page of a third site, Acme, on the demo server's host: only what the test writes into it. */
const acme = (s: Session, head: string, body = '<h1>Acme</h1><div data-consent-cookie-table></div>') =>
  madePage(s, '/acme-test/', `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`)

const DESCRIPTION = {
  site: 'acme',
  ga4: { measurementId: 'G-ACME1234' },
  policyUrl: '/privacy/',
  cookies: [{ name: 'acme_session', class: 'session', purpose: 'Keeps you signed in', lifetime: 'Session', provider: 'Acme' }],
}

browserSuite('A site that describes itself', (open) => {
  it('reads its description from a JSON element: its own name, cookies and tracker, nothing of a preset', async () => {
    const s = await open()
    await acme(
      s,
      `<script type="application/json" id="acme-consent">${JSON.stringify(DESCRIPTION)}</script>
       <script src="/consent-gate/consent-gate.js" data-config="acme-consent"></script>`,
    )
    await s.page.locator(BANNER).waitFor()
    expect(s.trackerRequests()).toEqual([])
    await s.page.click(button(BANNER, 'accept-all'))
    await expect.poll(() => s.trackerRequests().some((u) => u.includes('/gtag/js?id=G-ACME1234'))).toBe(true)
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt()!.site)).toBe('acme')
    const table = s.page.locator('[data-consent-cookie-table]')
    await expect.poll(() => table.textContent()).toContain('acme_session')
    expect(await table.textContent()).not.toMatch(/pisama|_vercel_jwt/)
    expect(s.errors).toEqual([])
  })

  it('loaded as a module, says how to load it, once, and loads nothing', async () => {
    const s = await open()
    await acme(s, '<script type="module" src="/consent-gate/consent-gate.js" data-site="acme" data-ga4="G-ACME1234"></script>')
    await settled(s.page)
    await expect.poll(() => s.errors.length).toBe(1)
    expect(s.errors[0]).toBe('consent-gate: load consent-gate.js by a classic <script src>, not as a module')
    expect(await s.page.evaluate(() => typeof window.ConsentGate)).toBe('undefined')
    expect(s.trackerRequests()).toEqual([])
    expect(await s.page.locator('h1').textContent()).toBe('Acme')
  })

  it('names an unknown attribute and starts without it: the tracker with a typo stays off', async () => {
    const s = await open()
    await acme(s, '<script src="/consent-gate/consent-gate.js" data-site="acme" data-ga="G-ACME1234" data-vercel></script>')
    await s.page.locator(BANNER).waitFor()
    await expect
      .poll(() => s.errors)
      .toEqual([expect.stringMatching(/"data-ga" is not a known attribute; did you mean "data-ga4"\?/)])
    await s.page.click(button(BANNER, 'accept-all'))
    await expect.poll(() => s.trackerRequests().some((u) => u.includes('/_vercel/insights/'))).toBe(true)
    await settled(s.page)
    expect(s.trackerRequests().filter((u) => u.includes('googletagmanager'))).toEqual([])
  })
})
