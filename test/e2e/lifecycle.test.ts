// @vitest-environment node
import { expect, it } from 'vitest'
import { BANNER, DIALOG, browserSuite, button, settled } from './browser'

const TABLE = '[data-consent-cookie-table]'

browserSuite('Lifecycle in Chromium', (open) => {
  it('sends each receipt to the site endpoint as JSON, without cookies', async () => {
    const s = await open()
    const posts: { body: unknown; headers: Record<string, string> }[] = []
    s.page.on('request', async (r) => {
      if (r.url().endsWith('/receipts') && r.method() === 'POST')
        posts.push({ body: r.postDataJSON(), headers: await r.allHeaders() })
    })
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    const receipt = await s.page.evaluate(() => window.ConsentGate!.receipt()!)
    expect(receipt).toMatchObject({ site: 'pisama', via: 'banner', choices: { analytics: true } })
    // The endpoint (the demo server, consent-gate/server on the embedded store) kept it, once.
    const kept = s.url(`/receipts.json?consentId=${receipt.consentId}`).replace('www.pisama.test', '127.0.0.1')
    await expect.poll(async () => (await (await fetch(kept)).json()) as unknown[]).toHaveLength(1)
    expect((await (await fetch(kept)).json())[0]).toEqual({ ...receipt, receivedAt: expect.any(String) })
    expect(posts).toHaveLength(1)
    expect(posts[0].body).toEqual(receipt)
    // The panel links to the demo's /receipts page on this consent id, which lists it.
    await expect
      .poll(() => s.page.locator('#demo-receipts-link').getAttribute('href'))
      .toBe(`/receipts?consentId=${receipt.consentId}`)
    await s.page.locator('#demo-receipts-link').click()
    await expect
      .poll(() => s.page.locator('[data-receipts] tbody tr').allTextContents())
      .toEqual([expect.stringContaining(receipt.consentId)])
    expect(await s.page.locator('[data-receipts] tbody').textContent()).toContain('{"analytics":true}')
    expect(posts[0].headers['content-type']).toMatch(/^application\/json/)
    // The page has cookies (the consent cookie at least), and none of them went along.
    expect(await s.cookieNames()).toContain('consent_gate')
    expect(posts[0].headers.cookie).toBeUndefined()
  })

  it("Pisama's privacy page: the cookie table, its current choice, and a button that changes it", async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/privacy'))
    const analytics = s.page.locator(`${TABLE} [data-class="analytics"]`)
    await expect
      .poll(() => s.page.locator(`${TABLE} code`).allTextContents())
      .toEqual(['consent_gate', '_vercel_jwt', 'pisama_session', '_ga', '_ga_*', 'Vercel Web Analytics'])
    expect(await s.page.locator(`${TABLE} h3`).allTextContents()).toEqual(['Essential', 'Sign-in', 'Analytics'])
    expect(await analytics.locator('[data-choice]').textContent()).toBe('Not chosen yet')
    await analytics.getByRole('button', { name: 'Change' }).click()
    await s.page.locator(button(DIALOG, 'accept-all')).click()
    await expect.poll(() => analytics.locator('[data-choice]').textContent()).toBe('Allowed')
    // Every declaration has its class and its words: no catalogue is fetched.
    expect([...s.chunkRequests('audit'), ...s.chunkRequests('purposes')]).toEqual([])
    expect(s.errors).toEqual([])
  })

  it("Pisama's privacy page fills a cookie declared by name alone from the catalogue", async () => {
    const s = await open()
    await s.page.addInitScript(() => {
      window.ConsentGateConfig = { cookies: [{ name: '_hjSessionUser_*', purpose: 'Counts returning visitors.' }] }
    })
    await s.page.goto(s.url('/pisama/privacy'))
    const row = s.page.locator(`${TABLE} [data-class="analytics"] tr`, { hasText: '_hjSessionUser_*' })
    // Provider and lifetime from the catalogue; the site's own purpose wins.
    await expect
      .poll(() => row.locator('td').allTextContents())
      .toEqual(['_hjSessionUser_*', 'Hotjar', 'Counts returning visitors.', '365 days'])
    expect(s.chunkRequests('audit')).toHaveLength(1)
    expect(s.chunkRequests('purposes')).toHaveLength(1)
    expect(s.errors).toEqual([])
  })

  it("Pigi's privacy page: the table without any banner code, and no trackers", async () => {
    const s = await open()
    await s.page.goto(s.url('/pigi/privacy', 'app.pigi.test'))
    await expect
      .poll(() => s.page.locator(`${TABLE} code`).allTextContents())
      .toEqual(['theme', 'pigi_session', 'XSRF-TOKEN'])
    expect(await s.page.locator(`${TABLE} .cg-none`).textContent()).toBe('This site uses no analytics or advertising cookies.')
    expect(await s.page.locator(`${TABLE} button`).count()).toBe(0)
    expect(s.chunkRequests('ui')).toEqual([])
    expect(s.chunkRequests('table')).toHaveLength(1)
    expect(s.trackerRequests()).toEqual([])
    expect(await s.page.locator('[data-consent-gate-host]').count()).toBe(0)
  })

  it('a withdrawal in one tab stops the trackers of another that never finished loading', async () => {
    const s = await open()
    const views = () => s.requests.filter((u) => u.endsWith('/_vercel/insights/view')).length
    await s.page.goto(s.url('/pisama/app/'))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    // The choice starts the trackers after the click's paint: its page view may come after the
    // page looks settled, and leaving sooner loses it.
    await expect.poll(views).toBe(1)
    await settled(s.page)
    // The dashboard again, with an image whose request never answers: its load event never fires.
    await s.context.route('**/never-answers.png', () => {})
    await s.page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () =>
        document.body.append(Object.assign(new Image(), { src: '/never-answers.png' })),
      ),
    )
    await s.page.goto(s.url('/pisama/app/'), { waitUntil: 'domcontentloaded' })
    const hits = () => views() + s.requests.filter((u) => u.includes('google-analytics.com/g/collect')).length
    // Trackers run there: an SPA navigation is a page view.
    await expect.poll(views).toBe(2)
    await s.page.evaluate(() => history.pushState(null, '', '/pisama/app/projects'))
    await expect.poll(views).toBe(3)
    expect(await s.page.evaluate(() => document.readyState)).not.toBe('complete')

    const other = await s.context.newPage()
    await other.goto(s.url('/pisama/'))
    await other.evaluate(() => window.ConsentGate!.rejectAll())
    const disabled = () => s.page.evaluate(() => (window as unknown as Record<string, unknown>)['ga-disable-G-DEMO12345'])
    await expect.poll(() => s.page.evaluate(() => window.ConsentGate!.getConsent().choices.analytics)).toBe(false)
    await expect.poll(disabled).toBe(true)
    const before = hits()
    await s.page.evaluate(() => history.pushState(null, '', '/pisama/app/settings'))
    // Whatever a tracker would send on that navigation, it sends within the page's next idle
    // moments and a round trip to the server; then the page has still not loaded.
    for (let i = 0; i < 2; i++) await s.page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 2000 })))
    await s.page.evaluate(() => fetch('/pisama/').then((r) => r.text()))
    expect(hits()).toBe(before)
    expect(await s.page.evaluate(() => document.readyState)).not.toBe('complete')
  })

  it('a withdrawal on a sibling subdomain sharing the cookie stops the trackers of an untouched tab', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/app/', 'app.pisama.test'))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await settled(s.page)
    const views = () => s.requests.filter((u) => u.includes('app.pisama.test') && u.endsWith('/_vercel/insights/view')).length
    await expect.poll(views).toBe(1)
    const other = await s.context.newPage()
    await other.goto(s.url('/pisama/', 'www.pisama.test'))
    expect(await other.evaluate(() => window.ConsentGate!.getConsent().choices.analytics)).toBe(true)
    await other.evaluate(() => window.ConsentGate!.rejectAll())
    // No channel reaches another origin, and nobody touches the app's tab: it must find out itself.
    await expect.poll(() => s.page.evaluate(() => window.ConsentGate!.getConsent().choices.analytics)).toBe(false)
    await s.page.evaluate(() => history.pushState(null, '', '/pisama/app/projects'))
    await s.page.evaluate(() => fetch('/pisama/').then((r) => r.text()))
    expect(views()).toBe(1)
  })
})
