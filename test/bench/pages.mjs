// The bench's pages and the server that serves them: the same page with consent-gate and with
// each peer, one analytics category gating GA4, every library served gzip -9 from 127.0.0.1.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { crc32, deflateSync, gzipSync } from 'node:zlib'
import { preloadHints } from '../../dist/server/index.js'

const root = join(import.meta.dirname, '../..')
const mod = (p) => join(root, 'node_modules', p)
const pkgVersion = (name) => JSON.parse(readFileSync(mod(`${name}/package.json`), 'utf8')).version

export const OURS = 'consent-gate'
export const GA = `https://www.googletagmanager.com/gtag/js?id=G-BENCH1234`

/**
 * Each library: where its files are served from, its banner and its buttons (CSS selectors; ours
 * live in an open shadow root, which Playwright's locators and our probe pierce), and its
 * preferences dialog and its "Save" where it has one. `categories`: it offers categories (issue
 * 25 compares our first banner without hints with the fastest of these).
 */
export const LIBS = {
  [OURS]: {
    dir: join(root, 'dist'),
    version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    banner: '[data-consent-gate=banner]',
    accept: '[data-consent-gate=banner] [data-action=accept-all]',
    reject: '[data-consent-gate=banner] [data-action=reject-all]',
    customise: '[data-consent-gate=banner] [data-action=customise]',
    dialog: '[data-consent-gate=preferences]',
    save: '[data-consent-gate=preferences] [data-action=save]',
  },
  cookieconsent: {
    dir: mod('cookieconsent/build'),
    version: pkgVersion('cookieconsent'),
    banner: '.cc-window',
    accept: '.cc-window .cc-allow',
    reject: '.cc-window .cc-deny',
    // Its opt-in banner has two buttons and no preferences dialog.
  },
  orejime: {
    dir: mod('orejime/dist'),
    version: pkgVersion('orejime'),
    categories: true,
    banner: '.orejime-Banner',
    accept: '.orejime-Banner-saveButton',
    reject: '.orejime-Banner-declineButton',
    customise: '.orejime-Banner-learnMoreButton',
    dialog: '.orejime-Modal',
    save: '.orejime-Modal-saveButton',
  },
  'vanilla-cookieconsent': {
    dir: mod('vanilla-cookieconsent/dist'),
    version: pkgVersion('vanilla-cookieconsent'),
    categories: true,
    banner: '#cc-main .cm',
    accept: '#cc-main .cm [data-role=all]',
    reject: '#cc-main .cm [data-role=necessary]',
    customise: '#cc-main .cm [data-role=show]',
    dialog: '#cc-main .pm',
    save: '#cc-main .pm [data-role=save]',
  },
  klaro: {
    dir: mod('klaro/dist'),
    version: pkgVersion('klaro'),
    categories: true,
    banner: '.klaro .cookie-notice',
    accept: '.klaro .cookie-notice .cm-btn-success',
    reject: '.klaro .cookie-notice .cn-decline',
    customise: '.klaro .cookie-notice .cn-learn-more',
    dialog: '.klaro .cookie-modal',
    save: '.klaro .cookie-modal .cm-btn-accept',
  },
}

/**
 * Our page's variants. `pisama`: GA4 and Vercel Web Analytics behind analytics, as the demo's
 * Pisama; `hints`: the same with the server's preload hints; `pigi`: a site without trackers;
 * `embed`: Pisama with a video embed gated behind marketing, written as the demo's video page;
 * `click`: Pisama sending a receipt of each choice to the site, as a site that keeps them does;
 * `hero`: Pisama with a hero image (every library's page has this variant).
 */
const ourTag = (attrs) => `<script src="/lib/${OURS}/consent-gate.js" ${attrs} data-policy-url="/privacy" defer></script>`
const PISAMA = 'data-site="pisama" data-ga4="G-BENCH1234" data-vercel'
const OUR_HEAD = {
  pisama: ourTag(PISAMA),
  hints: ourTag(PISAMA),
  pigi: ourTag('data-site="pigi"'),
  embed: ourTag(`${PISAMA} data-categories="marketing"`),
  click: ourTag(`${PISAMA} data-receipt-url="/receipts"`),
  hero: ourTag(PISAMA),
}
// The options the `hints` page's tag gives: the server reads the consent cookie with the same.
const HINT_OPTIONS = { site: 'pisama', ga4: { measurementId: 'G-BENCH1234' }, vercel: true }

