// `npm run bench`: consent-gate against its peers on equivalent pages in headless Chromium.
// Same page, same config (one analytics category gating GA4), every library served gzip -9 from
// this machine. Median of RUNS runs per library, libraries alternating, on loopback and under
// emulated 150 ms RTT / 1.6 Mbps. Writes test/bench/RESULTS.md and prints the table.
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { preloadHints } from '../../dist/server/index.js'
import { launchChromium } from '../chromium.mjs'

export const DEBUG_PORT = process.env.BENCH_PORT
const RUNS = Number(process.env.BENCH_RUNS ?? 11)
const root = join(import.meta.dirname, '../..')
const mod = (p) => join(root, 'node_modules', p)
const pkgVersion = (name) => JSON.parse(readFileSync(mod(`${name}/package.json`), 'utf8')).version

// Where each library's files are served from, and what counts as "its banner".
const LIBS = {
  'consent-gate': { dir: join(root, 'dist'), version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version },
  cookieconsent: { dir: mod('cookieconsent/build'), version: pkgVersion('cookieconsent') },
  orejime: { dir: mod('orejime/dist'), version: pkgVersion('orejime') },
  'vanilla-cookieconsent': { dir: mod('vanilla-cookieconsent/dist'), version: pkgVersion('vanilla-cookieconsent') },
  klaro: { dir: mod('klaro/dist'), version: pkgVersion('klaro') },
}
// BENCH_LIBS=orejime,klaro compares us with a few, for a quick look while working.
const only = process.env.BENCH_LIBS?.split(',')
for (const lib of Object.keys(LIBS)) if (only && lib !== 'consent-gate' && !only.includes(lib)) delete LIBS[lib]

const GA = `https://www.googletagmanager.com/gtag/js?id=G-BENCH1234`
// Our page's options, as its tag gives them: the server reads the consent cookie with the same.
const BENCH_OPTIONS = { site: 'pisama', ga4: { measurementId: 'G-BENCH1234' } }
// Each library's own way of writing the same thing: GA4 gated behind one analytics category.
const HEAD = {
  'consent-gate': `<script src="/lib/consent-gate/consent-gate.js" data-site="pisama" data-ga4="G-BENCH1234" data-policy-url="/privacy" defer></script>`,
  cookieconsent: `<link rel="stylesheet" href="/lib/cookieconsent/cookieconsent.min.css">
<script src="/lib/cookieconsent/cookieconsent.min.js" defer></script>
<script src="/page/cookieconsent-init.js" defer></script>`,
  orejime: `<link rel="stylesheet" href="/lib/orejime/orejime-standard.css">
<script src="/page/orejime-config.js"></script>
<script src="/lib/orejime/orejime-standard-en.js" defer></script>`,
  'vanilla-cookieconsent': `<link rel="stylesheet" href="/lib/vanilla-cookieconsent/cookieconsent.css">
<script src="/lib/vanilla-cookieconsent/cookieconsent.umd.js" defer></script>
<script src="/page/vcc-init.js" defer></script>`,
  klaro: `<script src="/page/klaro-config.js"></script>
<script src="/lib/klaro/klaro.js" defer></script>`,
  // The same page without any consent manager: what the browser spends anyway.
  none: '',
}
const GATED = {
  'consent-gate': '',
  cookieconsent: '',
  orejime: `<script type="opt-in" data-type="text/javascript" data-purpose="analytics" data-src="${GA}"></script>`,
  'vanilla-cookieconsent': `<script type="text/plain" data-category="analytics" data-src="${GA}"></script>`,
  klaro: `<script type="text/plain" data-type="text/javascript" data-name="analytics" data-src="${GA}"></script>`,
  none: '',
}
const INIT = {
  'cookieconsent-init.js': `window.cookieconsent.initialise({ type: 'opt-in', content: { message: 'We measure visits in aggregate with your consent.', href: '/privacy' },
  onStatusChange: function (s) { if (this.hasConsented()) { var g = document.createElement('script'); g.src = '${GA}'; document.head.append(g) } } })`,
  'orejime-config.js': `window.orejimeConfig = { privacyPolicyUrl: '/privacy', purposes: [{ id: 'analytics', title: 'Analytics', cookies: ['_ga', /^_ga_/] }] }`,
  'vcc-init.js': `CookieConsent.run({ hideFromBots: false, categories: { necessary: { enabled: true, readOnly: true }, analytics: { autoClear: { cookies: [{ name: /^_ga/ }] } } },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'Your privacy choices', description: 'We measure visits in aggregate with your consent.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Customise' },
    preferencesModal: { title: 'Cookie preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save choices',
      sections: [{ title: 'Essential', linkedCategory: 'necessary' }, { title: 'Analytics', description: 'Aggregate statistics.', linkedCategory: 'analytics' }] } } } } })`,
  'klaro-config.js': `window.klaroConfig = { privacyPolicy: '/privacy', mustConsent: false, acceptAll: true, hideDeclineAll: false,
  services: [{ name: 'analytics', title: 'Google Analytics', purposes: ['analytics'], cookies: [/^_ga/] }] }`,
}
// Visible means: in the layout, in the viewport, not transparent.
const BANNER = {
  'consent-gate': `document.querySelector('[data-consent-gate-host]')?.shadowRoot?.querySelector('[data-consent-gate=banner]')`,
  cookieconsent: `document.querySelector('.cc-window')`,
  orejime: `document.querySelector('.orejime-Banner')`,
  'vanilla-cookieconsent': `document.querySelector('#cc-main .cm')`,
  klaro: `document.querySelector('.klaro .cookie-notice')`,
}

