// @vitest-environment node
// How the opt-out link, its dialog and the notice look and answer at a phone's width: light and
// dark, right to left, box and bar, bottom and top; axe-core finds nothing (contrast included), and
// a keyboard reaches everything. Screenshots land in test/e2e/screenshots/ (not committed), to look at.
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import type { Options } from '../../src/config/options'
import { DIALOG, browserSuite, button } from './browser'
import { acme, CORNER, NOTICE, OPTED_OUT } from './choices'

const shots = join(import.meta.dirname, 'screenshots')
mkdirSync(shots, { recursive: true })
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

const violations = async (page: Page) => {
  await page.addScriptTag({ path: AXE })
  return page.evaluate(async () => {
    type Axe = { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> }
    const r = await (window as unknown as { axe: Axe }).axe.run(
      { include: [['[data-consent-gate-host]']] },
      { resultTypes: ['violations'] },
    )
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`)
  })
}

/** Waits for the entrance animation, so boxes are where they stay. */
const still = (page: Page) =>
  page.evaluate(() =>
    Promise.all(
      document
        .querySelector('[data-consent-gate-host]')!
        .shadowRoot!.getAnimations()
        .map((a) => a.finished),
    ),
  )

/** The element's box, and whether any of its buttons clips its label. */
const box = (page: Page, sel: string) =>
  page.locator(sel).evaluate((el) => {
    const r = el.getBoundingClientRect()
    const clipped = Array.from(el.querySelectorAll('button')).some((b) => b.scrollWidth > b.clientWidth + 1)
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, clipped }
  })

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-consent-gate-host]')!.shadowRoot!.activeElement as HTMLElement | null
    // Its action, else its part, else its class (the dialog's close button is `x`), else its tag.
    return el?.dataset.action || el?.dataset.consentGate || el?.className || el?.tagName.toLowerCase()
  })

browserSuite('Opt-out and notice, how they look', (open) => {
  const phone = async (scheme: 'light' | 'dark') => {
    const s = await open()
    await s.page.setViewportSize({ width: 360, height: 740 })
    await s.page.emulateMedia({ colorScheme: scheme })
    return s
  }

  it.each(['light', 'dark'] as const)(
    'the link and the dialog under opt-out, %s, at 360 px: on screen, small, axe-clean',
    async (scheme) => {
      const s = await phone(scheme)
      await acme(s, 'US-CA:opt-out')
      await s.page.locator(CORNER).waitFor()
      const link = await box(s.page, CORNER)
      expect(link.left).toBeGreaterThanOrEqual(0)
      expect(link.right).toBeLessThanOrEqual(360)
      expect(link.bottom).toBeLessThanOrEqual(740)
      // A corner, not a bar: it covers little of the page.
      expect(link.right - link.left).toBeLessThan(240)
      expect(link.bottom - link.top).toBeLessThan(60)
      expect(await violations(s.page)).toEqual([])
      await s.page.screenshot({ path: join(shots, `choices-link-${scheme}.png`) })

      await s.page.locator(CORNER).click()
      await s.page.locator(button(DIALOG, 'opt-out')).waitFor()
      expect(await focused(s.page)).toBe('x')
      expect((await box(s.page, DIALOG)).clipped).toBe(false)
      expect(await violations(s.page)).toEqual([])
      await s.page.screenshot({ path: join(shots, `choices-dialog-${scheme}.png`) })
      await s.page.locator(button(DIALOG, 'opt-out')).click()
      await s.page.locator(OPTED_OUT).waitFor()
      expect(await focused(s.page)).toBe('opted-out')
      expect(await violations(s.page)).toEqual([])
      await s.page.screenshot({ path: join(shots, `choices-opted-out-${scheme}.png`) })
    },
  )

  it.each(['light', 'dark'] as const)('the notice, %s, at 360 px: focused, keyboard-only, axe-clean', async (scheme) => {
    const s = await phone(scheme)
    await acme(s, 'JP:notice')
    await s.page.locator(NOTICE).waitFor()
    await still(s.page)
    expect(await focused(s.page)).toBe('notice')
    const n = await box(s.page, NOTICE)
    expect([n.left >= 0, n.right <= 360, n.bottom <= 740, n.clipped]).toEqual([true, true, true, false])
    expect(await violations(s.page)).toEqual([])
    await s.page.screenshot({ path: join(shots, `choices-notice-${scheme}.png`) })
    // Tab: the policy link, then the choices, then OK, which Enter presses.
    const order: (string | undefined)[] = []
    for (let i = 0; i < 3; i++) {
      await s.page.keyboard.press('Tab')
      order.push(await focused(s.page))
    }
    expect(order).toEqual(['a', 'choices', 'ok'])
    await s.page.keyboard.press('Enter')
    await s.page.locator(NOTICE).waitFor({ state: 'detached' })
  })

  it.each([
    ['bar', 'bottom'],
    ['box', 'top'],
    ['bar', 'top'],
  ] as const)('the notice as a %s at the %s', async (layout, position) => {
    const s = await phone('light')
    await acme(s, 'JP:notice', { options: { layout, position } as Options })
    await s.page.locator(NOTICE).waitFor()
    await still(s.page)
    const n = await box(s.page, NOTICE)
    expect(n.clipped).toBe(false)
    if (position == 'top') expect(n.top).toBeLessThanOrEqual(12)
    else expect(n.bottom).toBeGreaterThanOrEqual(740 - 12)
    if (layout == 'bar') expect([n.left, n.right]).toEqual([0, 360])
    await s.page.screenshot({ path: join(shots, `choices-notice-${layout}-${position}.png`) })
  })

  it('right to left (Arabic): the notice and the dialog mirror, axe-clean', async () => {
    const s = await phone('light')
    await acme(s, 'JP:notice', { html: 'lang="ar" dir="rtl"' })
    await s.page.locator(NOTICE).waitFor()
    await still(s.page)
    expect(await s.page.locator('[data-consent-gate-host]').getAttribute('dir')).toBe('rtl')
    expect(await violations(s.page)).toEqual([])
    await s.page.screenshot({ path: join(shots, 'choices-notice-rtl.png') })
    await s.page.locator(button(NOTICE, 'choices')).click()
    await s.page.locator(button(DIALOG, 'opt-out')).waitFor()
    expect(await violations(s.page)).toEqual([])
    await s.page.screenshot({ path: join(shots, 'choices-dialog-rtl.png') })
    // Closing without a choice brings the notice back, with focus where it was.
    await s.page.keyboard.press('Escape')
    await s.page.locator(NOTICE).waitFor()
    expect(await focused(s.page)).toBe('choices')
  })
})
