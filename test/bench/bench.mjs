// `npm run bench`: consent-gate against its peers on equivalent pages in headless Chromium, in
// one table. Same page, same config (one analytics category gating GA4), every library served
// gzip -9 from this machine, libraries alternating within each of BENCH_RUNS rounds, medians.
// Measures the first banner (without and with our server's preload hints) on loopback and under
// emulated 150 ms RTT / 1.6 Mbps, the preferences dialog, a page with an embed, and the
// main-thread work of returning visits from a trace and as Chromium counts it (ScriptDuration),
// cold and warm; and what a visitor feels: the latency of each banner button's click at 4× CPU
// (INP) and the largest paint of a phone page with a hero image. Writes test/bench/RESULTS.md, copies its key
// numbers into the README and docs/performance.md (test/unit/docs.test.ts holds them equal), and
// prints the table. BENCH_LIBS=orejime,klaro compares us with a few peers only; BENCH_TRACES=<folder>
// keeps the traces; BENCH_SAMPLES and BENCH_FROM keep a run and report it again (below).
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { launchChromium } from '../chromium.mjs'
import { LIBS, OURS, gzipped, libFile, standIns, startServer } from './pages.mjs'
import { probe } from './probe.mjs'
import { render, syncDocs } from './report.mjs'
import { tracked } from './settle.mjs'
import { inClick, ownWork, startTrace, waterfall } from './trace.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 11)
const only = process.env.BENCH_LIBS?.split(',')
// BENCH_GROUPS=click,lcp runs some groups of scenarios only (first, embed, returning, click, lcp,
// script), to work on them; the table then has the others' rows empty.
const groups = process.env.BENCH_GROUPS?.split(',')
const want = (group) => !groups || groups.includes(group)
const PEERS = Object.keys(LIBS).filter((lib) => lib !== OURS && (!only || only.includes(lib)))
const root = join(import.meta.dirname, '../..')

// BENCH_FROM=<file> (a run's BENCH_SAMPLES) writes RESULTS.md and the docs again from that run,
// measuring nothing: after a change to the report alone.
if (process.env.BENCH_FROM) {
  report(JSON.parse(readFileSync(process.env.BENCH_FROM, 'utf8')))
  process.exit(0)
}

// BENCH_PORT=4390 only serves the pages, to look at them in a browser.
if (process.env.BENCH_PORT) {
  const { origin } = await startServer(Number(process.env.BENCH_PORT))
  console.log(`${origin}/bench/<library>[/pisama|hints|pigi|embed]`)
  await new Promise(() => {})
}

const server = await startServer()
const browser = await launchChromium()

