// The demo server: pages, the built SDK, tracker stand-ins, a log of every tracker hit, and the
// receipts kept as a site's backend keeps them (consent-gate/server, the embedded store).
// Listens on 127.0.0.1 only. PORT=0 picks a free port. DEMO_TRACKER_HOSTS=real makes pages load
// gtag.js from its real host (the end-to-end suite answers that host itself).
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:http'
import { readFile, rm } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'
import {
  handleReceipt,
  isRegion,
  nodeHandler,
  platformHeaders,
  policyFor,
  preloadHints,
  refreshCookie,
  regionHint,
} from '../dist/server/index.js'
import { pgliteStore } from '../dist/server/pglite.js'
import { PGlite } from '@electric-sql/pglite'

const here = fileURLToPath(new URL('.', import.meta.url))
const root = join(here, '..')
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
}
const STRICT_CSP =
  "default-src 'self'; script-src 'self' https://www.googletagmanager.com; style-src 'self'; " +
  "connect-src 'self' https://*.google-analytics.com; img-src 'self' data:"

// The strict page again, with Trusted Types required: only the `consent-gate` policy may make a
// script URL, as a site that turns them on would allow.
const TRUSTED_TYPES = STRICT_CSP + "; require-trusted-types-for 'script'; trusted-types consent-gate"

const PRIVACY = {
  pisama: {
    NAME: 'Pisama',
    TRACKERS: 'data-ga4="G-DEMO12345" {{GA4_SRC}} {{COOKIE_DOMAIN}} data-vercel',
    POLICY:
      'We use essential cookies for routing, a session cookie on the dashboard, and, only with your consent, Google Analytics 4 and Vercel Web Analytics for aggregate statistics.',
  },
  pigi: {
    NAME: 'Pigi',
    TRACKERS: '',
    POLICY:
      'We do not use Google Analytics, Facebook Pixel, or any third-party advertising trackers. We use a session cookie, an XSRF-TOKEN cookie and a theme preference in localStorage.',
  },
}

// The marketing page, and the same page under a strict Content-Security-Policy.
const MARKETING = { TITLE: 'ship with confidence', HEADING: 'Ship with confidence', INTRO: "Pisama's marketing site." }
const STRICT = {
  TITLE: 'strict CSP',
  HEADING: 'Strict Content-Security-Policy',
  INTRO: "This page is served with a CSP that has no 'unsafe-inline' for scripts or styles.",
}

// Acme's page, in basic mode (nothing before a yes) and in Consent Mode's advanced mode.
const ACME_PAGE = {
  TITLE: 'Tag Manager, Clarity and UET',
  MODE: '',
  INTRO: 'Google Tag Manager, Microsoft Clarity and Microsoft Advertising (UET) load only after you say yes to their category.',
}
const ACME_ADVANCED = {
  TITLE: 'Consent Mode advanced',
  MODE: 'data-consent-mode="advanced" data-ga4="G-ACME12345" {{GA4_SRC}}',
  INTRO:
    "Consent Mode's advanced mode: GA4 and Tag Manager load at once with everything denied and send Google cookieless pings before you choose (the console says so). Clarity and UET still wait for a yes.",
}

const TRUSTED = {
  TITLE: 'Trusted Types',
  HEADING: 'Trusted Types required',
  INTRO: "This page requires Trusted Types for scripts; the SDK's own policy, consent-gate, is the only one allowed.",
}

/**
 * Bundles the dashboard (React) the way an app would: `consent-gate` and `consent-gate/react`
 * resolved through package.json exports, the SDK's lazy chunks split out as the app's own.
 */
export async function buildApp() {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
  const exported = {
    name: 'consent-gate-package',
    setup(build) {
      build.onResolve({ filter: /^consent-gate(\/|$)/ }, ({ path }) => {
        const target = pkg.exports[path.replace('consent-gate', '.')]
        return target ? { path: join(root, target.default) } : { errors: [{ text: `${path} is not exported` }] }
      })
    },
  }
  // Chunks of an earlier build would be served too (and weighed by `npm run size`): start empty.
  await rm(join(here, 'build'), { recursive: true, force: true })
  await esbuild.build({
    entryPoints: [join(here, 'app.tsx')],
    outdir: join(here, 'build'),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [exported],
    logLevel: 'error',
  })
}