// As the README advises, our page preloads the banner chunk for a visitor who has no choice yet;
// the peers ship one file, which their tag already names.
const page = async (lib, cookie) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Bench: ${lib}</title>
<script>window.__t0 = performance.now()</script>
${lib === 'consent-gate' ? preloadHints(cookie, BENCH_OPTIONS, { base: '/lib/consent-gate/', lang: 'en' }) : ''}${HEAD[lib]}
</head><body>
<h1>Pisama</h1>
${'<p>Pisama helps small teams plan their week. This paragraph stands for the content of a real marketing page, long enough to wrap across several lines on a desktop screen.</p>\n'.repeat(6)}
${GATED[lib]}
</body></html>`

// Collected in the page from its first moment: the frame the banner is first visible in,
// long tasks and layout shifts.
const PROBE = (selector) => `(() => {
  const m = (window.__bench = { banner: 0, longTasks: [], cls: 0 })
  new PerformanceObserver((l) => l.getEntries().forEach((e) => m.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true })
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) m.cls += e.value })).observe({ type: 'layout-shift', buffered: true })
  const visible = () => {
    const el = ${selector}
    if (!el) return false
    const r = el.getBoundingClientRect()
    let s = getComputedStyle(el), o = 1
    for (let e = el; e && e.nodeType === 1; e = e.parentElement || e.getRootNode().host) o *= +getComputedStyle(e).opacity
    return r.height > 0 && r.bottom > 0 && r.top < innerHeight && s.visibility !== 'hidden' && o > 0.05
  }
  const tick = (t) => (visible() ? (m.banner = t) : requestAnimationFrame(tick))
  requestAnimationFrame(tick)
})()`

const gz = new Map()
const gzipped = (file) => gz.get(file) ?? gz.set(file, gzipSync(readFileSync(file), { level: 9 })).get(file)
const TYPES = { js: 'text/javascript', css: 'text/css', html: 'text/html; charset=utf-8' }

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x')
  const [, kind, name, ...rest] = url.pathname.split('/')
  try {
    let body
    let type = TYPES.html
    if (kind === 'bench') body = Buffer.from(await page(name, req.headers.cookie))
    else if (kind === 'page') ((body = Buffer.from(INIT[name])), (type = TYPES.js))
    else if (kind === 'lib' && LIBS[name]) {
      const file = join(LIBS[name].dir, ...rest)
      if (!file.startsWith(LIBS[name].dir)) throw new Error('outside')
      res.writeHead(200, {
        'content-type': TYPES[file.split('.').pop()] ?? 'application/octet-stream',
        'content-encoding': 'gzip',
        'cache-control': 'no-store',
      })
      return res.end(gzipped(file))
    } else if (kind === 'privacy') body = Buffer.from('<!doctype html><title>Privacy</title>')
    else return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body)
  } catch {
    res.writeHead(404).end()
  }
})
await new Promise((r) => server.listen(Number(DEBUG_PORT ?? 0), '127.0.0.1', r))
const origin = `http://127.0.0.1:${server.address().port}`

if (DEBUG_PORT) await new Promise(() => {})
const browser = await launchChromium()

const NETWORKS = {
  loopback: null,
  '150 ms RTT, 1.6 Mbps': { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
}

/**
 * One page view; `refuseFirst` makes a choice first and measures the next view, which shows no
 * banner (nor does the page without a library).
 */
async function run(lib, network, refuseFirst = false) {
  const quiet = refuseFirst || lib === 'none'
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.route(/^https:\/\//, (r) => r.fulfill({ status: 204 }))
  const p = await context.newPage()
  const cdp = await context.newCDPSession(p)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  if (NETWORKS[network]) await cdp.send('Network.emulateNetworkConditions', NETWORKS[network])
  const url = `${origin}/bench/${lib}`
  if (refuseFirst) {
    await p.goto(url)
    await p.locator('[data-consent-gate="banner"] [data-action="reject-all"]').click()
  }
  // The returning view runs no probe, so the page's scripting time is the loader's alone.
  if (!quiet) await p.addInitScript(PROBE(BANNER[lib]))
  await cdp.send('Performance.enable')
  const files = new Set()
  p.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (path.startsWith('/lib/')) files.add(path)
  })
  // A returning view is traced, as the Performance panel would: the loader's own evaluation, which
  // runs before the page's scripts, apart from the work it leaves for later tasks.
  const trace = refuseFirst ? await startTrace(cdp) : undefined
  await p.goto(url, { waitUntil: 'load' })
  const errors = []
  p.on('pageerror', (e) => errors.push(String(e)))
  if (!quiet)
    await p
      .waitForFunction(() => window.__bench.banner > 0, null, { timeout: 20000 })
      .catch((e) => {
        throw new Error(`${lib}: no visible banner (${errors.join('; ') || e.message})`)
      })
  await p.waitForTimeout(300)
  const m = await p.evaluate(() => ({
    banner: 0,
    longTasks: [],
    cls: 0,
    ...window.__bench,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  }))
  const { metrics } = await cdp.send('Performance.getMetrics')
  const scriptMs = 1000 * metrics.find((x) => x.name === 'ScriptDuration').value
  const loader = await trace?.()
  await context.close()
  const bytes = [...files].reduce((n, path) => {
    const [, , name, ...rest] = path.split('/')
    return n + gzipped(join(LIBS[name].dir, ...rest)).length
  }, 0)
  return {
    bytes,
    banner: m.banner,
    fcp: m.fcp,
    longTasks: m.longTasks.filter((d) => d > 50).length,
    maxTask: Math.max(0, ...m.longTasks),
    cls: m.cls,
    scriptMs,
    loader,
    files: [...files],
  }
}

