// @vitest-environment node
// Visitors under opt-out and notice rules in Chromium (docs/regions.md, docs/ui.md#opt-out-and-notice):
// a Californian's analytics run until they opt out, which stops them and removes their cookies;
// GPC opts out without asking; a notice shows once. An EU visitor of the same site is asked first.
import { expect, it } from 'vitest'
import en from '../../src/ui/messages/en-choices'
import { BANNER, DIALOG, browserSuite, button, settled } from './browser'
import { acme, CORNER, NOTICE, OPTED_OUT } from './choices'

const GTAG = /googletagmanager\.com\/gtag\/js\?id=G-ACME1234/
const isGa = (name: string) => /^_ga/.test(name)

browserSuite('Rules by region in Chromium', (open) => {
  it('a Californian: analytics before any choice, the link and no banner; opting out in the dialog stops them and removes _ga', async () => {
    const s = await open()
    await acme(s, 'US-CA:opt-out')
    await s.page.locator(CORNER).waitFor()
    expect(await s.page.locator(CORNER).textContent()).toBe(en.choicesLink)
    expect(s.trackerRequests().some((u) => GTAG.test(u))).toBe(true)
    await expect.poll(async () => (await s.cookieNames()).filter(isGa).length).toBeGreaterThan(0)
    expect(await s.page.locator(BANNER).count()).toBe(0)

    await s.page.locator(CORNER).click()
    await s.page.locator(DIALOG).waitFor()
    expect(await s.page.locator(`${DIALOG} #cg-prefs`).textContent()).toBe(en.choicesTitle)
    await s.page.locator(button(DIALOG, 'opt-out')).click()
    await expect.poll(() => s.page.locator(OPTED_OUT).textContent()).toBe(en.optedOut)
    await expect.poll(async () => (await s.cookieNames()).filter(isGa)).toEqual([])
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt())).toMatchObject({
      via: 'dialog',
      policy: 'opt-out',
      region: 'US-CA',
      // The only category this site offers; marketing is refused too where offered (unit tests).
      choices: { analytics: false },
    })

    // A reload keeps it: no hit, no cookie, still the link.
    const hits = s.trackerRequests().filter((u) => u.includes('/g/collect')).length
    await s.page.reload()
    await s.page.locator(CORNER).waitFor()
    await settled(s.page)
    expect(s.trackerRequests().filter((u) => u.includes('/g/collect'))).toHaveLength(hits)
    expect((await s.cookieNames()).filter(isGa)).toEqual([])
    expect(s.errors).toEqual([])
  })

  it('a Californian with Global Privacy Control: no analytics at all, and the dialog says the signal was honoured', async () => {
    const s = await open({ gpc: true })
    await acme(s, 'US-CA:opt-out')
    await s.page.locator(CORNER).waitFor()
    await settled(s.page)
    expect(s.trackerRequests()).toEqual([])
    expect(await s.page.locator(BANNER).count()).toBe(0)
    await s.page.locator(CORNER).click()
    await expect.poll(() => s.page.locator(OPTED_OUT).textContent()).toBe(en.gpcHonoured)
    expect(await s.page.locator(button(DIALOG, 'opt-out')).count()).toBe(0)
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt()?.via)).toBe('gpc')
  })

  it("puts the link in the page's own [data-consent-choices], in its footer, and none of ours", async () => {
    const s = await open()
    await acme(s, 'US-CA:opt-out', { body: '<footer><a href="/privacy#choices" data-consent-choices></a></footer>' })
    const link = s.page.locator('footer a')
    await expect.poll(() => link.textContent()).toBe(en.choicesLink)
    await settled(s.page)
    expect(await s.page.locator(CORNER).count()).toBe(0)
    await link.focus()
    await s.page.keyboard.press('Enter')
    await s.page.locator(DIALOG).waitFor()
    expect(s.page.url()).toMatch(/\/acme\/$/)
    // Escape gives focus back to the page's link.
    await s.page.keyboard.press('Escape')
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.textContent)).toBe(en.choicesLink)
  })

  it('a notice visitor: the notice, whose OK dismisses it for good; what the site runs runs', async () => {
    const s = await open()
    await acme(s, 'JP:notice')
    await s.page.locator(NOTICE).waitFor()
    expect(await s.page.locator(`${NOTICE} h2`).textContent()).toBe(en.noticeTitle)
    await expect.poll(() => s.trackerRequests().some((u) => GTAG.test(u))).toBe(true)
    await s.page.locator(button(NOTICE, 'ok')).click()
    await s.page.locator(NOTICE).waitFor({ state: 'detached' })
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt())).toMatchObject({
      via: 'banner',
      policy: 'notice',
      choices: {},
    })
    await s.page.reload()
    await s.page.locator(CORNER).waitFor()
    await settled(s.page)
    expect(await s.page.locator(NOTICE).count()).toBe(0)
  })

  it('an EU visitor of the same site: the banner, nothing before a yes, and no texts of the other rules fetched', async () => {
    const s = await open()
    await acme(s, 'DE:opt-in')
    await s.page.locator(BANNER).waitFor()
    await settled(s.page)
    expect(s.trackerRequests()).toEqual([])
    expect(s.chunkRequests('choices')).toEqual([])
    expect(s.chunkRequests('lang-en-choices')).toEqual([])
  })
})
