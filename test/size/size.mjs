// `npm run size`: what each visitor really downloads, per scenario, measured by loading the demo
// pages in Chromium and adding up gzip -9 of every SDK file the browser fetched.
// Fails when a scenario is over its limit: today's size plus a small margin, so any growth is a
// decision. `goal` is the ceiling the team set.
// Also weighs what the npm build adds to an app's entry chunk, writes every figure to
// sizes.json (sizes.test.ts holds it to the build) and brings the docs' quotes up to date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp, startServer } from '../../demo/server.mjs'
import { tracked } from '../bench/settle.mjs'
import { TEST_HOSTS, launchChromium } from '../chromium.mjs'
import { appEntryBytes, gzip, packedProject } from '../pack/project.mjs'

const KiB = 1024
const k = (n) => (n / KiB).toFixed(2) + ' KiB'
// `goal` is each scenario's ceiling (issue "Speed, decided": the loader 7.2 KiB, accepted 8.6,
// first visit 14.2, a page with an embed 17.6). The issues that came before it (any site's own
// description, receipts of what was shown, rules by region) left every scenario above its ceiling,
// and docs/performance.md says by how much and what each part weighs: the limits are today's sizes
// plus a little, so nothing grows while that stands, and a missed ceiling is printed, never hidden.
// Every limit rose by 0.05 to 0.2 KiB with that issue's own decision that what a click starts
// waits for the next paint: the wait in the banner chunk, and in the loader the choice in effect
// re-checked when the step runs, told in order, never undone by a later refusal (an attack review's
// fixes). Then by 0.05 more for a click that does less in its task (the click's processing at 4×
// CPU, median of 8: 32 → 11 ms): one cookie where the jar held none, not one per Domain and Path
// (11 B), said as Max-Age, as no date is formatted in it (13 B), and the leaving page listened for
// from the start (the banner chunk, 46 B). The loader's by 0.05 more (accepted and first visit
// with it) for listeners told in order when one makes a choice in reply, each choice proved before
// it is told, and listeners that answer each other for ever cut off (before, the others could end
// on the older choice, and onConsent on the older one after a click; 55 B). The loader's by 0.05
// more (every scenario with it) for a site that offers nothing reading its cookies' names through
// cookieStore once loaded, off the main thread (Pigi's warm ScriptDuration, median of 15: 3.67 →
// 2.56 ms; 51 B), and 0.05 more for an independent review's fixes to it: a cookieStore that answers
// no list of cookies is read again as document.cookie instead of throwing, a nameless cookie is named
// as document.cookie shows it, and nothing offered is decided under any rules (20 B).
const SCENARIOS = [
  { id: 'pigi', name: 'Pigi, any visit', path: '/pigi/', host: 'app.pigi.test', limit: 8.75 * KiB, goal: 7.2 * KiB },
  {
    id: 'refused',
    name: 'Pisama, returning, refused',
    path: '/pisama/',
    choice: 'reject-all',
    limit: 8.75 * KiB,
    goal: 7.2 * KiB,
  },
  {
    id: 'accepted',
    name: 'Pisama, returning, accepted',
    path: '/pisama/',
    choice: 'accept-all',
    limit: 10.35 * KiB,
    goal: 8.6 * KiB,
  },
  {
    id: 'first-visit',
    name: 'Pisama, first visit (banner)',
    path: '/pisama/',
    banner: true,
    limit: 17.2 * KiB,
    goal: 14.2 * KiB,
  },
  {
    // A page with an embed also fetches its placeholders and the texts they share with the dialog.
    id: 'embed',
    name: 'Pisama video page, first visit (banner and an embed)',
    path: '/pisama/video/',
    banner: true,
    limit: 22.45 * KiB,
    goal: 17.6 * KiB,
  },
]
// What the npm build may add to an app's entry chunk beyond what the loader weighs.
const NPM_OVER_LOADER = 0.3 * KiB

const dist = join(import.meta.dirname, '../../dist')
const gz = (file) => gzip(readFileSync(join(dist, file)))
/** `chunks/ui-x1Y2z3W4.js` → `ui`; the loader is `loader`. */
const chunkName = (file) => (file === 'consent-gate.js' ? 'loader' : file.replace(/^chunks\/|-[\w-]{8}\.js$/g, ''))
const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'))
const chunks = {
  loader: gz('consent-gate.js'),
  ...Object.fromEntries(Object.entries(manifest).map(([name, file]) => [name, gz(file)])),
}
const files = {}