/** What a choice starts on our page, which must wait for the next paint: the tracker chunks, GA4, Vercel, a receipt. */
const STARTED = (url) => /\/chunks\/(trackers|gtm|clarity|uet)-|googletagmanager\.com|\/_vercel\/|\/receipts$/.test(url)
/** The buttons whose click's latency (INP) the bench measures, where a library has them. */
const BUTTONS = ['accept', 'reject', 'customise', 'save']
const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 360, height: 640 }
const NETWORKS = {
  loopback: null,
  '150 ms RTT, 1.6 Mbps': { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
}

/** The library a script belongs to: its files under /lib/<library>/, and a peer's set-up script. */
const owner = (lib) => (url) => {
  const path = url ? new URL(url, server.origin).pathname : ''
  return url.startsWith(server.origin) && (path.startsWith(`/lib/${lib}/`) || (lib !== OURS && path.startsWith('/page/')))
}

let traces = 0
/**
 * One page view in a fresh browser context, its cache disabled. `state`: the cookies of an earlier
 * choice; `watch`: what the probe waits for; `trace`: trace the view and count `lib`'s own work;
 * `then(view)`: more to do once the page has settled (open the dialog); `warm`: the cache on, and
 * the page viewed twice before (V8 caches a script's code from its second run on).
 */
async function view({
  lib,
  variant = 'pisama',
  network = 'loopback',
  state,
  watch = {},
  trace = false,
  then,
  label,
  warm = false,
  viewport = DESKTOP,
  cpu = 1,
  scriptTime = false,
  marks = false,
}) {
  const context = await browser.newContext({ viewport, storageState: state })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await standIns(cdp)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !warm })
  if (NETWORKS[network]) await cdp.send('Network.emulateNetworkConditions', NETWORKS[network])
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })
  // In-page questions go through CDP: no Playwright script runs on the page's main thread.
  const run = async (expression) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    })
    if (exceptionDetails) throw new Error(`${lib}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`)
    return result.value
  }
  const net = tracked(page, run)
  const files = new Set()
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (r.url().startsWith(server.origin) && path.startsWith('/lib/')) files.add(path)
  })
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  const url = `${server.origin}/bench/${lib}/${variant}`
  if (warm) for (let i = 0; i < 2; i++) await page.goto(url, { waitUntil: 'load' }).then(() => net.settle())
  // A traced view starts from a blank page, so the trace holds no other page's work.
  let stop
  if (trace) {
    await page.goto('about:blank')
    stop = await startTrace(cdp)
  }
  // Chromium's own count of the page's script time: from the measured view's start, with no
  // script of the bench in the page (no probe) but the settling's idle-callback questions.
  if (scriptTime) await cdp.send('Performance.enable')
  else await page.addInitScript(probe({ watch, frames: !trace || Object.keys(watch).length > 0, marks }))
  await page.goto(url, { waitUntil: 'load' })
  try {
    for (const name of Object.keys(watch)) await run(`window.__bench.until(${JSON.stringify(name)})`)
    await net.settle()
  } catch (e) {
    throw new Error(`${lib}/${variant}: ${e.message}${errors.length ? ` (${errors.join('; ')})` : ''}`)
  }
  if (scriptTime) {
    const { metrics } = await cdp.send('Performance.getMetrics')
    const ms = (name) => metrics.find((x) => x.name === name).value * 1000
    await context.close()
    return { script: ms('ScriptDuration'), task: ms('TaskDuration') }
  }
  const snapshot = () =>
    run(`({ ...window.__bench, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN })`)
  const m = await snapshot()
  const bytes = [...files].reduce((n, path) => n + gzipped(libFile(path)).length, 0)
  const result = { ...m, bytes, files: [...files] }
  if (then) result.then = await then({ page, cdp, run, settle: net.settle, snapshot })
  if (stop) {
    const events = await stop()
    // BENCH_TRACES=<folder> keeps each trace, to open in DevTools' Performance panel.
    if (process.env.BENCH_TRACES)
      writeFileSync(
        join(process.env.BENCH_TRACES, `${++traces}-${label ?? `${lib}-${variant}`}-${network.split(' ')[0]}.json`),
        JSON.stringify(events),
      )
    result.work = ownWork(events, url, owner(lib))
    if (marks) result.inClick = inClick(events, url, STARTED)
    if (watch.banner) result.waterfall = waterfall(events, url, owner(lib), m.seen.banner)
  }
  await context.close()
  return result
}

/** Clicks what `selector` finds (into open shadow roots) with the mouse, as a visitor would. */
async function click(cdp, run, selector) {
  const at = await run(`(() => {
    const r = window.__bench.find(${JSON.stringify(selector)}).getBoundingClientRect()
    return [r.x + r.width / 2, r.y + r.height / 2]
  })()`)
  const [x, y] = at
  const mouse = (type, extra = {}) => cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', ...extra })
  await mouse('mouseMoved', { button: 'none' })
  await mouse('mousePressed', { clickCount: 1 })
  await mouse('mouseReleased', { clickCount: 1 })
}

/** The preferences dialog, opened from the banner once the first visit has settled. */
const openDialog =
  (lib) =>
  async ({ cdp, run, settle, snapshot }) => {
    await run(`window.__bench.watch('dialog', ${JSON.stringify(LIBS[lib].dialog)})`)
    await click(cdp, run, LIBS[lib].customise)
    await run(`window.__bench.until('dialog')`)
    await settle()
    return snapshot()
  }

