// @vitest-environment node
import { expect, it } from 'vitest'
import { inClick, startTrace } from '../bench/trace.mjs'
import { BANNER, DIALOG, browserSuite, button, settled, showBanner, type Session } from './browser'

/** What a choice starts: the tracker chunk, a tracker's script, the receipt. */
const STARTS = /\/chunks\/(trackers|gtm|clarity|uet)-|googletagmanager\.com|\/_vercel\/|\/receipts$/

/**
 * Marks, on the page, when the receipt's fetch and the tabs message begin: in the trace (a
 * `bench:` time stamp, as the bench's probe does) and in `window.__started`, with whether a frame
 * had begun since the last click's pointerdown.
 */
const instrument = (s: Session) =>
  s.page.evaluate(() => {
    const w = window as unknown as { __framed: boolean; __started: string[] }
    w.__started = []
    addEventListener('pointerdown', () => ((w.__framed = false), requestAnimationFrame(() => (w.__framed = true))), true)
    const mark = (o: Record<string, unknown>, k: string, name: string) => {
      const f = o[k] as (...a: unknown[]) => unknown
      o[k] = function (this: unknown, ...a: unknown[]) {
        console.timeStamp(`bench:${name}`)
        w.__started.push(`${name} ${w.__framed ? 'after' : 'before'} the frame`)
        return f.apply(this, a)
      }
    }
    mark(window as never, 'fetch', 'fetch')
    mark(BroadcastChannel.prototype as never, 'postMessage', 'tabs')
  })

/**
 * The Pisama page under a trace (it must see the navigation start); once `before` has run and the
 * page settled, a click on `target`: what the click's own tasks started, once the receipt and
 * gtag.js are requested.
 */
async function traced(s: Session, target: string, before = async () => {}) {
  const stop = await startTrace(await s.context.newCDPSession(s.page))
  await showBanner(s.page, s.url('/pisama/'))
  await before()
  await settled(s.page)
  await instrument(s)
  await s.page.locator(target).click()
  await expect.poll(() => s.requests.some((u) => u.endsWith('/receipts'))).toBe(true)
  await expect.poll(() => s.trackerRequests().length).toBeGreaterThan(0)
  await settled(s.page)
  return inClick(await stop(), s.page.url(), (u) => STARTS.test(u))
}

/**
 * The fetches (the receipt, Vercel's hit) and the tabs message, all after the frame: the receipt
 * first, as a choice is proved before it is told.
 */
const started = async (s: Session) => [...new Set(await s.page.evaluate(() => (window as unknown as { __started: string[] }).__started))]
const TOLD = ['fetch after the frame', 'tabs after the frame']

browserSuite('The click in Chromium', (open) => {
  it('starts the tracker chunk, gtag.js, the receipt and the tabs message after the next frame, never in the click', async () => {
    const s = await open()
    const { tasks, found } = await traced(s, button(BANNER, 'accept-all'))
    // The click's own tasks were found, and none of them started anything.
    expect(tasks).toBeGreaterThan(0)
    expect(found).toEqual([])
    expect(await started(s)).toEqual(TOLD)
    expect(s.chunkRequests('trackers')).toHaveLength(1)
    expect(s.errors).toEqual([])
  })

  it("does the same for the dialog's Save", async () => {
    const s = await open()
    const { tasks, found } = await traced(s, button(DIALOG, 'save'), async () => {
      await s.page.locator(button(BANNER, 'customise')).click()
      await s.page.locator(`${DIALOG} input[name=analytics]`).check()
    })
    expect(tasks).toBeGreaterThan(0)
    expect(found).toEqual([])
    expect(await started(s)).toEqual(TOLD)
    await expect.poll(() => s.page.locator(DIALOG).count()).toBe(0)
  })
})
