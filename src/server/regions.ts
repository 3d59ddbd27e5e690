import { own } from '../config/own'
import { isRegion } from '../config/geo'
import { rulesOf, type Policies, type Policy } from '../config/regions'

/** A preset group of regions a site may name in `policies`, with the law it follows (docs/regions.md). */
export interface RegionGroup {
  /** ISO 3166-1 country codes (`DE`) and ISO 3166-2 subdivisions (`US-CA`), as `regionOf` gives them. */
  readonly members: readonly string[]
  /** The law that makes these regions ask first, or lets them opt out. */
  readonly law: string
  /** Where the list of members can be checked. */
  readonly source: string
  /** When the members were last checked against the source (ISO 8601 date). */
  readonly checked: string
}

// The EU's outermost regions and Åland are in the EU, but geolocation names them by their own
// country codes rather than as subdivisions of France or Finland.
const EU = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'
const EU_OWN_CODES = 'AX GF GP MF MQ RE YT'

/**
 * The groups a site may name in `policies` (the names POLICY_KEY accepts). Each is data, not a
 * legal opinion: which law applies to a site is its own question, and laws change (see `checked`).
 */
export const REGION_GROUPS: Readonly<Record<'eea' | 'uk' | 'ch' | 'us-privacy', RegionGroup>> = {
  eea: {
    members: `${EU} ${EU_OWN_CODES} IS LI NO`.split(' '),
    law: 'ePrivacy Directive 2002/58/EC, art. 5(3), with the GDPR (EU 2016/679) for what consent is; in the EEA by the EEA Agreement',
    source: 'https://eur-lex.europa.eu/eli/dir/2002/58/oj',
    checked: '2026-12-05',
  },
  uk: {
    members: ['GB'],
    law: 'Privacy and Electronic Communications Regulations 2003 (PECR), regulation 6, with the UK GDPR',
    source: 'https://www.legislation.gov.uk/uksi/2003/2426/regulation/6',
    checked: '2026-12-05',
  },
  ch: {
    members: ['CH'],
    law: 'Federal Act on Data Protection (revised FADP, in force 1 September 2023) and Telecommunications Act art. 45c',
    source: 'https://www.fedlex.admin.ch/eli/cc/2022/491/en',
    checked: '2026-12-05',
  },
  'us-privacy': {
    members: 'CA CO CT DE IA IN KY MD MN MT NE NH NJ OR RI TN TX UT VA'.split(' ').map((s) => 'US-' + s),
    law: "Each state's comprehensive consumer privacy law (the table in docs/regions.md): a right to opt out of sale, sharing and targeted advertising",
    source: 'https://iapp.org/resources/article/us-state-privacy-legislation-tracker/',
    checked: '2026-12-05',
  },
}

/**
 * The policy for a visitor from `region` under the site's `policies`: the most specific entry
 * wins: the subdivision (`US-CA`), a group holding it, the country (`US`), a group holding the
 * country, then `*`, else opt-in. A missing or malformed region (Cloudflare's `XX` unknown and
 * `T1` Tor among them) gets the strictest policy the site uses anywhere, as in the browser.
 */
export function policyFor(policies: Policies, region?: string): Policy {
  if (!isRegion(region)) return rulesOf(policies, []).policy
  for (const code of new Set([region, region.slice(0, 2)])) {
    if (own(policies, code)) return policies[code]
    for (const [group, { members }] of Object.entries(REGION_GROUPS))
      if (own(policies, group) && members.includes(code)) return policies[group]
  }
  return own(policies, '*') ? policies['*'] : 'opt-in'
}
