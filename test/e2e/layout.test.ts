// @vitest-environment node
// What the first layer looks like on a site of its own (Acme): the box and the bar, at the bottom
// and the top, at a phone's width and a desktop's; the theme a page declares; and what the text
// says Accept all grants there. Pages are made here, with the whole description in
// window.ConsentGateConfig, and served on a demo host.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import type { Options } from '../../src/config/options'
import { BANNER, browserSuite, madePage, showBanner, type Session } from './browser'

const ACME: Options = { site: 'acme', categories: ['analytics', 'marketing'], policyUrl: '/privacy' }

/** A page of Acme's, with some text to cover, and the gate described in `options`. */
async function acme(s: Session, options: Options, { html = '', head = '' } = {}) {
  await madePage(
    s,
    '/acme/',
    `<!doctype html><html lang="en"${html}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">${head}
<script>window.ConsentGateConfig = ${JSON.stringify(options)}</script>
<script src="/consent-gate/consent-gate.js" defer></script></head>
<body><h1>Acme</h1><p>${'Acme makes anvils that last. '.repeat(60)}</p></body></html>`,
  )
  await showBanner(s.page)
}

/** Boxes, in CSS pixels, and what the eye would compare. */
const measure = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('[data-consent-gate-host]')!
    const banner = host.shadowRoot!.querySelector<HTMLElement>('[data-consent-gate="banner"]')!
    const box = (el: Element) => {
      const { left, top, right, bottom, width, height } = el.getBoundingClientRect()
      return { left, top, right, bottom, width, height }
    }
    const [accept, reject] = ['accept-all', 'reject-all'].map((a) => banner.querySelector(`[data-action="${a}"]`)!)
    const page = document.documentElement
    return {
      banner: box(banner),
      accept: box(accept),
      reject: box(reject),
      looks: [accept, reject].map((b) => {
        const c = getComputedStyle(b)
        return [c.backgroundColor, c.color, c.fontWeight, c.fontSize, c.borderTopWidth].join()
      }),
      width: page.clientWidth,
      height: page.clientHeight,
      overflow: Math.max(page.scrollWidth - page.clientWidth, banner.scrollWidth - banner.clientWidth),
      background: getComputedStyle(banner).backgroundColor,
      color: getComputedStyle(banner).color,
      text: banner.textContent!,
    }
  })

const WHITE = 'rgb(255, 255, 255)'
const DARK = 'rgb(28, 28, 30)'

