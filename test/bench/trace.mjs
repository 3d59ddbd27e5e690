// Tracing a page view, and telling which of the main thread's work was a library's own: the
// bench's main-thread figures come from here. The attribution is a pure function of the trace.

// devtools.timeline: scripts, callbacks, timers, idle callbacks, events, requests;
// disabled-by-default-devtools.timeline: the tasks themselves (RunTask); v8.execute: microtasks;
// blink.user_timing: navigationStart, the page's time origin.
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
].join(',')

/** Starts tracing on a CDP session; the function it returns stops and gives every event. */
export async function startTrace(cdp) {
  const events = []
  const collect = (d) => events.push(...d.value)
  cdp.on('Tracing.dataCollected', collect)
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' })
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
    await cdp.send('Tracing.end')
    await done
    cdp.off('Tracing.dataCollected', collect)
    return events
  }
}

const urlOf = (e) => e.args?.data?.url ?? e.args?.fileName ?? ''
const fileOf = (url) => new URL(url).pathname.split('/').pop()

/**
 * The main thread of the page at `pageUrl`, as a forest: every complete event with its parent,
 * in time order. Times are in ms from the page's navigationStart.
 */
function mainThread(events, pageUrl) {
  const nav = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === pageUrl).at(-1)
  if (!nav) throw new Error(`trace: no navigationStart for ${pageUrl}`)
  const thread = (e) => e.pid === nav.pid && e.tid === nav.tid
  const xs = events
    .filter((e) => thread(e) && (e.ph === 'X' || e.ph === 'I') && e.ts >= nav.ts)
    .map((e) => ({ ...e, start: (e.ts - nav.ts) / 1000, end: (e.ts + (e.dur ?? 0) - nav.ts) / 1000, parent: null, task: null }))
    .sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start))
  const open = []
  for (const e of xs) {
    // An instant at the very end of an event still belongs to it.
    while (open.length && (e.ph === 'I' ? open.at(-1).end < e.start : open.at(-1).end <= e.start)) open.pop()
    e.parent = open.at(-1) ?? null
    e.task = e.parent ? e.parent.task : e
    if (e.ph === 'X') open.push(e)
  }
  return { xs, nav }
}

const ancestors = function* (e) {
  for (let p = e.parent; p; p = p.parent) yield p
}

/**
 * A library's own main-thread work in a traced page view. `isOurs(url)` says which scripts are
 * the library's (its loader and every chunk). Counted, each once (an event inside a counted one
 * is part of it):
 * - the evaluation of each of its scripts (EvaluateScript) and the compilation and evaluation of
 *   each of its chunks (v8.compileModule, v8.evaluateModule: the latter names no file, so the
 *   pages load no other module, which this checks);
 * - each call into its code from the browser (FunctionCall: event listeners, observers), and each
 *   timer and idle callback it set (TimerFire, FireIdleCallback: set while its code ran);
 * - the microtasks (RunMicrotasks: promise jobs, its chunks' `then`s) run in a task where its code
 *   ran: they follow its code in the same task, and the bench pages run no other script.
 * Style, layout and paint the browser does later, in a frame of its own, are not counted.
 */
