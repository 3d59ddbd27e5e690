import type { Category } from '../config/profiles'
import { own } from '../config/own'
import type { Receipt } from '../config/options'
import type { ConsentRecord } from './record'

export type { Receipt }

/** The receipt lists the offered categories only: a record may hold one the site no longer offers. */
export const toReceipt = (r: ConsentRecord, site: string, sdkVersion: string, offered: readonly Category[]): Receipt => ({
  consentId: r.id,
  givenAt: new Date(r.at).toISOString(),
  expiresAt: new Date(r.expires).toISOString(),
  site,
  revision: r.revision,
  choices: Object.fromEntries(offered.filter((c) => own(r.choices, c)).map((c) => [c, r.choices[c]])),
  via: r.via,
  sdkVersion,
})

/**
 * Posts the receipt as JSON without cookies. `sendBeacon` always sends credentials, so this is a
 * keepalive fetch, which outlives the page the same way. A failure never reaches the page. The
 * request's settings are prototype-free: a polluted `Object.prototype.referrer` adds nothing.
 */
export const sendReceipt = (url: string, receipt: Receipt): void =>
  void fetch(url, {
    __proto__: null,
    method: 'POST',
    keepalive: true,
    credentials: 'omit',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(receipt),
  } as RequestInit).catch(() => {})