const manifest = async () => JSON.parse(await readFile(join(root, 'dist', 'manifest.json'), 'utf8'))

/**
 * Each site's options, as its pages give them to the loader; the server reads the consent cookie
 * with the same ones. Served under a *.pisama.test host, Pisama shares its choice across the
 * parent domain (as its pages' `data-cookie-domain` says). Made once: consent-gate/server resolves
 * an options object once.
 */
const PISAMA = { site: 'pisama', ga4: { measurementId: 'G-DEMO12345' }, vercel: true, policyUrl: '/pisama/privacy' }
// Acme: a site of its own with the trackers a marketing team adds (its advanced page adds GA4),
// and visitors in many places, each with their own rules (docs/regions.md).
const ACME_POLICIES = { eea: 'opt-in', uk: 'opt-in', ch: 'opt-in', 'us-privacy': 'opt-out', '*': 'notice' }
const ACME = {
  site: 'acme',
  gtm: { containerId: 'GTM-DEMO123' },
  clarity: { projectId: 'acmedemo' },
  uet: { tagId: '12345678' },
  policies: ACME_POLICIES,
}
const OPTIONS = {
  pisama: PISAMA,
  'pisama.test': { ...PISAMA, cookieDomain: 'pisama.test' },
  pigi: { site: 'pigi' },
  acme: ACME,
}
// The report checks each receipt's wording against the site's description, as `--config` gives it.
const DESCRIBED = new Map(['pisama', 'pigi', 'acme'].map((site) => [site, OPTIONS[site]]))
const onPisamaTest = (host = '') => /(^|\.)pisama\.test(:\d+)?$/.test(host)
const optionsFor = (site, host) => OPTIONS[site === 'pisama' && onPisamaTest(host) ? 'pisama.test' : site]

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`)

/** The receipts page: the latest receipts, or one consent id's history. */
async function receiptsPage(store, consentId, report) {
  const rows = consentId ? await store.receiptsFor(consentId) : await store.latest(50)
  const cell = (v) => `<td>${escapeHtml(v)}</td>`
  const body = rows
    .map(
      (r) =>
        `<tr>${cell(r.receivedAt)}<td><a href="/receipts?consentId=${encodeURIComponent(r.consentId)}"><code>${escapeHtml(r.consentId)}</code></a></td>` +
        `${cell(r.site)}${cell(r.revision)}<td><code>${escapeHtml(JSON.stringify(r.choices))}</code></td>${cell(r.via)}` +
        // What was shown (a digest's first characters are enough to tell wordings apart), the GPC signal, where and under which rule.
        `${cell(r.lang ?? '–')}<td>${r.wording ? `<code title="${escapeHtml(r.wording)}">${escapeHtml(r.wording.slice(0, 8))}…</code>` : '–'}</td>` +
        `${cell(r.gpc ?? '–')}${cell(r.region ?? '–')}${cell(r.policy ?? '–')}${cell(r.givenAt)}${cell(r.expiresAt)}</tr>`,
    )
    .join('\n')
  const title = consentId ? `Receipts of <code>${escapeHtml(consentId)}</code>` : 'The latest receipts'
  return (await readFile(join(here, 'pages', 'receipts.html'), 'utf8'))
    .replaceAll('{{TITLE}}', title)
    .replaceAll('{{CONSENT_ID}}', escapeHtml(consentId ?? ''))
    .replaceAll('{{COUNT}}', String(rows.length))
    .replaceAll('{{REPORT}}', report ? '<a href="/receipts/report.html">Report (HTML)</a>' : '')
    .replaceAll('{{ROWS}}', body || '<tr><td colspan="13">None yet: make a choice on a demo page.</td></tr>')
}

/** Every language the build ships (`lang-de`, `lang-pt-br`, … in the manifest). */
const languages = async () => Object.keys(await manifest()).flatMap((k) => (/^lang-(?!.*-details$)/.test(k) ? [k.slice(5)] : []))

/** The Pisama page's switcher: each language by its own name, e.g. "日本語", "português (Brasil)". */
const switcher = (langs, current) =>
  langs
    .map((l) => {
      const name = new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l
      return `<a href="?lang=${l}" lang="${l}" hreflang="${l}"${l === current ? ' aria-current="page"' : ''}>${name}</a>`
    })
    .join(' ')

/** The regions Acme's switcher offers, one for each of its policies, and an unknown one. */
const REGIONS = {
  unknown: 'Unknown',
  DE: 'Germany',
  GB: 'United Kingdom',
  CH: 'Switzerland',
  'US-CA': 'California',
  'US-TX': 'Texas',
  'US-NY': 'New York',
  JP: 'Japan',
}
// Every platform's geo header (Vercel's, Cloudflare's, CloudFront's), whatever the region.
const GEO_HEADERS = Object.keys(platformHeaders('US-CA'))

/**
 * The request's headers as a platform would pass them on: `?region=US-CA` stands for a visitor
 * there, as if the platform's edge had set its geo headers (`?region=unknown`: none at all).
 * Without it, the headers as they came (the scanner's `--region` sends them itself).
 */
function geoHeaders(req, asked) {
  if (asked === null) return req.headers
  const headers = { ...req.headers }
  for (const name of GEO_HEADERS) delete headers[name]
  return isRegion(asked) ? { ...headers, ...platformHeaders(asked) } : headers
}

/** Acme's region switcher: each region with the policy the site gives it. */
const regionSwitcher = (policies, current) =>
  Object.entries(REGIONS)
    .map(([code, name]) => {
      const policy = policyFor(policies, isRegion(code) ? code : undefined)
      return `<a href="?region=${code}"${code === current ? ' aria-current="page"' : ''}>${name} (${policy})</a>`
    })
    .join(' ')

/**
 * Serves the demo. Receipts go to `store` (any consent-gate ReceiptStore), else to the embedded
 * store in `receiptsDir` (demo/data/receipts by default, git-ignored), which closing the server
 * closes.
 */
export async function startServer({
  port = 0,
  realTrackerHosts = false,
  log = () => {},
  store,
  receiptsDir = join(here, 'data', 'receipts'),
} = {}) {
  // The embedded store on a PGlite of our own, so the report can query the same database.
  let db
  if (!store) {
    mkdirSync(receiptsDir, { recursive: true })
    db = await PGlite.create(receiptsDir)
  }
  const receipts = store ?? (await pgliteStore(db))
  const receive = nodeHandler(async (request) => {
    const response = await handleReceipt(request, receipts, {
      sites: ['pisama', 'pigi', 'acme'],
      onError: (e) => log(`receipt store failed: ${e.message}`),
    })
    log(`receipt ${response.status}`)
    return response
  })
  const ga4Src = realTrackerHosts ? '' : 'data-ga4-src="/stand-ins/gtag.js"'
  // The video page's embed: YouTube's host (the end-to-end suite answers it), or a local stand-in.
  const embedSrc = realTrackerHosts ? 'https://www.youtube-nocookie.com/embed/pisama-intro' : '/stand-ins/embed.html'
  // Served under a real domain (as in the end-to-end suite), the marketing site and the
  // dashboard share one choice, as Pisama's do; on 127.0.0.1 there is no parent domain.
  const page = async (req, name, vars = {}) => {
    let html = await readFile(join(here, 'pages', name), 'utf8')
    for (const [k, v] of Object.entries(vars)) html = html.replaceAll(`{{${k}}}`, v)
    const domain = onPisamaTest(req.headers.host) ? 'data-cookie-domain="pisama.test"' : ''
    // `?lang=de` shows the banner in that language (the script tag's data-lang); the RTL page
    // gets Arabic from its own <html lang>.
    const langs = await languages()
    const asked = new URL(req.url, 'http://x').searchParams.get('lang')?.toLowerCase()
    const lang = langs.includes(asked) ? asked : undefined
    const own = html.match(/<html lang="([\w-]+)"/)?.[1]
    // A site with policies gets its server's word on this visitor's rules, rendered on its tag.
    const options = vars.SITE && optionsFor(vars.SITE, req.headers.host)
    const region = new URL(req.url, 'http://x').searchParams.get('region')
    const hint = options?.policies ? regionHint(geoHeaders(req, region), options) : undefined
    if (hint)
      html = html
        .replaceAll('{{REGION_HINT}}', `data-region-hint="${escapeHtml(hint)}"`)
        .replaceAll('{{REGIONS}}', regionSwitcher(options.policies, region ?? ''))
        .replaceAll('{{HINT}}', escapeHtml(hint))
        .replaceAll('{{CONFIG}}', JSON.stringify({ policies: options.policies }).replaceAll('<', '\\u003c'))
    // A visitor without a choice will see the banner: the browser fetches its chunk and texts
    // alongside the loader rather than after it ran (docs/performance.md, a sooner first banner),
    // in the language the banner will pick. Pigi never asks, so it gets none.
    // `?hints=off` leaves them out, as most sites will: the loader alone must be quick then too.
    if (vars.SITE && new URL(req.url, 'http://x').searchParams.get('hints') !== 'off')
      html = html.replaceAll(
        '{{PRELOAD}}',
        preloadHints(req.headers.cookie, options, {
          base: '/consent-gate/',
          lang: [lang, own].filter(Boolean),
          hint,
        }),
      )
    return html
      .replaceAll('{{PRELOAD}}', '')
      .replaceAll('{{GA4_SRC}}', ga4Src)
      .replaceAll('{{COOKIE_DOMAIN}}', domain)
      .replaceAll('{{LANG}}', lang ? `data-lang="${lang}"` : '')
      .replaceAll('{{LANGUAGES}}', switcher(langs, lang))
      .replaceAll('{{EMBED_SRC}}', embedSrc)
  }
  const file = (base, rest) => {
    const path = normalize(join(base, rest))
    if (!path.startsWith(base)) throw Object.assign(new Error('outside'), { code: 'ENOENT' })
    return readFile(path)
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x')
    const p = url.pathname
    const send = (body, type, headers = {}) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers })
      res.end(body)
    }
    /**
     * A page of a site. It re-issues the consent cookie from the server, so Safari keeps it for
     * its full term rather than the 7 days it allows a cookie written by script.
     */
    const sitePage = async (site, name, vars = {}, headers = {}) => {
      const cookies = [headers['set-cookie'] ?? []].flat()
      const refreshed = refreshCookie(req.headers.cookie, optionsFor(site, req.headers.host), { secure: false })
      if (refreshed) cookies.push(refreshed)
      send(
        await page(req, name, { SITE: site, ...vars }),
        TYPES['.html'],
        cookies.length ? { ...headers, 'set-cookie': cookies } : headers,
      )
    }
    try {
      if (p === '/stand-ins/collect' || p === '/_vercel/insights/view') {
        log(`hit ${req.method} ${req.url}`)
        res.writeHead(204).end()
      } else if (p === '/receipts' && req.method !== 'GET') await receive(req, res)
      else if (p === '/receipts')
        send(await receiptsPage(receipts, url.searchParams.get('consentId') || undefined, !!db), TYPES['.html'])
      else if (p === '/receipts/report.html' && db) {
        // `consent-gate receipts report`, made now from the demo's own store.
        await receipts.latest(1) // the schema, should no receipt have come yet
        const { receiptsReport } = await import('../dist/server/cli.js')
        const query = async (sql, params) => (await db.query(sql, params)).rows
        send((await receiptsReport(query, 'demo/data/receipts', {}, DESCRIBED)).html, TYPES['.html'])
      } else if (p === '/receipts.json') {
        const id = url.searchParams.get('consentId')
        send(JSON.stringify(id ? await receipts.receiptsFor(id) : await receipts.latest(100)), TYPES['.json'])
      } else if (p === '/receipts.ndjson') {
        // The whole export, streamed from the store as it is read.
        res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' })
        for await (const part of receipts.exportReceipts()) res.write(part)
        res.end()
      } else if (p === '/' || p === '/index.html') send(await page(req, 'index.html'), TYPES['.html'])
      else if (p === '/pisama/' || p === '/pisama') await sitePage('pisama', 'pisama.html', MARKETING)
      else if (p === '/pisama/rtl/') await sitePage('pisama', 'rtl.html')
      else if (p === '/pisama/video/' || p === '/pisama/video') send(await page(req, 'video.html'), TYPES['.html'])
      else if (p === '/pisama/headless/' || p === '/pisama/headless') send(await page(req, 'headless.html'), TYPES['.html'])
      else if (p.startsWith('/pisama/app'))
        await sitePage('pisama', 'app.html', {}, { 'set-cookie': 'pisama_session=demo; Path=/; HttpOnly; SameSite=Lax' })
      else if (p === '/pigi/' || p === '/pigi')
        await sitePage(
          'pigi',
          'pigi.html',
          {},
          {
            'set-cookie': ['pigi_session=demo; Path=/; HttpOnly; SameSite=Lax', 'XSRF-TOKEN=demo-token; Path=/; SameSite=Lax'],
          },
        )
      else if (p === '/pisama/privacy' || p === '/pigi/privacy') {
        const site = p.split('/')[1]
        await sitePage(site, 'privacy.html', PRIVACY[site])
      } else if (p === '/leaky/' || p === '/leaky') send(await page(req, 'leaky.html'), TYPES['.html'])
      else if (p === '/strict-csp/' || p === '/strict-csp')
        await sitePage('pisama', 'pisama.html', STRICT, { 'content-security-policy': STRICT_CSP })
      else if (p === '/trusted-types/')
        await sitePage('pisama', 'pisama.html', TRUSTED, { 'content-security-policy': TRUSTED_TYPES })
      else if (p === '/acme/' || p === '/acme') await sitePage('acme', 'acme.html', ACME_PAGE)
      else if (p === '/acme/advanced/') await sitePage('acme', 'acme.html', ACME_ADVANCED)
      else if (/^\/stand-ins\/(gtm|clarity|bat)\.js$/.test(p))
        // Each with the cookie writer they share ahead of it.
        send(
          Buffer.concat([await file(join(here, 'stand-ins'), 'cookie.js'), await file(join(here, 'stand-ins'), p.slice(11))]),
          TYPES['.js'],
        )
      else if (p === '/stand-ins/embed.html') send(await file(join(here, 'stand-ins'), 'embed.html'), TYPES['.html'])
      else if (p === '/stand-ins/gtag.js') send(await file(join(here, 'stand-ins'), 'gtag.js'), TYPES['.js'])
      else if (p === '/_vercel/insights/script.js') send(await file(join(here, 'stand-ins'), 'vercel.js'), TYPES['.js'])
      else if (p.startsWith('/consent-gate/'))
        send(await file(join(root, 'dist'), p.slice(14)), TYPES[extname(p)] ?? 'application/octet-stream')
      // Pages name the icon; this answers browsers that ask for the default one anyway.
      else if (p === '/favicon.ico') send(await file(join(here, 'assets'), 'favicon.svg'), TYPES['.svg'])
      else if (p.startsWith('/demo-assets/'))
        send(await file(join(here, 'assets'), p.slice(13)), TYPES[extname(p)] ?? 'application/octet-stream')
      else if (p.startsWith('/demo-build/'))
        send(await file(join(here, 'build'), p.slice(12)), TYPES[extname(p)] ?? 'application/octet-stream')
      else res.writeHead(404).end('not found')
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' ? 404 : 500).end(String(e.code ?? e))
    }
  })
  // The embedded store this server opened closes with it.
  if (!store) server.on('close', () => receipts.close())
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildApp()
  const server = await startServer({
    port: Number(process.env.PORT ?? 4173),
    realTrackerHosts: process.env.DEMO_TRACKER_HOSTS === 'real',
    log: (line) => console.log(line),
  })
  const base = `http://127.0.0.1:${server.address().port}`
  console.log(`consent-gate demo on ${base}/`)
  for (const path of [
    '/pisama/',
    '/pisama/?lang=ja',
    '/pisama/rtl/',
    '/pisama/app/',
    '/pisama/video/',
    '/pisama/headless/',
    '/pigi/',
    '/acme/',
    '/acme/?region=US-CA',
    '/acme/?region=JP',
    '/acme/advanced/',
    '/pisama/privacy',
    '/pigi/privacy',
    '/strict-csp/',
    '/trusted-types/',
    '/leaky/',
    '/receipts',
  ])
    console.log(`  ${base}${path}`)
}
