// @vitest-environment node
// The first layer in every language we ship, at every width from a small phone to a desktop, in
// both themes: Accept all and Reject all must be the same size and look the same (boxes and
// computed styles, not pixels), and nothing may be clipped or off screen. One page per language,
// resized in place; each language is a test of its own, so a slow machine slows the file but
// cannot turn a verdict.
import type { Page } from 'playwright-core'
import { afterAll, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/ui/language'
import { browserSuite, showBanner, type Session } from './browser'

/** Each width with a height a device of that width has (iPhone SE, Android, iPhone Plus, iPad, laptop). */
const SCREENS = [
  [320, 568],
  [360, 640],
  [414, 736],
  [768, 1024],
  [1280, 800],
] as const
const THEMES = ['light', 'dark'] as const
/** What makes a button look more or less prominent than its twin. */
const LOOK = [
  'background-color',
  'background-image',
  'color',
  'opacity',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'letter-spacing',
  'text-decoration-line',
  'text-transform',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-radius',
  'box-shadow',
  'padding-top',
  'padding-left',
]
// Every case of a run, for the worst ratio printed at the end.
const ratios: { ratio: number; at: string }[] = []

/**
 * One width, in each theme (the `theme` option, as `data-theme` on the host): what is wrong,
 * and the ratio of Accept's width to Reject's.
 */
const measure = (page: Page, themes: readonly string[], look: string[]) =>
  page.evaluate(
    ([themes, look]) => {
      const host = document.querySelector<HTMLElement>('[data-consent-gate-host]')!
      const banner = host.shadowRoot!.querySelector<HTMLElement>('[data-consent-gate="banner"]')!
      const [accept, reject] = ['accept-all', 'reject-all'].map((a) => banner.querySelector<HTMLElement>(`[data-action="${a}"]`)!)
      const page = document.documentElement
      const px = (n: number) => n.toFixed(1)
      return themes.map((theme) => {
        host.dataset.theme = theme
        const found: string[] = []
        const a = accept.getBoundingClientRect()
        const r = reject.getBoundingClientRect()
        if (Math.abs(a.width - r.width) > 1) found.push(`widths ${px(a.width)} ≠ ${px(r.width)}`)
        if (Math.abs(a.height - r.height) > 1) found.push(`heights ${px(a.height)} ≠ ${px(r.height)}`)
        const [sa, sr] = [accept, reject].map((b) => getComputedStyle(b))
        for (const p of look)
          if (sa.getPropertyValue(p) !== sr.getPropertyValue(p))
            found.push(`${p} ${sa.getPropertyValue(p)} ≠ ${sr.getPropertyValue(p)}`)
        if (page.scrollWidth > page.clientWidth) found.push(`page scrolls: ${page.scrollWidth}px`)
        if (banner.scrollWidth > banner.clientWidth) found.push(`banner scrolls: ${banner.scrollWidth}px`)
        for (const b of banner.querySelectorAll('button')) {
          const box = b.getBoundingClientRect()
          if (b.scrollWidth > b.clientWidth || b.scrollHeight > b.clientHeight) found.push(`${b.dataset.action} clipped`)
          if (box.left < 0 || box.top < 0 || box.right > page.clientWidth || box.bottom > page.clientHeight)
            found.push(`${b.dataset.action} not fully on screen`)
        }
        return { theme, found, ratio: a.width / r.width, background: getComputedStyle(banner).backgroundColor }
      })
    },
    [themes, look] as const,
  )

browserSuite('Accept and Reject in every language, width and theme (Chromium)', (open) => {
  let session: Promise<Session> | undefined
  // Pages are reused from one language to the next: opening a page costs as much as loading one.
  const idle: Page[] = []

  afterAll(() => {
    const worst = ratios.reduce((w, c) => (Math.abs(Math.log(c.ratio)) > Math.abs(Math.log(w.ratio)) ? c : w), ratios[0])
    if (worst) console.log(`Accept:Reject width, worst of ${ratios.length} cases: ${worst.ratio.toFixed(4)} (${worst.at})`)
  })

  // A few languages at once: the browser works while the test waits on another page.
  it.concurrent.each(LANGUAGES)(
    '%s: one size and one look, fully visible, at 320–1280 px in light and dark',
    async (lang) => {
      const s = await (session ??= open())
      const page = idle.pop() ?? (await s.context.newPage())
      try {
        await page.setViewportSize({ width: SCREENS[0][0], height: SCREENS[0][1] })
        // The demo server turns ?lang= into the script tag's data-lang.
        await showBanner(page, s.url(`/pisama/?lang=${lang}`))
        const host = await page.evaluate(() => {
          const h = document.querySelector<HTMLElement>('[data-consent-gate-host]')!
          return { lang: h.lang, dir: h.dir }
        })
        expect(host).toEqual({ lang, dir: /^(ar|fa|he)$/.test(lang) ? 'rtl' : 'ltr' })
        const problems: string[] = []
        const backgrounds = new Set<string>()
        for (const [width, height] of SCREENS) {
          await page.setViewportSize({ width, height })
          for (const m of await measure(page, THEMES, LOOK)) {
            const at = `${lang}, ${width} px, ${m.theme}`
            ratios.push({ ratio: m.ratio, at })
            backgrounds.add(m.background)
            problems.push(...m.found.map((p) => `${at}: ${p}`))
          }
        }
        expect(problems).toEqual([])
        // The themes did switch: one theme measured twice would prove half of what it claims.
        expect(backgrounds.size).toBe(2)
      } finally {
        idle.push(page)
      }
    },
    60_000,
  )

  // Kinsoku shori (JIS X 4051, strict): what a Japanese or Chinese line may not start or end with.
  const NO_START = new Set(
    '、。，．,.:;!?！？：；)）]］｝〕〉》」』】〙〗〟’”»ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～・',
  )
  const NO_END = new Set('(（[［{｛〔〈《「『【〘〖〝‘“«')

  it.concurrent.each(['ja', 'zh-hans', 'zh-hant', 'ko'])(
    '%s: breaks lines by its own rules at every width from 320 px up',
    async (lang) => {
      const s = await (session ??= open())
      const page = idle.pop() ?? (await s.context.newPage())
      try {
        await page.setViewportSize({ width: 800, height: 800 })
        await showBanner(page, s.url(`/pisama/?lang=${lang}`))
        // Every width in one go: the banner is the viewport less 24 px, up to 720 px (so from a
        // 744 px viewport up nothing changes), and nothing inside it depends on the viewport but
        // through that width; so narrowing the banner by one pixel lays its text out exactly as a
        // viewport one pixel narrower would. (Before the fix a line started with ー at 437 px.)
        const wraps = await page.evaluate(() => {
          const banner = document
            .querySelector('[data-consent-gate-host]')!
            .shadowRoot!.querySelector<HTMLElement>('[data-consent-gate="banner"]')!
          const range = document.createRange()
          const found: { width: number; before: string; after: string; line: string; link: number }[] = []
          for (let width = 320; width <= 744; width++) {
            banner.style.maxWidth = `${width - 24}px`
            // Each line that wrapping starts, found from where each character is drawn.
            const walk = document.createTreeWalker(banner, NodeFilter.SHOW_TEXT)
            let block: Element | null = null
            let [top, before, line] = [0, '', '']
            for (let node: Node | null; (node = walk.nextNode());) {
              const text = node as Text
              const here = text.parentElement!.closest('h2,p,li,button')
              if (here !== block) [block, before, line] = [here, '', '']
              for (let i = 0; i < text.length; i++) {
                const ch = text.data[i]
                range.setStart(text, i)
                range.setEnd(text, i + 1)
                const box = [...range.getClientRects()].pop()
                if (/\S/.test(ch) && box) {
                  if (line && box.top > top + 1) {
                    found.push({ width, before, after: ch, line, link: 0 })
                    line = ''
                  }
                  top = box.top
                }
                line += ch
                before = ch
              }
            }
            found.push({ width, before: '', after: '', line: '', link: banner.querySelector('a')!.getClientRects().length })
          }
          banner.style.maxWidth = ''
          return found
        })
        const problems: string[] = []
        for (const w of wraps) {
          const at = `${w.width} px: "${w.line.slice(-8)}⏎${w.after}"`
          if (NO_START.has(w.after)) problems.push(`${at}: a line starts with ${w.after}`)
          if (NO_END.has(w.before)) problems.push(`${at}: a line ends with ${w.before}`)
          // Korean is broken between words, as its readers expect.
          if (lang === 'ko' && /\S/.test(w.before)) problems.push(`${at}: a word is broken`)
          // Japanese by phrase (Chromium's word-break: auto-phrase): the link's one phrase fits a line.
          if (lang === 'ja' && w.link > 1) problems.push(`${w.width} px: プライバシーポリシー is broken`)
        }
        expect(problems).toEqual([])
        expect(wraps.length).toBeGreaterThan(744 - 320)
      } finally {
        idle.push(page)
      }
    },
    60_000,
  )
})
