import { resolveConfig, type Config, type Options } from '../config/options'
import { fill } from '../config/own'
import type { Category } from '../config/profiles'
import { rulesOf, SALE, type Policy } from '../config/regions'
import { REGION_COOKIE } from '../consent/region'
import { cookieText, cookieValues } from '../cookies/codec'
import {
  DAY_MS,
  decodeRecord,
  effectiveChoices,
  encodeRecord,
  settle,
  settled,
  unchosen,
  type ConsentRecord,
  type Via,
} from '../consent/record'

/** The visitor's choice as the browser will see it, read from the request's `Cookie` header. */
export interface ServerConsent {
  /**
   * False until the visitor made a choice that still counts for every offered category, as
   * `gate.getConsent().decided`: a choice given before a category was offered (an old two-flag
   * record, before `functional`) keeps applying, but the banner asks about the new one.
   */
  decided: boolean
  /** Every category, `true` only where granted and offered (as `gate.getConsent().choices`). */
  choices: Record<Category, boolean>
  /** Categories this site offers; none means it never asks. */
  categories: Category[]
  /** The visitor's rules, from the site's `policies` and the hints the request carries (docs/regions.md). */
  policy: Policy
  /** The choice's id, as in its receipt; this and the fields below are undefined before a choice. */
  consentId?: string
  /** ISO 8601, as in a receipt. */
  givenAt?: string
  /** ISO 8601: when the choice lapses, the earlier of its own expiry and the site's `lifetimeDays`. */
  expiresAt?: string
  revision?: string
  via?: Via
}

// Options are resolved once per options object: a server reads the cookie on every request.
const configs = new WeakMap<object, Config>()

/**
 * The options resolved as `createConsentGate` resolves them. A server serves many hosts, so
 * `cookieDomain` is taken as given rather than checked against one.
 */
export function serverConfig(options: Options): Config {
  let config = configs.get(options)
  if (!config) configs.set(options, (config = resolveConfig(options, null)))
  return config
}

/** When a record lapses for this site: a planted record may claim any expiry. */
const lapses = (r: ConsentRecord, config: Config) => Math.min(r.expires, r.at + config.lifetimeDays * DAY_MS)

/**
 * The record that counts, settled from every copy the header holds by the browser's own rules;
 * none on a site that offers nothing, which reads no choice, as its page does.
 */
const current = (cookieHeader: string | null | undefined, config: Config, now: number) =>
  config.categories.length
    ? settle(cookieValues(cookieHeader ?? '', config.cookieName).map(decodeRecord), config.revision, config.lifetimeDays, now).record
    : undefined

/** What a server knows of the request besides its cookies (docs/regions.md). */
export interface RequestFacts {
  /** The time to judge by; now by default. */
  now?: number
  /** The region hint the response gives the page (`regionHint()`), in place of the `regionHint` option. */
  hint?: string
  /** Whether the request sent Global Privacy Control (`regionOf(headers).gpc`, from `Sec-GPC: 1`). */
  gpc?: boolean
}

/** The facts given as a number, as before there were others: the time. */
const factsOf = (facts: number | RequestFacts = {}): RequestFacts => (typeof facts == 'number' ? { now: facts } : facts)

/**
 * The visitor's consent from a request's `Cookie` header, by the rules the browser applies: the
 * same codec, the same revision and lifetime, no record from the future, the most restrictive of
 * copies that disagree. Takes the options given to `createConsentGate` and throws as it does on a
 * bad one. Anything unreadable is "not decided, nothing granted". With the request's `hint` and
 * `gpc`, the policy and the refusal GPC makes at the browser's start are those the page will have.
 */
export function readConsent(
  cookieHeader: string | null | undefined,
  options: Options,
  facts?: number | RequestFacts,
): ServerConsent {
  const config = serverConfig(options)
  const { now = Date.now(), hint = config.regionHint, gpc } = factsOf(facts)
  const record = current(cookieHeader, config, now)
  // The hints the browser will read: the page's and the region cookie the same header carries.
  const { policy } = config.policies
    ? rulesOf(config.policies, [...cookieValues(cookieHeader ?? '', REGION_COOKIE), hint ?? []].flat())
    : { policy: 'opt-in' as Policy }
  // Global Privacy Control, as the browser records it at start: a refusal of what is still
  // unchosen, under opt-out and notice of sale and sharing only. Its id is the browser's to make.
  const asked = unchosen(config.categories, record).filter((c) => policy == 'opt-in' || SALE.includes(c))
  const seen =
    gpc && config.gpc && asked.length
      ? ({ ...record, choices: { ...record?.choices, ...fill(asked, false) } } as ConsentRecord)
      : record
  const consent: ServerConsent = {
    decided: settled(policy, config.categories, seen),
    choices: { ...effectiveChoices(config.categories, seen?.choices, policy != 'opt-in') },
    categories: [...config.categories],
    policy,
  }
  if (record) {
    consent.consentId = record.id
    consent.givenAt = new Date(record.at).toISOString()
    consent.expiresAt = new Date(lapses(record, config)).toISOString()
    consent.revision = record.revision
    consent.via = record.via
  }
  return consent
}

/**
 * A `Set-Cookie` value that writes the current choice again from the server, for the rest of its
 * lifetime, with the attributes the browser writes (`Path=/`, `SameSite=Lax`, `Domain` from
 * `cookieDomain`, `Secure` when `secure`). Safari keeps a cookie set by script for 7 days at most,
 * but one set by the site's own server for as long as it asks. Undefined when there is nothing to
 * keep, and for a `__Host-` or `__Secure-` cookie name when not `secure` (browsers take those over
 * https only). Copies that disagreed are written as the one that counts, as the browser would.
 */
export function refreshCookie(
  cookieHeader: string | null | undefined,
  options: Options,
  { secure, now = Date.now() }: { secure: boolean; now?: number },
): string | undefined {
  const config = serverConfig(options)
  const record = current(cookieHeader, config, now)
  if (!secure && /^__(Host|Secure)-/.test(config.cookieName)) return
  return record && cookieText(config.cookieName, encodeRecord(record), lapses(record, config), secure, config.cookieDomain, '/', now)
}