// Each peer's own way of writing the same thing: GA4 gated behind one analytics category.
const HEAD = {
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
}
const GATED = {
  orejime: `<script type="opt-in" data-type="text/javascript" data-purpose="analytics" data-src="${GA}"></script>`,
  'vanilla-cookieconsent': `<script type="text/plain" data-category="analytics" data-src="${GA}"></script>`,
  klaro: `<script type="text/plain" data-type="text/javascript" data-name="analytics" data-src="${GA}"></script>`,
}
const INIT = {
  'cookieconsent-init.js': `window.cookieconsent.initialise({ type: 'opt-in', content: { message: 'We measure visits in aggregate with your consent.', href: '/privacy' },
  onStatusChange: function (s) { if (this.hasConsented()) { var g = document.createElement('script'); g.src = '${GA}'; document.head.append(g) } },
  onInitialise: function (s) { if (this.hasConsented()) { var g = document.createElement('script'); g.src = '${GA}'; document.head.append(g) } } })`,
  'orejime-config.js': `window.orejimeConfig = { privacyPolicyUrl: '/privacy', purposes: [{ id: 'analytics', title: 'Analytics', cookies: ['_ga', /^_ga_/] }] }`,
  'vcc-init.js': `CookieConsent.run({ hideFromBots: false, categories: { necessary: { enabled: true, readOnly: true }, analytics: { autoClear: { cookies: [{ name: /^_ga/ }] } } },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'Your privacy choices', description: 'We measure visits in aggregate with your consent.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Customise' },
    preferencesModal: { title: 'Cookie preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save choices',
      sections: [{ title: 'Essential', linkedCategory: 'necessary' }, { title: 'Analytics', description: 'Aggregate statistics.', linkedCategory: 'analytics' }] } } } } })`,
  'klaro-config.js': `window.klaroConfig = { privacyPolicy: '/privacy', mustConsent: false, acceptAll: true, hideDeclineAll: false,
  services: [{ name: 'analytics', title: 'Google Analytics', purposes: ['analytics'], cookies: [/^_ga/] }] }`,
}

// The embed as the demo's video page writes it; its URL is answered by the browser context.
const EMBED = `<iframe data-bench-embed data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/pisama-intro"
  width="560" height="315" title="Pisama in two minutes (video)" allow="encrypted-media; picture-in-picture" allowfullscreen></iframe>
<p data-bench-content>Text below the video stays where it is when the video loads.</p>`

/**
 * A hero image of ordinary size above the heading: 640 × 360, about 30 KB, drawn full width.
 * Grey noise on a gradient, so that Chromium counts it for LCP (it leaves out images with too few
 * bytes per pixel), made here rather than kept in the repository.
 */
const HERO = `<img data-bench-content src="/hero.png" width="640" height="360" alt="Pisama's planner on a phone" style="display:block;width:100%;height:auto">`
let seed = 1
const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 1
const png = (w, h) => {
  // One random bit per 2 × 2 block of pixels.
  const bits = Array.from({ length: (w * h) / 4 }, noise)
  const rows = Buffer.alloc((w + 1) * h)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) rows[y * (w + 1) + 1 + x] = 60 + (x * 120) / w + bits[(y >> 1) * (w >> 1) + (x >> 1)] * 24
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    out.write(type, 4, 'latin1')
    data.copy(out, 8)
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
    return out
  }
  const head = Buffer.alloc(13)
  head.writeUInt32BE(w, 0)
  head.writeUInt32BE(h, 4)
  head[8] = 8 // 8-bit grey
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', head),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
const HERO_PNG = png(640, 360)

