import { CATEGORIES, type Category } from '../config/profiles'
import { POLICIES } from '../config/regions'
import { own } from '../config/own'
import type { Receipt } from '../consent/receipt'
import { DAY_MS, SKEW_MS, VIAS, type Choices } from '../consent/record'

// A choice lasts 395 days at most (the `lifetimeDays` option's ceiling).
const MAX_LIFETIME_MS = 395 * DAY_MS
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

/** A time exactly as `Date.prototype.toISOString` writes it, and a real one (no 30 February). */
const isoTime = (v: unknown): number | undefined => {
  if (typeof v !== 'string' || !ISO.test(v)) return
  const t = Date.parse(v)
  return t > 0 && new Date(t).toISOString() === v ? t : undefined
}

const FIELDS = ['consentId', 'givenAt', 'expiresAt', 'site', 'revision', 'choices', 'via', 'sdkVersion'] as const
/** Fields a receipt has when its SDK knew them: older SDKs, and a choice through the API, leave some out. */
const OPTIONAL = ['lang', 'wording', 'gpc', 'region', 'policy'] as const
// The ways of choosing that show texts: only their receipts say what was shown.
const SHOWN = ['banner', 'dialog', 'embed']

/** Each field of a receipt as the SDK writes it (receipt.ts, record.ts), and what the reason says. */
const RULES: Record<Exclude<(typeof FIELDS | typeof OPTIONAL)[number], 'choices'>, [test: (v: any) => boolean, says: string]> = {
  consentId: [(v) => typeof v === 'string' && /^[a-z0-9]{8,32}$/.test(v), 'must be 8 to 32 of a-z and 0-9'],
  givenAt: [(v) => isoTime(v) !== undefined, 'must be an ISO 8601 time such as 2026-01-31T12:00:00.000Z'],
  expiresAt: [(v) => isoTime(v) !== undefined, 'must be an ISO 8601 time such as 2026-07-31T12:00:00.000Z'],
  // A profile's name: at most 64 characters, none of them a control or format character (a bidi
  // override would disguise it in an audit) nor half a surrogate pair (two would store alike).
  site: [
    (v) => typeof v === 'string' && v.length <= 64 && /^[^\p{Cc}\p{Cf}\p{Cs}]+$/u.test(v),
    'must be a site name of 1 to 64 characters',
  ],
  revision: [(v) => typeof v === 'string' && /^[\w.-]{1,32}$/.test(v), 'must be 1 to 32 of letters, digits, _ . -'],
  via: [(v) => VIAS.includes(v), 'must be one of ' + VIAS.join(', ')],
  sdkVersion: [
    (v) => typeof v === 'string' && /^\d+\.\d+\.\d+(-[\w.-]+)?$/.test(v) && v.length <= 32,
    'must be a version such as 1.2.3',
  ],
  // A language we ship (`pt-br`) or one a site's `texts` add, as the option allows its keys.
  lang: [
    (v) => typeof v === 'string' && v.length <= 35 && /^[a-z]{2,3}(-[a-z\d]{2,8})*$/i.test(v),
    'must be a language tag such as de or pt-BR',
  ],
  // SHA-256 in base64url without padding (consent/shown.ts).
  wording: [(v) => typeof v === 'string' && /^[\w-]{43}$/.test(v), 'must be a SHA-256 digest in base64url (43 characters)'],
  gpc: [(v) => typeof v === 'boolean', 'must be true or false'],
  // Where the visitor was and the rules that applied, on a site with rules by region (docs/regions.md).
  region: [(v) => typeof v === 'string' && /^[A-Z]{2}(-[A-Z\d]{1,3})?$/.test(v), 'must be a region code such as DE or US-CA'],
  policy: [(v) => POLICIES.includes(v), 'must be one of ' + POLICIES.join(', ')],
}

/** A name fit to quote in a reason: anything else is not echoed back. */
const quote = (key: string) => (/^[\w$-]{1,40}$/.test(key) ? `"${key}"` : '(a name we do not quote)')

export interface ReceiptCheck {
  /** The sites this endpoint takes receipts for; any site name when not given. */
  sites?: readonly string[]
  /** The server's time, ms since the epoch: a receipt from further ahead than clocks drift is refused. */
  now: number
}

/**
 * A receipt exactly as the SDK sends it, or the one-line reason it is not: every field present,
 * of its type and length, nothing else (`__proto__` and `constructor` are just unknown keys), own
 * properties only. Returns a new object in a fixed key order, so equal receipts are equal text.
 */
export function checkReceipt(value: unknown, { sites, now }: ReceiptCheck): Receipt | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'the body must be a JSON object'
  const given = value as Record<string, unknown>
  for (const key of Object.keys(given)) if (![...FIELDS, ...OPTIONAL].includes(key as never)) return `unknown field ${quote(key)}`
  for (const key of FIELDS) if (!own(given, key)) return `missing field "${key}"`
  for (const [key, [test, says]] of Object.entries(RULES))
    if ((own(given, key) || !OPTIONAL.includes(key as never)) && !test(given[key])) return `field "${key}" ${says}`
  for (const key of ['lang', 'wording'])
    if (own(given, key) && !SHOWN.includes(given.via as string))
      return `field "${key}" belongs to a choice made in the ${SHOWN.join(', ')}, not via ${given.via}`
  if (own(given, 'wording') && !own(given, 'lang')) return 'field "wording" comes with the "lang" it was shown in'
  if (own(given, 'region') && !own(given, 'policy')) return 'field "region" comes with the "policy" that applied there'
  const choices = given.choices
  if (!choices || typeof choices !== 'object' || Array.isArray(choices)) return 'field "choices" must be an object'
  const checked: Choices = {}
  for (const key of Object.keys(choices)) {
    if (!CATEGORIES.includes(key as Category))
      return `field "choices" has unknown category ${quote(key)}; categories are ${CATEGORIES.join(', ')}`
    const granted = (choices as Record<string, unknown>)[key]
    if (typeof granted !== 'boolean') return `field "choices.${key}" must be true or false`
  }
  for (const c of CATEGORIES) if (own(choices, c)) checked[c] = (choices as Choices)[c]
  const givenAt = isoTime(given.givenAt)!
  const expiresAt = isoTime(given.expiresAt)!
  if (givenAt > now + SKEW_MS) return 'field "givenAt" is in the future'
  if (!(expiresAt > givenAt && expiresAt - givenAt <= MAX_LIFETIME_MS))
    return 'field "expiresAt" must be after givenAt, by 395 days at most'
  if (sites && !sites.includes(given.site as string)) return 'field "site" names a site this endpoint does not take'
  return {
    consentId: given.consentId as string,
    givenAt: given.givenAt as string,
    expiresAt: given.expiresAt as string,
    site: given.site as string,
    revision: given.revision as string,
    choices: checked,
    via: given.via as Receipt['via'],
    sdkVersion: given.sdkVersion as string,
    // Only those given: an older receipt keeps its shape, and so its key (endpoint.ts).
    ...Object.fromEntries(OPTIONAL.filter((k) => own(given, k)).map((k) => [k, given[k]])),
  }
}
