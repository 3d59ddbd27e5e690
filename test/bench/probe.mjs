// What the bench measures inside the page, from its first moment (an init script, so it runs
// before any of the page's own): when a library's banner (and later its dialog) is first visible,
// every long task and long animation frame, every layout shift, and whether the page's own content moved at all;
// the page's largest contentful paint, and each interaction's latency as web-vitals measures INP.

/**
 * The probe's source for `addInitScript`. `watch` names what to wait for, as selectors that may
 * reach into open shadow roots; `frames` (false for a traced returning visit) keeps the per-frame
 * loop away from a page that shows nothing, so its main thread holds only the library's work.
 */
export const probe = ({ watch = {}, frames = true, marks = false } = {}) => `(() => {
  const m = (window.__bench = { seen: {}, longTasks: [], longFrames: [], shifts: [], moved: 0, movedAt: [] })
  new PerformanceObserver((l) => l.getEntries().forEach((e) => m.longTasks.push({ at: e.startTime, ms: e.duration })))
    .observe({ type: 'longtask', buffered: true })
  // Long animation frames name the scripts (of 5 ms and more) that ran in them: whose a long task was.
  new PerformanceObserver((l) => l.getEntries().forEach((e) =>
    m.longFrames.push({ at: e.startTime, ms: e.duration, scripts: e.scripts.map((s) => s.sourceURL) })))
    .observe({ type: 'long-animation-frame', buffered: true })
  // Chrome's CLS leaves out shifts within 500 ms of an input (hadRecentInput); we keep them all,
  // marked, so the report can give both.
  new PerformanceObserver((l) => l.getEntries().forEach((e) => m.shifts.push({ at: e.startTime, value: e.value, input: e.hadRecentInput })))
    .observe({ type: 'layout-shift', buffered: true })
  // The first press of a pointer: when a dialog's button was clicked; and the last one.
  addEventListener('pointerdown', (e) => ((m.clickAt ??= e.timeStamp), (m.lastClickAt = e.timeStamp)), true)
  // Interaction to Next Paint as web-vitals measures it: Event Timing entries of 16 ms and more
  // (the API's floor) that belong to an interaction, the interaction's latency being its longest entry.
  m.events = []
  new PerformanceObserver((l) => l.getEntries().forEach((e) => e.interactionId && m.events.push({ id: e.interactionId, at: e.startTime, ms: e.duration })))
    .observe({ type: 'event', durationThreshold: 16, buffered: true })
  // Largest contentful paint: every candidate until now (no input is sent before it is read), and
  // whether its element is inside the library's banner (${'`'}m.banner${'`'}, a selector, set by the bench).
  // (Elements kept apart: the snapshot the bench reads is copied by value.)
  m.lcp = []
  const lcpElements = []
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (m.lcp.push({ at: e.startTime, size: e.size }), lcpElements.push(e.element))))
    .observe({ type: 'largest-contentful-paint', buffered: true })
  // What the click starts, marked in a trace when it starts: the tabs message, a receipt's fetch.
  if (${JSON.stringify(marks)}) {
    const wrap = (o, k, name) => { const f = o[k]; o[k] = function (...a) { console.timeStamp(name); return f.apply(this, a) } }
    wrap(BroadcastChannel.prototype, 'postMessage', 'bench:tabs')
    wrap(window, 'fetch', 'bench:fetch')
  }
  if (!${frames}) return
  const watch = ${JSON.stringify(watch)}
  /** querySelector that also looks inside open shadow roots. */
  const find = (sel, root = document) => {
    const hit = root.querySelector(sel)
    if (hit) return hit
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const f = find(sel, el.shadowRoot); if (f) return f }
    return null
  }
  /** Visible means: laid out, in the viewport, not hidden, not transparent (opacity through its ancestors and hosts). */
  const visible = (el) => {
    if (!el) return false
    const r = el.getBoundingClientRect()
    let o = 1
    for (let e = el; e && e.nodeType === 1; e = e.parentElement || e.getRootNode().host) o *= +getComputedStyle(e).opacity
    return r.height > 0 && r.bottom > 0 && r.top < innerHeight && getComputedStyle(el).visibility !== 'hidden' && o > 0.05
  }
  // The page's own content: its boxes from the first frame on. Any change is movement, whatever caused it.
  let base
  const boxes = () => [...document.querySelectorAll('[data-bench-content]')].map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height] })
  const tick = (t) => {
    for (const [name, sel] of Object.entries(watch)) if (!m.seen[name] && visible(find(sel))) m.seen[name] = t
    const now = boxes()
    if (!base || base.length !== now.length) base = now
    else {
      const d = Math.max(0, ...now.flatMap((b, i) => b.map((v, j) => Math.abs(v - base[i][j]))))
      if (d > 0.5) ((m.moved = Math.max(m.moved, d)), m.movedAt.push(t))
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  m.find = find
  /**
   * The latency of the interaction the last pointer press began: its longest Event Timing entry,
   * once some frames have passed for the entries to be reported (they come after the next paint);
   * 16 (the floor: under it, none is reported) if there was none.
   */
  m.inp = () =>
    new Promise((resolve) => {
      let frames = 0
      const check = () => {
        const mine = m.events.filter((e) => e.at >= m.lastClickAt - 1)
        if ((mine.length && frames >= 3) || frames >= 30) resolve(Math.max(16, ...mine.map((e) => e.ms)))
        else (frames++, requestAnimationFrame(check))
      }
      requestAnimationFrame(check)
    })
  /** Resolves true once what \`sel\` finds is visible (\`shown\`) or not, false if not so within \`ms\`: whether a click did its job. */
  m.becomes = (sel, shown, ms = 10000) =>
    new Promise((resolve) => {
      const t0 = performance.now()
      const check = () =>
        visible(find(sel)) === shown ? resolve(true) : performance.now() - t0 > ms ? resolve(false) : requestAnimationFrame(check)
      check()
    })
  /** The page's largest contentful paint so far, and whether its element is in the banner. */
  m.largest = (banner) => {
    const last = m.lcp.at(-1)
    const el = lcpElements.at(-1)
    if (!last) return null
    const host = find(banner)
    let inBanner = false
    for (let e = el; e && !inBanner; e = e.parentElement || e.getRootNode().host) inBanner = e === host
    return { ...last, inBanner: el ? inBanner : null, element: el ? el.tagName.toLowerCase() : null }
  }
  /** From now on, watch for this too (the dialog, once its button is clicked). */
  m.watch = (name, sel) => (watch[name] = sel)
  /** Resolves with the time \`name\` was first visible; rejects after \`ms\` without it. */
  m.until = (name, ms = 20000) =>
    new Promise((resolve, reject) => {
      const t0 = performance.now()
      const check = () =>
        m.seen[name] ? resolve(m.seen[name])
        : performance.now() - t0 > ms ? reject(new Error(name + ' not visible after ' + ms + ' ms'))
        : requestAnimationFrame(check)
      check()
    })
})()`
