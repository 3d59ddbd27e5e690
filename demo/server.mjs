// The demo server: pages, the built SDK, tracker stand-ins, and a log of every tracker hit.
// Listens on 127.0.0.1 only. PORT=0 picks a free port. DEMO_TRACKER_HOSTS=real makes pages load
// gtag.js from its real host (the end-to-end suite answers that host itself).
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

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
    // Pigi shows no banner, so there is nothing to preload.
    PRELOAD: '',
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
 * A visitor without a choice will see the banner: these tags have the browser fetch its chunk and
 * its texts in the page's language (English unless chosen) alongside the loader, rather than after
 * it ran (README: a sooner first banner). The demo keeps the default cookie name. `base` is where
 * dist/ is served.
 */
export async function preloadLinks(cookie = '', base, lang = 'en') {
  if (/(^|;\s*)consent_gate=/.test(cookie)) return ''
  const chunks = await manifest()
  return [chunks.ui, chunks[`lang-${lang}`]].map((f) => `<link rel="modulepreload" href="${base}${f}" />`).join('')
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

export function startServer({ port = 0, realTrackerHosts = false, log = () => {} } = {}) {
  const ga4Src = realTrackerHosts ? '' : 'data-ga4-src="/stand-ins/gtag.js"'
  // The video page's embed: YouTube's host (the end-to-end suite answers it), or a local stand-in.
  const embedSrc = realTrackerHosts ? 'https://www.youtube-nocookie.com/embed/pisama-intro' : '/stand-ins/embed.html'
  // Served under a real domain (as in the end-to-end suite), the marketing site and the
  // dashboard share one choice, as Pisama's do; on 127.0.0.1 there is no parent domain.
  const page = async (req, name, vars = {}) => {
    let html = await readFile(join(here, 'pages', name), 'utf8')
    for (const [k, v] of Object.entries(vars)) html = html.replaceAll(`{{${k}}}`, v)
    const domain = /(^|\.)pisama\.test(:\d+)?$/.test(req.headers.host ?? '') ? 'data-cookie-domain="pisama.test"' : ''
    // `?lang=de` shows the banner in that language (the script tag's data-lang); the RTL page
    // gets Arabic from its own <html lang>.
    const langs = await languages()
    const asked = new URL(req.url, 'http://x').searchParams.get('lang')?.toLowerCase()
    const lang = langs.includes(asked) ? asked : undefined
    const own = html.match(/<html lang="([\w-]+)"/)?.[1]
    const preload = lang ?? (langs.includes(own) ? own : 'en')
    if (html.includes('{{PRELOAD}}'))
      html = html.replaceAll('{{PRELOAD}}', await preloadLinks(req.headers.cookie, '/consent-gate/', preload))
    return html
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

  // Proof of consent as a site's backend would keep it; GET /receipts lists what arrived.
  const receipts = []
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x')
    const p = url.pathname
    const send = (body, type, headers = {}) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers })
      res.end(body)
    }
    try {
      if (p === '/stand-ins/collect' || p === '/_vercel/insights/view') {
        log(`hit ${req.method} ${req.url}`)
        res.writeHead(204).end()
      } else if (p === '/receipts' && req.method === 'POST') {
        let body = ''
        for await (const part of req) body += part
        if (receipts.push(JSON.parse(body)) > 100) receipts.shift()
        log(`receipt ${body}`)
        res.writeHead(204).end()
      } else if (p === '/receipts') send(JSON.stringify(receipts), TYPES['.json'])
      else if (p === '/' || p === '/index.html') send(await page(req, 'index.html'), TYPES['.html'])
      else if (p === '/pisama/' || p === '/pisama') send(await page(req, 'pisama.html', MARKETING), TYPES['.html'])
      else if (p === '/pisama/rtl/') send(await page(req, 'rtl.html'), TYPES['.html'])
      else if (p === '/pisama/video/' || p === '/pisama/video') send(await page(req, 'video.html'), TYPES['.html'])
      else if (p === '/pisama/headless/' || p === '/pisama/headless') send(await page(req, 'headless.html'), TYPES['.html'])
      else if (p.startsWith('/pisama/app'))
        send(await page(req, 'app.html'), TYPES['.html'], { 'set-cookie': 'pisama_session=demo; Path=/; HttpOnly; SameSite=Lax' })
      else if (p === '/pigi/' || p === '/pigi')
        send(await page(req, 'pigi.html'), TYPES['.html'], {
          'set-cookie': ['pigi_session=demo; Path=/; HttpOnly; SameSite=Lax', 'XSRF-TOKEN=demo-token; Path=/; SameSite=Lax'],
        })
      else if (p === '/pisama/privacy' || p === '/pigi/privacy') {
        const site = p.split('/')[1]
        const vars = { SITE: site, ...PRIVACY[site] }
        send(await page(req, 'privacy.html', vars), TYPES['.html'])
      } else if (p === '/leaky/' || p === '/leaky') send(await page(req, 'leaky.html'), TYPES['.html'])
      else if (p === '/strict-csp/' || p === '/strict-csp')
        send(await page(req, 'pisama.html', STRICT), TYPES['.html'], { 'content-security-policy': STRICT_CSP })
      else if (p === '/trusted-types/')
        send(await page(req, 'pisama.html', TRUSTED), TYPES['.html'], { 'content-security-policy': TRUSTED_TYPES })
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
    '/pisama/privacy',
    '/pigi/privacy',
    '/strict-csp/',
    '/trusted-types/',
    '/leaky/',
  ])
    console.log(`  ${base}${path}`)
}
