import type { Choices, Via } from '../ui/context'
import type { ConsentRecord } from './record'

/** Proof of one choice (GDPR Art. 7(1)): what was chosen, when, how, under which revision. */
export interface Receipt {
  consentId: string
  /** ISO 8601 time the choice was given. */
  givenAt: string
  expiresAt: string
  site: string
  revision: string
  choices: Choices
  via: Via
  sdkVersion: string
}

export const toReceipt = (r: ConsentRecord, site: string, sdkVersion: string): Receipt => ({
  consentId: r.id,
  givenAt: new Date(r.at).toISOString(),
  expiresAt: new Date(r.expires).toISOString(),
  site,
  revision: r.revision,
  choices: r.choices,
  via: r.via,
  sdkVersion,
})
