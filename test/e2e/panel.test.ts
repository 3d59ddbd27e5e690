// @vitest-environment node
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { BANNER, browserSuite, button } from './browser'

const shots = join(import.meta.dirname, 'screenshots')
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** axe-core's colour-contrast verdicts on the page (the panel, its link, the page's own text). */
const contrastViolations = (page: Page) =>
  page.evaluate(async () => {
    type Axe = { run(c: unknown, o: unknown): Promise<{ violations: { nodes: { target: string[] }[] }[] }> }
    const axe = (window as unknown as { axe: Axe }).axe
    const r = await axe.run(document, { runOnly: ['color-contrast'], resultTypes: ['violations'] })
    return r.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))
  })

/** WCAG contrast of the panel's text on the panel's background. */
const panelContrast = (page: Page) =>
  page.locator('.demo-panel').evaluate((panel) => {
    const rgb = (c: string) =>
      c
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map(Number)
    const luminance = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    const style = getComputedStyle(panel)
    const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x)
    return (a + 0.05) / (b + 0.05)
  })

browserSuite('the demo panel in Chromium', (open) => {
  it('on Pigi, lists no tracker: the inert text/plain tag never runs', async () => {
    const s = await open()
    await s.page.goto(s.url('/pigi/', 'app.pigi.test'))
    // Nothing to ask: decided from the start.
    await expect.poll(() => s.page.locator('#demo-consent').textContent()).toContain('(decided)')
    expect(await s.page.locator('script[type="text/plain"][src*="gtag"]').count()).toBe(1)
    expect(await s.page.locator('#demo-loaded').textContent()).toBe('none')
  })

  it('on Pisama, lists gtag.js and Vercel Analytics once they ran', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    expect(await s.page.locator('#demo-loaded').textContent()).toBe('none')
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(() => s.page.locator('#demo-loaded').textContent()).toBe('gtag.js, Vercel Analytics')
  })

  it('reads well on a light and on a dark page', async () => {
    const s = await open()
    mkdirSync(shots, { recursive: true })
    await s.page.goto(s.url('/pigi/', 'app.pigi.test'))
    await s.page.locator('.demo-panel').waitFor()
    expect(await panelContrast(s.page)).toBeGreaterThanOrEqual(7)
    await s.page.screenshot({ path: join(shots, 'panel-light.png') })
    await s.page.getByRole('button', { name: 'Toggle theme' }).click()
    await expect.poll(() => s.page.evaluate(() => document.body.dataset.theme)).toBe('dark')
    expect(await panelContrast(s.page)).toBeGreaterThanOrEqual(7)
    await s.page.screenshot({ path: join(shots, 'panel-dark.png') })
  })

  it('passes axe-core colour contrast in the light and the dark theme, the panel’s link included', async () => {
    const s = await open()
    await s.page.goto(s.url('/pigi/', 'app.pigi.test'))
    await s.page.locator('#demo-receipts-link').waitFor()
    await s.page.addScriptTag({ path: AXE })
    expect(await contrastViolations(s.page)).toEqual([])
    await s.page.getByRole('button', { name: 'Toggle theme' }).click()
    await expect.poll(() => s.page.evaluate(() => document.body.dataset.theme)).toBe('dark')
    expect(await contrastViolations(s.page)).toEqual([])
  })

  it('has a favicon on every page: no request fails', async () => {
    const s = await open()
    const failed: string[] = []
    s.page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`))
    for (const [path, host] of [['/'], ['/pisama/'], ['/pisama/app/'], ['/pigi/', 'app.pigi.test'], ['/pisama/privacy']]) {
      await s.page.goto(s.url(path, host), { waitUntil: 'load' })
      const icon = await s.page.locator('link[rel=icon]').getAttribute('href')
      expect(await s.page.evaluate((href) => fetch(href!).then((r) => r.headers.get('content-type')), icon)).toBe('image/svg+xml')
    }
    // Asked from Node: under playwright's request routing, a page's own fetch of it fails here.
    const ico = await fetch(s.url('/favicon.ico', '127.0.0.1'))
    expect([ico.status, ico.headers.get('content-type')]).toEqual([200, 'image/svg+xml'])
    expect(failed).toEqual([])
  })
})
