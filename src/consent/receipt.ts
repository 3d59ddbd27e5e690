import type { Category } from '../config/profiles'
import { own } from '../config/own'
import type { Receipt } from '../config/options'
import type { ConsentRecord } from './record'

export type { Receipt }

/**
 * What this page knows of a choice beyond its record: what was shown, and the GPC signal. Kept
 * with the record in memory only (the cookie stays small), so a choice read from the cookie, made
 * on an earlier page or in another tab, has none of it: the tab that made it sent it.
 */
export type Shown = Pick<Receipt, 'lang' | 'wording' | 'gpc' | 'region' | 'policy'>

/** The receipt lists the offered categories only: a record may hold one the site no longer offers. */
export const toReceipt = (
  { id, at, expires, revision, choices, via, ...shown }: ConsentRecord & Shown,
  site: string,
  sdkVersion: string,
  offered: readonly Category[],
): Receipt => ({
  consentId: id,
  givenAt: new Date(at).toISOString(),
  expiresAt: new Date(expires).toISOString(),
  site,
  revision,
  choices: Object.fromEntries(offered.filter((c) => own(choices, c)).map((c) => [c, choices[c]])),
  via,
  sdkVersion,
  ...shown,
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