/**
 * One click on `lib`'s `button` once the first visit has settled (for "Save", in the dialog opened
 * first): its Interaction to Next Paint, as the probe measures it.
 */
const clickOn =
  (lib, button) =>
  async ({ cdp, run, settle }) => {
    if (button === 'save') {
      await run(`window.__bench.watch('dialog', ${JSON.stringify(LIBS[lib].dialog)})`)
      await click(cdp, run, LIBS[lib].customise)
      await run(`window.__bench.until('dialog')`)
      await settle()
    }
    await click(cdp, run, LIBS[lib][button])
    const inp = await run('window.__bench.inp()')
    // A click that missed is no sample: "Customise" shows the dialog, the others close what they were on.
    const [sel, shown] =
      button === 'customise' ? [LIBS[lib].dialog, true] : [LIBS[lib][button === 'save' ? 'dialog' : 'banner'], false]
    if (!(await run(`window.__bench.becomes(${JSON.stringify(sel)}, ${shown})`))) {
      process.stderr.write(`bench: ${lib}'s "${button}" click did not ${shown ? 'open' : 'close'} ${sel}; left out\n`)
      return NaN
    }
    await settle()
    return inp
  }

/** The cookies of a visitor who made `choice` on `lib`'s banner: made once, used by every run. */
const states = new Map()
async function chosen(lib, choice) {
  const k = `${lib}:${choice}`
  if (states.has(k)) return states.get(k)
  const context = await browser.newContext()
  const page = await context.newPage()
  await standIns(await context.newCDPSession(page))
  const net = tracked(page)
  await page.goto(`${server.origin}/bench/${lib}/pisama`)
  await page.locator(LIBS[lib][choice]).click()
  await net.settle()
  const state = await context.storageState()
  await context.close()
  if (!state.cookies.length && !state.origins.length) throw new Error(`${lib}: "${choice}" stored nothing`)
  states.set(k, state)
  return state
}

