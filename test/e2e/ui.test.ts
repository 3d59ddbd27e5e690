// @vitest-environment node
import { createRequire } from 'node:module'
import { expect, it } from 'vitest'
import { BANNER, DIALOG, browserSuite, button, settled } from './browser'

// However long a loaded machine takes for an effect to show (vitest polls for one second only).
const EFFECT = { timeout: 20_000 }
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const focused = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const host = document.querySelector('[data-consent-gate-host]')
    const el = (host?.shadowRoot?.activeElement ?? document.activeElement) as HTMLElement | null
    return el?.dataset.action ?? el?.getAttribute('name') ?? el?.getAttribute('aria-label') ?? el?.tagName ?? ''
  })

browserSuite('the consent UI in Chromium', (open) => {
  it('takes a keyboard visitor to the banner first: the first Tabs reach its buttons, Enter on Reject all chooses', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/'))
    await s.page.locator(BANNER).waitFor()
    // The page has some 50 links before the banner in the document (the language switcher has
    // one per language); focus starts on the banner itself, which no key press activates.
    await expect.poll(() => focused(s.page), EFFECT).toBe('SECTION')
    const seen: string[] = []
    for (let i = 0; i < 4; i++) {
      await s.page.keyboard.press('Tab')
      seen.push(await focused(s.page))
    }
    // The privacy policy link, in the text, then the buttons.
    expect(seen).toEqual(['A', 'accept-all', 'reject-all', 'customise'])
    await s.page.keyboard.press('Shift+Tab')
    expect(await focused(s.page)).toBe('reject-all')
    await s.page.keyboard.press('Enter')
    await expect.poll(() => s.page.locator(BANNER).count(), EFFECT).toBe(0)
    expect(await s.page.evaluate(() => window.ConsentGate!.getConsent())).toMatchObject({
      decided: true,
      choices: { analytics: false },
    })
  })

  it("shows a screen reader a named region, focused, with its buttons' own names", async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/?lang=de'))
    await s.page.locator(BANNER).waitFor()
    await expect.poll(() => focused(s.page), EFFECT).toBe('SECTION')
    // Chromium's own accessibility tree, as a screen reader gets it.
    const cdp = await s.context.newCDPSession(s.page)
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as {
      nodes: {
        nodeId: string
        parentId?: string
        ignored: boolean
        role?: { value: string }
        name?: { value: string }
        properties?: { name: string; value: { value: unknown } }[]
      }[]
    }
    const byId = new Map(nodes.map((n) => [n.nodeId, n]))
    const region = nodes.find(
      (n) => !n.ignored && n.role?.value === 'region' && n.name?.value === 'Ihre Datenschutz-Einstellungen',
    )
    expect(region).toBeDefined()
    expect(region!.properties?.find((p) => p.name === 'focused')?.value.value).toBe(true)
    const inRegion = (n: (typeof nodes)[number]) => {
      for (let p = n.parentId; p; p = byId.get(p)?.parentId) if (p === region!.nodeId) return true
      return false
    }
    // Each name is the button's own label alone: the other label each one holds for its size is not read.
    expect(nodes.filter((n) => !n.ignored && n.role?.value === 'button' && inRegion(n)).map((n) => n.name?.value)).toEqual([
      'Alle akzeptieren',
      'Alle ablehnen',
      'Anpassen',
    ])
  })

  it.each([
    ['an input', '<input id="field">'],
    ['a textarea', '<textarea id="field"></textarea>'],
    ['editable text', '<div id="field" contenteditable></div>'],
  ])('leaves focus in %s the visitor is typing in when the banner appears', async (_, html) => {
    const s = await open()
    // The banner's chunk waits until the visitor has started typing.
    let release!: () => void
    const typed = new Promise<void>((r) => (release = r))
    await s.page.route(/\/consent-gate\/chunks\/ui-/, async (route) => {
      await typed
      await route.continue()
    })
    await s.page.goto(s.url('/pisama/?hints=off'), { waitUntil: 'domcontentloaded' })
    await s.page.evaluate((html) => document.querySelector('main')!.insertAdjacentHTML('afterbegin', html), html)
    await s.page.locator('#field').click()
    await s.page.keyboard.type('Hello ')
    expect(await s.page.locator(BANNER).count()).toBe(0)
    release()
    await s.page.locator(BANNER).waitFor()
    await s.page.keyboard.type('world')
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('field')
    expect(await s.page.locator('#field').evaluate((f) => (f as HTMLInputElement).value ?? f.textContent)).toBe('Hello world')
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
    await expect.poll(() => s.page.locator(DIALOG).count(), EFFECT).toBe(0)
    await s.page.locator(BANNER).waitFor()
    expect(await focused(s.page)).toBe('customise')
  })

  it.each(['/pisama/', '/pisama/rtl/'])('has no axe-core violations on the banner or the dialog of %s', async (path) => {
    const s = await open()
    await s.page.goto(s.url(path))
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
    await expect
      .poll(() => s.requests.filter((u) => u.includes('google-analytics.com/g/collect')).length, EFFECT)
      .toBeGreaterThan(0)
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

  it('mirrors the dialog and the floating button right to left', async () => {
    const s = await open()
    await s.page.setViewportSize({ width: 800, height: 640 })
    await s.page.goto(s.url('/pisama/rtl/'))
    await s.page.locator(button(BANNER, 'customise')).click()
    const close = (await s.page.locator(`${DIALOG} .x`).boundingBox())!
    const dialog = (await s.page.locator(DIALOG).boundingBox())!
    expect(close.x + close.width / 2).toBeLessThan(dialog.x + dialog.width / 2)
    await s.page.locator(button(DIALOG, 'reject-all')).click()
    const floating = (await s.page.locator('[data-action="open-preferences"]').boundingBox())!
    expect(floating.x).toBeGreaterThan(400)
    // The cookie table on the page, drawn by its own chunk, reads right to left too.
    expect(await s.page.locator('.cg-cookies').getAttribute('dir')).toBe('rtl')
  })
})