browserSuite('layouts, theme and wording on a site of its own (Chromium)', (open) => {
  it.each([
    ['box', 'bottom'],
    ['box', 'top'],
    ['bar', 'bottom'],
    ['bar', 'top'],
  ] as const)('%s at the %s: at its edge, clear of the other, Accept and Reject alike, at 360 and 1280 px', async (layout, position) => {
    const s = await open()
    const problems: string[] = []
    for (const [width, height] of [
      [360, 640],
      [1280, 800],
    ]) {
      await s.page.setViewportSize({ width, height })
      await acme(s, { ...ACME, layout, position })
      const m = await measure(s.page)
      const at = `${width} px`
      const gap = layout === 'bar' ? 0 : 12
      const edge = position === 'bottom' ? m.height - m.banner.bottom : m.banner.top
      if (Math.abs(edge - gap) > 1) problems.push(`${at}: ${edge} px from its edge`)
      // Nothing of ours covers the page at the other edge.
      const other = position === 'bottom' ? m.banner.top : m.height - m.banner.bottom
      if (other < gap + 1) problems.push(`${at}: reaches the other edge`)
      if (layout === 'bar' && (m.banner.left !== 0 || Math.abs(m.banner.right - m.width) > 1))
        problems.push(`${at}: not full width (${m.banner.left}–${m.banner.right})`)
      if (layout === 'box' && (m.banner.left < 12 || m.banner.right > m.width - 12)) problems.push(`${at}: box at the sides`)
      if (Math.abs(m.accept.width - m.reject.width) > 1 || Math.abs(m.accept.height - m.reject.height) > 1)
        problems.push(`${at}: Accept ${m.accept.width}×${m.accept.height}, Reject ${m.reject.width}×${m.reject.height}`)
      if (m.looks[0] !== m.looks[1]) problems.push(`${at}: Accept looks ${m.looks[0]}, Reject ${m.looks[1]}`)
      for (const b of [m.accept, m.reject])
        if (b.left < 0 || b.top < 0 || b.right > m.width || b.bottom > m.height) problems.push(`${at}: a button off screen`)
      if (m.overflow > 0) problems.push(`${at}: scrolls sideways by ${m.overflow} px`)
    }
    expect(problems).toEqual([])
    expect(s.errors).toEqual([])
  })

  it('keeps the keyboard order of the box in the bar at the top: the banner, then its link and buttons', async () => {
    const s = await open()
    await s.page.setViewportSize({ width: 1280, height: 800 })
    await acme(s, { ...ACME, layout: 'bar', position: 'top' })
    const focused = () =>
      s.page.evaluate(() => {
        const el = document.querySelector('[data-consent-gate-host]')!.shadowRoot!.activeElement as HTMLElement | null
        return el?.dataset.action ?? el?.tagName ?? ''
      })
    await expect.poll(focused, { timeout: 20_000 }).toBe('SECTION')
    const seen: string[] = []
    for (let i = 0; i < 4; i++) {
      await s.page.keyboard.press('Tab')
      seen.push(await focused())
    }
    expect(seen).toEqual(['A', 'accept-all', 'reject-all', 'customise'])
  })

  it.each([
    ['its root color-scheme', { html: ' style="color-scheme: light"' }],
    ['only light', { html: ' style="color-scheme: only light"' }],
    ['<meta name="color-scheme">', { head: '<meta name="color-scheme" content="light">' }],
  ])('is light on a light-only page (%s) for a visitor whose system is dark', async (_, page) => {
    const s = await open()
    await s.page.emulateMedia({ colorScheme: 'dark' })
    await acme(s, ACME, page)
    expect(await measure(s.page)).toMatchObject({ background: WHITE, color: 'rgb(26, 26, 26)' })
  })

  it('is dark on a dark-only page for a visitor whose system is light', async () => {
    const s = await open()
    await s.page.emulateMedia({ colorScheme: 'light' })
    await acme(s, ACME, { head: '<meta name="color-scheme" content="dark">' })
    expect(await measure(s.page)).toMatchObject({ background: DARK, color: 'rgb(242, 242, 242)' })
  })

  it.each([
    ['declares both', { html: ' style="color-scheme: light dark"' }],
    ['declares nothing', {}],
  ])("follows the visitor's system on a page that %s", async (_, page) => {
    const s = await open()
    for (const [scheme, background] of [
      ['dark', DARK],
      ['light', WHITE],
    ] as const) {
      await s.page.emulateMedia({ colorScheme: scheme })
      await acme(s, ACME, page)
      expect((await measure(s.page)).background).toBe(background)
    }
  })

  it("is forced by the theme option, whatever the page's scheme", async () => {
    const s = await open()
    await s.page.emulateMedia({ colorScheme: 'light' })
    await acme(s, { ...ACME, theme: 'dark' }, { head: '<meta name="color-scheme" content="light">' })
    expect((await measure(s.page)).background).toBe(DARK)
  })

  it('says marketing where Accept all grants it, and only measuring where that is all', async () => {
    const s = await open()
    await acme(s, ACME)
    expect((await measure(s.page)).text).toContain('Marketing: measuring and personalising ads, with advertising partners')
    await acme(s, { ...ACME, lang: 'de' })
    expect((await measure(s.page)).text).toContain('Marketing: Werbung messen und personalisieren')
    await acme(s, { ...ACME, categories: ['analytics'] })
    const text = (await measure(s.page)).text
    expect(text).toContain('Analytics: measuring visits, in aggregate')
    expect(text).not.toContain('Marketing')
    expect(await s.page.locator(BANNER).count()).toBe(1)
  })
})
