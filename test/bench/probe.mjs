// What the bench measures inside the page, from its first moment (an init script, so it runs
// before any of the page's own): when a library's banner (and later its dialog) is first visible,
// every long task and long animation frame, every layout shift, and whether the page's own content moved at all.

/**
 * The probe's source for `addInitScript`. `watch` names what to wait for, as selectors that may
 * reach into open shadow roots; `frames` (false for a traced returning visit) keeps the per-frame
 * loop away from a page that shows nothing, so its main thread holds only the library's work.
 */
export const probe = ({ watch = {}, frames = true } = {}) => `(() => {
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
  // The first press of a pointer: when a dialog's button was clicked.
  addEventListener('pointerdown', (e) => (m.clickAt ??= e.timeStamp), true)
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
