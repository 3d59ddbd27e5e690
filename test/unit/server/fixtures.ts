// What the server tests share: a stored record as the browser writes it, and a receipt as it sends one.
import type { ConsentRecord } from '../../../src/consent/record'

export const DAY = 864e5
export const NOW = Date.UTC(2026, 10, 24, 12)

/** A current record of revision 1, given a day ago, granting analytics. */
export const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  revision: '1',
  id: 'abcdefgh12345678',
  at: NOW - DAY,
  expires: NOW + 100 * DAY,
  choices: { analytics: true },
  via: 'banner',
  ...over,
})

/** A valid receipt of a refusal given a second ago (by the real clock), under `consentId`. */
export const receipt = (consentId: string) => ({
  consentId,
  givenAt: new Date(Date.now() - 1000).toISOString(),
  expiresAt: new Date(Date.now() + DAY).toISOString(),
  site: 'pisama',
  revision: '1',
  choices: { analytics: false },
  via: 'dialog',
  sdkVersion: '0.1.0',
})
