// A returning visit's script time, quickly: Chromium's own ScriptDuration (CDP
// Performance.getMetrics) on a page that holds nothing but the loader, for Pigi and for Pisama
// with a refused and an accepted choice, each the median of RUNS fresh views once the page has
// loaded, been idle and gone quiet; and what one `new BroadcastChannel` costs the main thread.
// `npm run build && node test/bench/script-duration.mjs [other-dist]`: with another build's dist
// folder (say, main's), both are measured, interleaved, so a busy spell falls on both alike.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { TEST_HOSTS, launchChromium } from '../chromium.mjs'

const RUNS = Number(process.env.RUNS ?? 9)
const builds = { this: new URL('../../dist/', import.meta.url) }
if (process.argv[2]) builds.other = new URL(process.argv[2].replace(/\/?$/, '/'), `file://${process.cwd()}/`)
const PAGES = {
  '/pigi': 'data-site="pigi"',
  // The trackers' scripts from this origin: empty, so only the SDK's own work is counted.
  '/pisama': 'data-site="pisama" data-ga4="G-BENCH1" data-ga4-src="/empty.js" data-vercel="/empty.js"',
}
const build = (req) => new URL(req.url, 'http://x').searchParams.get('build')
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname
  if (PAGES[path])
    return res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        `<!doctype html><title>bench</title><script src="/${build(req)}/consent-gate/consent-gate.js" ${PAGES[path]} defer></script><p>page`,
      )
  if (path === '/none') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>none</title>')
  if (path === '/empty.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end('')
  try {
    const [, build, file] = path.match(/^\/(\w+)\/consent-gate\/(.*)$/)
    const body = await readFile(new URL(file, builds[build]))
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(body)
  } catch {
    res.writeHead(404).end()
  }
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const origin = `http://www.pisama.test:${server.address().port}`
const browser = await launchChromium(TEST_HOSTS)
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

/** The cookies a visitor has after `choose` ran on the page, or none. */
async function cookiesAfter(path, choose) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${origin}${path}?build=this`)
  if (choose) await page.evaluate(choose)
  const cookies = await context.cookies()
  await context.close()
  return cookies
}

/** One fresh view's ScriptDuration in ms, once the page has loaded, been idle and gone quiet. */
async function view(path, cookies, build) {
  const context = await browser.newContext()
  await context.addCookies(cookies)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  await page.goto(`${origin}${path}?build=${build}`)
  await page.waitForLoadState('networkidle')
  await page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 2000 })))
  const { metrics } = await cdp.send('Performance.getMetrics')
  await context.close()
  return metrics.find((m) => m.name === 'ScriptDuration').value * 1000
}

/** The first `new BroadcastChannel` of a fresh page, in ms of its main thread. */
async function channel() {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(origin + '/none')
  const ms = await page.evaluate(() => {
    const t = performance.now()
    new BroadcastChannel('consent-gate')
    return performance.now() - t
  })
  await context.close()
  return ms
}

const cases = [
  ['pigi', '/pigi', await cookiesAfter('/pigi')],
  ['refused', '/pisama', await cookiesAfter('/pisama', () => window.ConsentGate.rejectAll())],
  ['accepted', '/pisama', await cookiesAfter('/pisama', () => window.ConsentGate.acceptAll())],
]
const times = { channel: [] }
for (const build of Object.keys(builds)) for (const [name] of cases) times[`${name} (${build})`] = []
// Interleaved, so a busy spell of the machine falls on every case alike.
for (let i = 0; i < RUNS; i++) {
  for (const build of Object.keys(builds))
    for (const [name, path, cookies] of cases) times[`${name} (${build})`].push(await view(path, cookies, build))
  times.channel.push(await channel())
}
for (const [name, ms] of Object.entries(times))
  console.log(`${name}: median ${median(ms).toFixed(2)} ms of ${RUNS} (${ms.map((t) => t.toFixed(2)).join(' ')})`)
await browser.close()
server.close()