// Every scenario, one sample per round; libraries alternate within a round, so drift on the
// machine hits all of them alike.
const samples = {}
const add = (key, lib, value) => ((samples[key] ??= {})[lib] ??= []).push(value)
const started = Date.now()
const load = [loadavg()[0]]
for (let i = 0; i < RUNS; i++) {
  if (want('first'))
    for (const network of Object.keys(NETWORKS)) {
      const loop = network === 'loopback'
      for (const lib of [OURS, 'hints', ...PEERS]) {
        const ours = lib === OURS || lib === 'hints'
        const name = ours ? OURS : lib
        const dialog = loop && lib !== 'hints' && LIBS[name].customise
        const r = await view({
          lib: name,
          variant: lib === 'hints' ? 'hints' : 'pisama',
          network,
          watch: { banner: LIBS[name].banner },
          then: dialog ? openDialog(name) : undefined,
        })
        add(`first:${network}`, lib, r)
        if (dialog) add('dialog', lib, r.then)
      }
      // Where our first banner's time goes, from a trace (a view of its own: tracing slows a page).
      add(`waterfall:${network}`, OURS, await view({ lib: OURS, network, watch: { banner: LIBS[OURS].banner }, trace: true }))
    }
  if (want('embed'))
    add(
      'embed',
      OURS,
      await view({
        lib: OURS,
        variant: 'embed',
        watch: { banner: LIBS[OURS].banner, placeholder: '[data-consent-placeholder]' },
      }),
    )
  if (want('returning')) {
    add('returning:pigi', OURS, await view({ lib: OURS, variant: 'pigi', trace: true }))
    for (const lib of [OURS, ...PEERS])
      for (const choice of ['reject', 'accept'])
        add(
          `returning:${choice}`,
          lib,
          await view({ lib, state: await chosen(lib, choice), trace: true, label: `${lib}-${choice}` }),
        )
    // The same, warm: ours only, to keep the run short.
    add('warm:pigi', OURS, await view({ lib: OURS, variant: 'pigi', trace: true, warm: true, label: 'warm-pigi' }))
    for (const choice of ['reject', 'accept'])
      add(
        `warm:${choice}`,
        OURS,
        await view({ lib: OURS, state: await chosen(OURS, choice), trace: true, warm: true, label: `warm-${choice}` }),
      )
  }
  // The click: each button's latency at 4× CPU slowdown, on a first visit; and, traced in views of
  // their own, whether what a choice starts ran in the click's task.
  if (want('click'))
    for (const lib of [OURS, ...PEERS])
      for (const button of BUTTONS.filter((b) => LIBS[lib][b]))
        add(
          `click:${button}`,
          lib,
          (
            await view({
              lib,
              variant: lib === OURS ? 'click' : 'pisama',
              cpu: 4,
              watch: { banner: LIBS[lib].banner },
              then: clickOn(lib, button),
            })
          ).then,
        )
  if (want('click') && i < 3)
    for (const button of ['accept', 'reject', 'save'])
      add(
        'click:task',
        OURS,
        await view({
          lib: OURS,
          variant: 'click',
          cpu: 4,
          watch: { banner: LIBS[OURS].banner },
          then: clickOn(OURS, button),
          trace: true,
          marks: true,
          label: `click-${button}`,
        }),
      )
  // The page's largest paint: a phone, a slow network and CPU, a first visit of the page with a hero image.
  if (want('lcp'))
    for (const lib of [OURS, ...PEERS])
      add(
        'lcp',
        lib,
        (
          await view({
            lib,
            variant: 'hero',
            network: '150 ms RTT, 1.6 Mbps',
            cpu: 4,
            viewport: PHONE,
            watch: { banner: LIBS[lib].banner },
            then: ({ run }) => run(`window.__bench.largest(${JSON.stringify(LIBS[lib].banner)})`),
          })
        ).then,
      )
  // A returning visit's script time as Chromium counts it, cold and warm; `none` is the same page
  // without a consent manager (what the page and the bench's questions cost).
  if (want('script'))
    for (const warm of [false, true]) {
      const kind = warm ? 'warm' : 'cold'
      add(`script:${kind}:none`, 'none', await view({ lib: 'none', scriptTime: true, warm }))
      add(`script:${kind}:pigi`, OURS, await view({ lib: OURS, variant: 'pigi', scriptTime: true, warm }))
      for (const lib of [OURS, ...PEERS])
        for (const choice of ['reject', 'accept'])
          add(`script:${kind}:${choice}`, lib, await view({ lib, state: await chosen(lib, choice), scriptTime: true, warm }))
    }
  process.stderr.write(`bench: round ${i + 1} of ${RUNS} done (${Math.round((Date.now() - started) / 1000)} s)\n`)
}
load.push(loadavg()[0])
const chromium = browser.version()
await browser.close()
server.close()

// Other work on the machine slows every library alike, but it shows in every figure.
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), load average ${load[0].toFixed(1)} at the start and ${load[1].toFixed(1)} at the end, ${Math.round((Date.now() - started) / 60000)} min`
const run = { samples, peers: PEERS, runs: RUNS, chromium, machine }
// BENCH_SAMPLES=<file> keeps the run's samples, as JSON.
if (process.env.BENCH_SAMPLES) writeFileSync(process.env.BENCH_SAMPLES, JSON.stringify(run))
report(run)

/** Writes RESULTS.md and the docs' key numbers from a run, and prints its table. */
function report(run) {
  const { table, results, key } = render({ ...run, versions: LIBS })
  writeFileSync(join(import.meta.dirname, 'RESULTS.md'), results)
  const synced = syncDocs(root, key)
  console.log(table)
  process.stderr.write(
    `bench: wrote test/bench/RESULTS.md${synced.length ? `; updated its key numbers in ${synced.join(', ')}` : ''}\n`,
  )
}
