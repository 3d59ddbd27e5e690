// @vitest-environment node
import { createRequire } from 'node:module'
import { expect, it } from 'vitest'
import { BANNER, DIALOG, browserSuite, button, settled } from './browser'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const focused = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const host = document.querySelector('[data-consent-gate-host]')
    const el = (host?.shadowRoot?.activeElement ?? document.activeElement) as HTMLElement | null
    return el?.dataset.action ?? el?.getAttribute('name') ?? el?.getAttribute('aria-label') ?? el?.tagName ?? ''
  })

browserSuite('the consent UI in Chromium', (open) => {
  it('works by keyboard alone: Tab reaches the three buttons, Enter on Reject all chooses', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(BANNER).waitFor()
    const seen: string[] = []
    for (let i = 0; i < 12 && seen.length < 3; i++) {
      await s.page.keyboard.press('Tab')
      const f = await focused(s.page)
      if (['accept-all', 'reject-all', 'customise'].includes(f)) seen.push(f)
    }
    expect(seen).toEqual(['accept-all', 'reject-all', 'customise'])
    await s.page.keyboard.press('Shift+Tab')
    expect(await focused(s.page)).toBe('reject-all')
    await s.page.keyboard.press('Enter')
    await expect.poll(() => s.page.locator(BANNER).count()).toBe(0)
    expect(await s.page.evaluate(() => window.ConsentGate!.getConsent())).toMatchObject({
      decided: true,
      choices: { analytics: false },
    })
  })

  it('traps focus in the dialog, closes on Escape, and gives focus back', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(button(BANNER, 'customise')).focus()
    await s.page.keyboard.press('Enter')
    await s.page.locator(DIALOG).waitFor()
    const inside = await s.page.locator(`${DIALOG} button, ${DIALOG} input, ${DIALOG} summary, ${DIALOG} a`).count()
    for (let i = 0; i < inside + 2; i++) {
      await s.page.keyboard.press('Tab')
      expect(
        await s.page.evaluate(
          () => !!document.querySelector('[data-consent-gate-host]')!.shadowRoot!.activeElement?.closest('[role=dialog]'),
        ),
      ).toBe(true)
    }
    await s.page.keyboard.press('Escape')
    await expect.poll(() => s.page.locator(DIALOG).count()).toBe(0)
    await s.page.locator(BANNER).waitFor()
    expect(await focused(s.page)).toBe('customise')
  })

  it('has no axe-core violations on the banner or the dialog', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(BANNER).waitFor()
    await s.page.addScriptTag({ path: AXE })
    const run = () =>
      s.page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> }
          }
        ).axe
        const r = await axe.run({ include: [['[data-consent-gate-host]']] }, { resultTypes: ['violations'] })
        return r.violations.map((v) => `${v.id} (${v.nodes.length})`)
      })
    expect(await run()).toEqual([])
    await s.page.locator(button(BANNER, 'customise')).click()
    await s.page.locator(`${DIALOG} summary`).first().click()
    expect(await run()).toEqual([])
  })

  it('renders under a strict CSP without a single violation', async () => {
    const s = await open()
    await s.context.addInitScript(() => {
      ;(window as unknown as { cspViolations: string[] }).cspViolations = []
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      )
    })
    const response = await s.page.goto(s.url('/strict-csp/'))
    expect(response!.headers()['content-security-policy']).toContain("style-src 'self'")
    await s.page.locator(BANNER).waitFor()
    const box = await s.page.locator(BANNER).boundingBox()
    expect(box!.height).toBeGreaterThan(50)
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(() => s.requests.filter((u) => u.includes('google-analytics.com/g/collect')).length).toBeGreaterThan(0)
    expect(await s.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
    expect(s.errors).toEqual([])
  })

  it('honours Global Privacy Control: refused, said so, nothing loads', async () => {
    const s = await open({ gpc: true })
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(BANNER).waitFor()
    expect(await s.page.locator(BANNER).textContent()).toContain('Global Privacy Control')
    await settled(s.page)
    expect(s.trackerRequests()).toEqual([])
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt()!.via)).toBe('gpc')
    await s.page.reload()
    await settled(s.page)
    expect(await s.page.locator(BANNER).count()).toBe(0)
    expect(s.trackerRequests()).toEqual([])
  })

  it('does not shift the page and fits a 320 px screen', async () => {
    const s = await open()
    await s.page.setViewportSize({ width: 320, height: 640 })
    await s.context.addInitScript(() => {
      ;(window as unknown as { cls: number }).cls = 0
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => ((window as unknown as { cls: number }).cls += (e as unknown as { value: number }).value)),
      ).observe({
        type: 'layout-shift',
        buffered: true,
      })
    })
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(BANNER).waitFor()
    await settled(s.page)
    expect(await s.page.evaluate(() => (window as unknown as { cls: number }).cls)).toBe(0)
    for (const action of ['accept-all', 'reject-all', 'customise']) {
      const b = (await s.page.locator(button(BANNER, action)).boundingBox())!
      expect(b.x).toBeGreaterThanOrEqual(0)
      expect(b.x + b.width).toBeLessThanOrEqual(320)
      expect(b.height).toBeGreaterThanOrEqual(24)
    }
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  })
})