await buildApp()
const server = await startServer({ realTrackerHosts: true })
const port = server.address().port
const browser = await launchChromium(TEST_HOSTS)

let failed = false
const rows = []
try {
  for (const s of SCENARIOS) {
    const context = await browser.newContext()
    await context.route(
      (u) => !u.hostname.endsWith('.test'),
      (r) => r.fulfill({ status: 204 }),
    )
    const page = await context.newPage()
    const net = tracked(page)
    const url = `http://${s.host ?? 'www.pisama.test'}:${port}${s.path}`
    if (s.choice) {
      // The first visit makes the choice; only the next one is measured.
      await page.goto(url)
      await page.locator(`[data-consent-gate="banner"] [data-action="${s.choice}"]`).click()
    }
    const fetched = new Set()
    page.on('request', (r) => {
      const m = new URL(r.url()).pathname.match(/^\/consent-gate\/(.+\.js)$/)
      if (m) fetched.add(m[1])
    })
    await page.goto(url, { waitUntil: 'load' })
    if (s.banner) await page.locator('[data-consent-gate="banner"]').waitFor()
    // Until nothing is in flight and the page has been idle with no new request: every chunk
    // this visit will fetch has been fetched.
    await net.settle()
    await context.close()
    const bytes = [...fetched].reduce((sum, f) => sum + gz(f), 0)
    const over = bytes > s.limit
    failed ||= over
    files[s.id] = [...fetched].map(chunkName)
    rows.push([
      s.name,
      files[s.id].join(' + '),
      bytes,
      s.limit,
      s.goal,
      over ? 'OVER' : bytes > s.goal ? `ok, CEILING NOT MET by ${k(bytes - s.goal)}` : 'ok',
    ])
  }
} finally {
  await browser.close()
  server.close()
}

const project = packedProject()
const entry = await appEntryBytes(project.dir).finally(project.remove)
const entryLimit = chunks.loader + NPM_OVER_LOADER
failed ||= entry > entryLimit
// Its goal is the loader's own size: an app should pay what a site with the script tag pays.
const verdict = entry > entryLimit ? 'OVER' : entry > chunks.loader ? 'ok (goal not met)' : 'ok'
rows.push(['npm build, in an app’s entry chunk', 'index', entry, entryLimit, chunks.loader, verdict])

const scenarios = Object.fromEntries(SCENARIOS.map((s) => [s.id, files[s.id].reduce((sum, f) => sum + chunks[f], 0)]))
const goals = Object.fromEntries(SCENARIOS.map((s) => [s.id, s.goal]))
const sizes = { scenarios, files, chunks, npm: { entry }, limits: { npmOverLoader: NPM_OVER_LOADER }, goals }
writeFileSync(join(import.meta.dirname, 'sizes.json'), JSON.stringify(sizes, null, 2) + '\n')
quoteSizes(sizes)

/** Every `N KiB<!--size:expr-->` in the README and docs/ says what was just measured. */
function quoteSizes(sizes) {
  const root = join(import.meta.dirname, '../..')
  const value = (expr) => expr.split('+').reduce((sum, path) => sum + path.split('.').reduce((o, key) => o?.[key], sizes), 0)
  for (const file of ['README.md', ...readdirSync(join(root, 'docs')).map((f) => join('docs', f))]) {
    const text = readFileSync(join(root, file), 'utf8')
    const quoted = text.replace(/\d+(?:\.\d+)? KiB<!--size:([\w.+-]+)-->/g, (quote, expr) =>
      Number.isFinite(value(expr)) ? `${(value(expr) / KiB).toFixed(1)} KiB<!--size:${expr}-->` : quote,
    )
    if (quoted !== text) writeFileSync(join(root, file), quoted)
  }
}

console.log('| scenario | files fetched | gzip -9 | limit | goal | |\n|---|---|---:|---:|---:|---|')
for (const [name, names, bytes, limit, goal, verdict] of rows)
  console.log(`| ${name} | ${names} | ${k(bytes)} | ${k(limit)} | ${k(goal)} | ${verdict} |`)
if (failed) {
  console.error('size: a scenario is over its limit')
  process.exit(1)
}