/** Starts a trace; the function it returns ends it and sums the loader's main-thread work. */
async function startTrace(cdp) {
  const events = []
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value))
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' })
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
    await cdp.send('Tracing.end')
    await done
    const ours = events.filter((e) => e.ph === 'X' && e.args?.data?.url?.endsWith('/consent-gate.js'))
    const sum = (name) => ours.filter((e) => e.name === name).reduce((n, e) => n + e.dur / 1000, 0)
    return { startup: sum('EvaluateScript'), later: sum('FunctionCall') }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const results = {}
for (const network of Object.keys(NETWORKS)) {
  const samples = Object.fromEntries(Object.keys(LIBS).map((l) => [l, []]))
  // Alternate libraries within each round, so drift on the machine hits all of them alike.
  for (let i = 0; i < RUNS; i++) for (const lib of Object.keys(LIBS)) samples[lib].push(await run(lib, network))
  results[network] = samples
  process.stderr.write(`${network}: ${RUNS} runs × ${Object.keys(LIBS).length} libraries done\n`)
}
const version = browser.version()
const returning = []
const baseline = []
for (let i = 0; i < RUNS; i++) {
  returning.push(await run('consent-gate', 'loopback', true))
  baseline.push(await run('none', 'loopback'))
}
await browser.close()
server.close()

const KiB = (n) => (n / 1024).toFixed(1) + ' KiB'
const ms = (n) => Math.round(n) + ' ms'
const lines = [
  '# Benchmark results',
  '',
  `Produced by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; headless Chromium ${version}, ${RUNS} runs per library and network, libraries alternating, medians.`,
  'Same page and config for all: one analytics category gating GA4; on a first visit our page preloads the banner chunk, as the README advises. Bytes: gzip -9 of the JS and CSS each library makes the browser fetch on a first visit (tracker scripts not counted).',
  'Banner visible: first animation frame in which the banner is laid out, in the viewport and not transparent, from navigation start.',
  '',
]
for (const [network, samples] of Object.entries(results)) {
  lines.push(
    `## ${network}`,
    '',
    '| library | first-visit bytes | banner visible | FCP | banner − FCP | long tasks > 50 ms | CLS |',
    '|---|---:|---:|---:|---:|---:|---:|',
  )
  for (const [lib, s] of Object.entries(samples)) {
    const b = median(s.map((x) => x.banner))
    const f = median(s.map((x) => x.fcp))
    lines.push(
      `| ${lib} ${LIBS[lib].version} | ${KiB(median(s.map((x) => x.bytes)))} | ${ms(b)} | ${ms(f)} | ${ms(b - f)} | ${median(s.map((x) => x.longTasks))} | ${median(s.map((x) => x.cls)).toFixed(3)} |`,
    )
  }
  lines.push('')
}
lines.push(
  '## consent-gate, returning visitor who refused (loopback)',
  '',
  `Fetches ${[...new Set(returning.flatMap((r) => r.files))].join(', ')}: ${KiB(median(returning.map((r) => r.bytes)))}; FCP ${ms(median(returning.map((r) => r.fcp)))};`,
  `the loader's start-up (its EvaluateScript in a trace, before the page's own scripts) ${median(returning.map((r) => r.loader.startup)).toFixed(2)} ms; its later work (reading the choice in a task of its own, the idle-time storage check, the load event) ${median(returning.map((r) => r.loader.later)).toFixed(2)} ms;`,
  `scripting on the whole page (Chromium's ScriptDuration) ${median(returning.map((r) => r.scriptMs)).toFixed(2)} ms, against ${median(baseline.map((r) => r.scriptMs)).toFixed(2)} ms for the same page without a consent manager.`,
  'The peers fetch the same bytes as on a first visit, on every page view.',
  '',
)
const table = lines.join('\n')
writeFileSync(join(import.meta.dirname, 'RESULTS.md'), table)
console.log(table)
