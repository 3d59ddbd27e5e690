// @vitest-environment node
import { expect, it } from 'vitest'
import { BANNER, DIALOG, browserSuite, button, settled } from './browser'

const isGa = (name: string) => /^_ga/.test(name)
const collects = (urls: string[]) => urls.filter((u) => u.includes('google-analytics.com/g/collect'))

browserSuite('Pisama in Chromium', (open) => {
  it('first visit: shows the banner and makes no tracker request before a choice', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(BANNER).waitFor()
    await settled(s.page)
    expect(s.trackerRequests()).toEqual([])
    expect(s.chunkRequests('trackers')).toEqual([])
    // The banner needs the UI chunk and one language's banner texts, nothing else: the dialog,
    // its texts and wording, and the cookie catalogue wait until they are needed.
    const sdk = s.requests
      .filter((u) => u.includes('/consent-gate/'))
      .map((u) => u.replace(/^.*\/consent-gate\/|-[\w-]{8}\.js$/g, ''))
    expect(sdk.sort()).toEqual(['chunks/lang-en', 'chunks/ui', 'consent-gate.js'])
    // The server's preload hint has the banner chunk download alongside the loader, not after it
    // ran, and the loader's import then reuses it rather than fetching it again.
    const [loader, ui] = await s.page.evaluate(() =>
      ['consent-gate.js', '/chunks/ui-'].map((part) => {
        const r = performance.getEntriesByType('resource').find((e) => e.name.includes(part)) as PerformanceResourceTiming
        return { start: r.startTime, end: r.responseEnd }
      }),
    )
    expect(ui.start).toBeLessThan(loader.end)
    expect(s.chunkRequests('ui')).toHaveLength(1)
    await s.page.locator(button(BANNER, 'customise')).click()
    await s.page.locator(DIALOG).waitFor()
    expect(s.chunkRequests('dialog')).toHaveLength(1)
    expect(s.chunkRequests('wording')).toHaveLength(1)
    expect(s.chunkRequests('lang-en-details')).toHaveLength(1)
  })

  it('accept all: gtag.js once, a collect hit, _ga cookies on the parent domain, Vercel; a reload keeps it quietly', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(() => collects(s.requests).length).toBeGreaterThan(0)
    expect(s.requests.filter((u) => u.startsWith('https://www.googletagmanager.com/gtag/js?id=G-DEMO12345'))).toHaveLength(1)
    await expect.poll(() => s.requests.filter((u) => u.endsWith('/_vercel/insights/script.js')).length).toBe(1)
    const ga = (await s.context.cookies()).filter((c) => isGa(c.name))
    expect(ga.map((c) => [c.name, c.domain]).sort()).toEqual([
      ['_ga', '.pisama.test'],
      ['_ga_DEMO12345', '.pisama.test'],
    ])
    await expect.poll(() => s.page.locator(BANNER).count()).toBe(0)

    const before = s.requests.length
    await s.page.reload()
    await expect.poll(() => collects(s.requests.slice(before)).length).toBeGreaterThan(0)
    const after = s.requests.slice(before)
    expect(after.some((u) => u.includes('/consent-gate/chunks/ui-'))).toBe(false)
    expect(after.some((u) => u.includes('/consent-gate/chunks/lang-'))).toBe(false)
    await expect.poll(() => s.page.locator(BANNER).count()).toBe(0)
  })

  it('reject all: nothing tracks, across a reload and SPA navigations', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'reject-all')).click()
    await s.page.reload()
    await s.page.goto(s.url('/pisama/app/'))
    for (const name of ['Projects', 'Settings', 'Overview']) await s.page.getByRole('link', { name, exact: true }).click()
    await s.page.goBack()
    await settled(s.page)
    expect(s.trackerRequests()).toEqual([])
    expect(s.chunkRequests('trackers')).toEqual([])
    expect((await s.cookieNames()).filter(isGa)).toEqual([])
    await expect.poll(() => s.page.locator(BANNER).count()).toBe(0)
  })

  it('withdrawal: _ga cookies go from host and parent domain, and no hit follows', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/app/'))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(async () => (await s.cookieNames()).filter(isGa).length).toBe(2)
    // A host-only twin too, as an older tag might have written.
    await s.page.evaluate(() => (document.cookie = '_ga=GA1.1.old; Path=/'))
    await s.page.getByRole('link', { name: 'Cookie settings' }).click()
    await s.page.locator(`${DIALOG} input[name=analytics]`).uncheck()
    await s.page.locator(button(DIALOG, 'save')).click()
    await expect.poll(async () => (await s.cookieNames()).filter(isGa)).toEqual([])
    const hits = collects(s.requests).length
    const views = s.requests.filter((u) => u.endsWith('/_vercel/insights/view')).length
    await s.page.getByRole('link', { name: 'Projects', exact: true }).click()
    await s.page.getByRole('link', { name: 'Settings', exact: true }).click()
    await settled(s.page)
    expect(collects(s.requests)).toHaveLength(hits)
    expect(s.requests.filter((u) => u.endsWith('/_vercel/insights/view'))).toHaveLength(views)
    expect((await s.cookieNames()).filter(isGa)).toEqual([])
  })

  it('a later page, still withdrawn, removes the Google cookies an earlier withdrawal left', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/app/'))
    await s.page.locator(button(BANNER, 'reject-all')).click()
    // Left behind on the parent domain and a deeper path, as a withdrawal that could not finish would.
    await s.context.addCookies([
      { name: '_ga', value: 'GA1.1.left', domain: '.pisama.test', path: '/', sameSite: 'Lax' },
      { name: '_ga_DEMO12345', value: 'GS1.1.left', domain: '.pisama.test', path: '/pisama', sameSite: 'Lax' },
    ])
    await s.page.reload()
    await expect.poll(async () => (await s.cookieNames()).filter(isGa)).toEqual([])
    expect(s.trackerRequests()).toEqual([])
    expect(s.chunkRequests('trackers')).toEqual([])
  })

  it('dashboard: after consent, each SPA navigation is a Vercel page view', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/app/'))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    const views = () => s.requests.filter((u) => u.endsWith('/_vercel/insights/view')).length
    await expect.poll(views).toBe(1)
    await s.page.getByRole('link', { name: 'Projects', exact: true }).click()
    await s.page.getByRole('link', { name: 'Settings', exact: true }).click()
    await expect.poll(views).toBe(3)
  })

  it('two tabs: a withdrawal in one stops the trackers in a decided one nobody has touched', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await s.page.reload()
    await settled(s.page)
    const disabled = () => s.page.evaluate(() => (window as unknown as Record<string, unknown>)['ga-disable-G-DEMO12345'])
    expect(await disabled()).not.toBe(true)
    const other = await s.context.newPage()
    await other.goto(s.url('/pisama/'))
    await other.evaluate(() => window.ConsentGate!.rejectAll())
    // No click, key or change of view in the first tab: its channel opened once it had loaded.
    await expect.poll(() => s.page.evaluate(() => window.ConsentGate!.getConsent().choices.analytics)).toBe(false)
    await expect.poll(disabled).toBe(true)
  })

  it('two tabs: a choice in one reaches the other without a reload', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    const other = await s.context.newPage()
    await other.goto(s.url('/pisama/'))
    await other.locator(BANNER).waitFor()
    await s.page.locator(button(BANNER, 'reject-all')).click()
    await expect.poll(() => other.locator(BANNER).count()).toBe(0)
    expect(await other.evaluate(() => window.ConsentGate!.getConsent().decided)).toBe(true)
  })

  it('a choice on the marketing site holds on the dashboard subdomain (cookieDomain)', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    const consent = (await s.context.cookies()).find((c) => c.name === 'consent_gate')!
    expect(consent.domain).toBe('.pisama.test')
    expect(consent.sameSite).toBe('Lax')
    await s.page.goto(s.url('/pisama/app/', 'app.pisama.test'))
    await expect.poll(() => s.page.evaluate(() => window.ConsentGate?.getConsent().choices.analytics)).toBe(true)
    await expect.poll(() => s.page.locator(BANNER).count()).toBe(0)
  })

  it('a corrupted consent cookie: banner, nothing loaded, no uncaught error', async () => {
    const s = await open()
    await s.context.addCookies([{ name: 'consent_gate', value: '1~1~zz~%%~garbage', domain: 'www.pisama.test', path: '/' }])
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(BANNER).waitFor()
    await settled(s.page)
    expect(s.trackerRequests()).toEqual([])
    expect(s.errors).toEqual([])
  })

  it("makes no request of its own anywhere but the page's origin", async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(() => collects(s.requests).length).toBeGreaterThan(0)
    const origin = s.url('')
    const foreign = s.requests.filter(
      (u) => !u.startsWith(origin) && !/googletagmanager\.com\/gtag\/js|google-analytics\.com\/g\/collect/.test(u),
    )
    expect(foreign).toEqual([])
  })
})