export function ownWork(events, pageUrl, isOurs) {
  const { xs } = mainThread(events, pageUrl)
  const modules = xs.filter((e) => e.name === 'v8.compileModule')
  const foreign = modules.filter((e) => !isOurs(urlOf(e)))
  if (foreign.length) throw new Error(`trace: a module not ours (${urlOf(foreign[0])}) makes v8.evaluateModule ambiguous`)

  const own = new Set()
  const mark = (e) => own.add(e)
  for (const e of xs)
    if (['EvaluateScript', 'v8.compile', 'v8.compileModule', 'FunctionCall'].includes(e.name) && isOurs(urlOf(e))) mark(e)
    else if (e.name === 'v8.evaluateModule') mark(e)
  // Timers and idle callbacks: set from inside our code (or, where the trace has stacks, by it).
  const setBy = (e) =>
    e.args?.data?.stackTrace?.length ? isOurs(e.args.data.stackTrace[0].url) : [...ancestors(e)].some((a) => own.has(a))
  const key = (e) => `${e.args?.data?.frame}:${e.args?.data?.timerId ?? e.args?.data?.id}`
  const timers = new Set(xs.filter((e) => e.name === 'TimerInstall' && setBy(e)).map(key))
  const idles = new Set(xs.filter((e) => e.name === 'RequestIdleCallback' && setBy(e)).map(key))
  for (const e of xs)
    if ((e.name === 'TimerFire' && timers.has(key(e))) || (e.name === 'FireIdleCallback' && idles.has(key(e)))) mark(e)
  const touched = new Set([...own].map((e) => e.task))
  for (const e of xs) if (e.name === 'RunMicrotasks' && touched.has(e.task)) mark(e)

  // Only the outermost of nested counted events.
  const top = [...own].filter((e) => e.ph === 'X' && ![...ancestors(e)].some((a) => own.has(a)))
  const label = (e) => {
    const file = urlOf(e) && fileOf(urlOf(e))
    const dispatch = [...ancestors(e)].find((a) => a.name === 'EventDispatch')
    if (e.name === 'EvaluateScript') return `evaluate ${file}`
    if (e.name === 'v8.compileModule') return `compile ${file}`
    if (e.name === 'v8.evaluateModule') return 'evaluate a chunk'
    if (e.name === 'TimerFire') return 'timer'
    if (e.name === 'FireIdleCallback') return 'idle callback'
    if (e.name === 'RunMicrotasks') return 'promise jobs'
    if ([...ancestors(e)].some((a) => a.name === 'RunMicrotasks')) return 'observer or promise job'
    if (dispatch) return `${dispatch.args?.data?.type} listener`
    return `callback ${e.args?.data?.functionName || ''}`.trim()
  }
  // `cpu`: the main thread's own clock (tdur), which leaves out the time it was not running: a
  // busy machine inflates `ms`, not `cpu` (nor does a wait on the browser, like a cookie read).
  const pieces = top
    .map((e) => ({ at: e.start, ms: e.end - e.start, cpu: (e.tdur ?? e.dur ?? 0) / 1000, what: label(e) }))
    .sort((a, b) => a.at - b.at)
  const fired = (name, set) => new Set(xs.filter((e) => e.name === name && set.has(key(e))).map(key))
  const cleared = (name) => new Set(xs.filter((e) => e.name === name).map(key))
  const timerDone = new Set([...fired('TimerFire', timers), ...cleared('TimerRemove')])
  const idleDone = new Set([...fired('FireIdleCallback', idles), ...cleared('CancelIdleCallback')])
  return {
    ms: pieces.reduce((n, p) => n + p.ms, 0),
    cpu: pieces.reduce((n, p) => n + p.cpu, 0),
    pieces,
    // Work it left for later that had not run when the trace ended: then the figure is short.
    pending: [...timers].filter((k) => !timerDone.has(k)).length + [...idles].filter((k) => !idleDone.has(k)).length,
    // The longest task its work was part of, whole.
    longestTask: Math.max(0, ...[...touched].map((t) => t.end - t.start)),
  }
}

/**
 * Where a first banner's time goes: the page's requests for the library's files (sent, done), and
 * its main-thread pieces as ownWork() counts them, in ms from navigationStart; plus the style,
 * layout and paint of the frames between the last piece and `until` (the banner's frame).
 */
export function waterfall(events, pageUrl, isOurs, until) {
  const { xs } = mainThread(events, pageUrl)
  const sent = new Map()
  const rows = []
  for (const e of xs) {
    const d = e.args?.data ?? {}
    if (e.name === 'ResourceSendRequest' && isOurs(d.url)) sent.set(d.requestId, { file: fileOf(d.url), at: e.start })
    if (e.name === 'ResourceFinish' && sent.has(d.requestId)) {
      const r = sent.get(d.requestId)
      rows.push({ what: `fetch ${r.file}`, at: r.at, ms: e.start - r.at })
    }
  }
  const { pieces } = ownWork(events, pageUrl, isOurs)
  rows.push(...pieces.filter((p) => p.at < until))
  const after = Math.max(0, ...pieces.filter((p) => p.at < until).map((p) => p.at + p.ms))
  // `until` is the banner frame's time stamp, a little before the task that renders it.
  const end = xs.find((e) => e.name === 'FireAnimationFrame' && e.start >= until - 4)?.task.end ?? until
  for (const name of ['UpdateLayoutTree', 'Layout', 'Paint']) {
    const ms = xs
      .filter((e) => e.name === name && e.start >= after && e.end <= end && ![...ancestors(e)].some((a) => a.name === name))
      .reduce((n, e) => n + e.end - e.start, 0)
    rows.push({
      what: { UpdateLayoutTree: 'style', Layout: 'layout', Paint: 'paint' }[name] + ' until the banner frame',
      at: after,
      ms,
    })
  }
  return rows.sort((a, b) => a.at - b.at)
}

/**
 * What ran inside a click's own tasks (those that dispatched its pointer and mouse events), of what
 * the click should start only after the next paint: a request `started(url)` names (a tracker chunk,
 * a tracker's script, a receipt), the evaluation of such a script, and the probe's marks (the tabs
 * message, a fetch). `tasks` is how many such tasks the trace holds (0: the check saw no click).
 */
export function inClick(events, pageUrl, started) {
  const { xs } = mainThread(events, pageUrl)
  const INPUT = new Set(['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
  const tasks = new Set(xs.filter((e) => e.name === 'EventDispatch' && INPUT.has(e.args?.data?.type)).map((e) => e.task))
  const found = new Set()
  for (const e of xs.filter((e) => tasks.has(e.task))) {
    const d = e.args?.data ?? {}
    if (e.name === 'ResourceSendRequest' && started(d.url)) found.add(`request ${fileOf(d.url)}`)
    if (['EvaluateScript', 'v8.compileModule'].includes(e.name) && started(urlOf(e))) found.add(`run ${fileOf(urlOf(e))}`)
    if (e.name === 'TimeStamp' && d.message?.startsWith('bench:')) found.add(d.message.slice(6))
  }
  return { tasks: tasks.size, found: [...found] }
}
