import type { Page } from 'playwright-core'
import type { Options } from '../../src/config/options'
import type { Session } from './browser'

/** A site with visitors in many places: opt-in by default, opt-out in the US states with privacy laws, a notice in Japan. */
export const ACME: Options = {
  site: 'acme',
  ga4: { measurementId: 'G-ACME1234' },
  policyUrl: '/privacy',
  policies: { 'us-privacy': 'opt-out', JP: 'notice' },
}

export const NOTICE = '[data-consent-gate="notice"]'
/** Our "Your privacy choices" link in a corner (the floating button's place). */
export const CORNER = '[data-consent-gate-host] [data-action="open-preferences"]'
export const OPTED_OUT = '[data-consent-gate="opted-out"]'

/** What each page answers at /acme/: the last page `acme` made for it. */
const served = new WeakMap<Page, { body: string }>()

/**
 * A page of Acme's whose server said where the visitor is (`data-region-hint`, as its server renders
 * it per request), with `body` after some text. Served on Acme's host; the SDK's files are fetched
 * from the demo server and handed on (Chromium keeps a page that came from nowhere from loading
 * the loopback server's files).
 */
export async function acme(s: Session, hint: string, { body = '', html = 'lang="en"', options = {} as Options } = {}) {
  let page = served.get(s.page)
  if (!page) {
    served.set(s.page, (page = { body: '' }))
    const answer = page
    await s.page.route('**/consent-gate/**', async (route) =>
      route.fulfill({ response: await route.fetch({ url: route.request().url().replace('www.acme.test', '127.0.0.1') }) }),
    )
    await s.page.route('**/acme/', (route) => route.fulfill({ body: answer.body, contentType: 'text/html' }))
  }
  page.body = `<!doctype html><html ${html}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<script type="application/json" id="acme-consent">${JSON.stringify({ ...ACME, ...options })}</script>
<script src="/consent-gate/consent-gate.js" data-config="acme-consent" data-region-hint="${hint}" defer></script></head>
<body><h1>Acme</h1><p>${'Acme makes anvils that last. '.repeat(40)}</p>${body}</body></html>`
  await s.page.goto(s.url('/acme/', 'www.acme.test'))
}