/** `lib` is a library, or `none` for the same page without a consent manager. */
function page(lib, variant, cookie) {
  const ours = lib === OURS
  const head = ours ? OUR_HEAD[variant] : (HEAD[lib] ?? '')
  const hints = ours && variant === 'hints' ? preloadHints(cookie, HINT_OPTIONS, { base: `/lib/${OURS}/`, lang: 'en' }) : ''
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Bench: ${lib}</title>
${hints}${head}
</head><body>
${variant === 'hero' ? HERO : ''}
<h1 data-bench-content>${ours && variant === 'pigi' ? 'Pigi' : 'Pisama'}</h1>
${'<p data-bench-content>Pisama helps small teams plan their week. This paragraph stands for the content of a real marketing page, long enough to wrap across several lines on a desktop screen.</p>\n'.repeat(6)}
${ours && variant === 'embed' ? EMBED : ''}
${GATED[lib] ?? ''}
</body></html>`
}

const gz = new Map()
/** gzip -9 of a served file, as the browser receives it. */
export const gzipped = (file) => gz.get(file) ?? gz.set(file, gzipSync(readFileSync(file), { level: 9 })).get(file)
/** The file behind a `/lib/<library>/…` path. */
export const libFile = (path) => {
  const [, , name, ...rest] = path.split('/')
  return join(LIBS[name].dir, ...rest)
}
const TYPES = { js: 'text/javascript', css: 'text/css', html: 'text/html; charset=utf-8' }
const EMPTY_SCRIPT = Buffer.from('')

/**
 * Serves `/bench/<library>[/<variant>]`, the libraries under `/lib/`, the peers' set-up scripts
 * under `/page/`, and Vercel's same-origin script as an empty stand-in. 127.0.0.1 only.
 */
export async function startServer(port = 0) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x')
    const [, kind, name, ...rest] = url.pathname.split('/')
    try {
      let body
      let type = TYPES.html
      if (kind === 'bench') body = Buffer.from(page(name, rest[0] || 'pisama', req.headers.cookie))
      else if (kind === 'page' && INIT[name]) ((body = Buffer.from(INIT[name])), (type = TYPES.js))
      else if (kind === '_vercel') ((body = EMPTY_SCRIPT), (type = TYPES.js))
      else if (kind === 'hero.png')
        return res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' }).end(HERO_PNG)
      // Receipts of the \`click\` page: taken and dropped.
      else if (kind === 'receipts' && req.method === 'POST') return req.resume().on('end', () => res.writeHead(204).end())
      else if (kind === 'lib' && LIBS[name]) {
        const file = libFile(url.pathname)
        if (!file.startsWith(LIBS[name].dir)) throw new Error('outside')
        res.writeHead(200, {
          'content-type': TYPES[file.split('.').pop()] ?? 'application/octet-stream',
          'content-encoding': 'gzip',
          // Cacheable, as a site serves them: a view with the cache disabled is cold, and a
          // returning view after two others is warm (HTTP cache and V8's code cache).
          'cache-control': 'max-age=3600',
        })
        return res.end(gzipped(file))
      } else if (kind === 'privacy') body = Buffer.from('<!doctype html><title>Privacy</title>')
      else return res.writeHead(404).end()
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise((r) => server.listen(port, '127.0.0.1', r))
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }
}

/**
 * Tracker and embed hosts (every https URL) answered in the browser: an empty script, or an empty
 * page. Through CDP's Fetch domain with a URL pattern, so only those requests stop on their way:
 * a Playwright route would send every request of the page, the libraries' own files included,
 * through this process and back, and delay each by however busy it is.
 */
export async function standIns(cdp) {
  cdp.on('Fetch.requestPaused', ({ requestId, resourceType }) => {
    const script = resourceType === 'Script'
    const body = Buffer.from(script ? '' : '<!doctype html><title>stand-in</title>').toString('base64')
    const type = script ? 'text/javascript' : 'text/html'
    cdp
      .send('Fetch.fulfillRequest', {
        requestId,
        responseCode: 200,
        responseHeaders: [{ name: 'content-type', value: type }],
        body,
      })
      .catch(() => {})
  })
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: 'https://*', requestStage: 'Request' }] })
}
