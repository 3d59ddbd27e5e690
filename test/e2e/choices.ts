import type { Options } from '../../src/config/options'
import { madePage, type Session } from './browser'

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

/**
 * A page of Acme's whose server said where the visitor is (`data-region-hint`, as its server renders
 * it per request), with `body` after some text, on Acme's host.
 */
export const acme = (s: Session, hint: string, { body = '', html = 'lang="en"', options = {} as Options } = {}) =>
  madePage(
    s,
    '/acme/',
    `<!doctype html><html ${html}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<script type="application/json" id="acme-consent">${JSON.stringify({ ...ACME, ...options })}</script>
<script src="/consent-gate/consent-gate.js" data-config="acme-consent" data-region-hint="${hint}" defer></script></head>
<body><h1>Acme</h1><p>${'Acme makes anvils that last. '.repeat(40)}</p>${body}</body></html>`,
    'www.acme.test',
  )
