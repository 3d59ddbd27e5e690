import type { Messages } from '../ui/messages/en'
import type { Theme } from '../ui/context'
import type { Receipt } from '../consent/receipt'
import type { Rule } from './explain'
import {
  CATEGORIES,
  CLASSES,
  PROFILES,
  TRACKER_COOKIES,
  categoryOf,
  type Category,
  type Declared,
  type Profile,
  type Tracker,
  type Wording,
} from './profiles'

export interface Options {
  /** A built-in profile: `pisama` or `pigi`. Give `site` or `profile`, not both. */
  site?: string
  /** A custom profile: the site's own cookies and the trackers it may run. */
  profile?: { name: string; cookies?: (Declared & Wording)[]; trackers?: Tracker[] }
  /** Extra declarations added to the profile's. */
  cookies?: Declared[]
  /** `scriptUrl` serves gtag.js from elsewhere, e.g. a Google tag gateway on your own domain. */
  ga4?: { measurementId: string; scriptUrl?: string }
  vercel?: boolean | { scriptSrc?: string }
  /** Categories to offer even without a tracker, e.g. for `<script data-consent="marketing">`. */
  categories?: Category[]
  cookieName?: string
  /** Share one choice across subdomains, e.g. `example.com`. */
  cookieDomain?: string
  /** How long a choice lasts, in days: 182 by default (CNIL: renew after 6 months), 395 at most. */
  lifetimeDays?: number
  /** Bump to ask every visitor again, e.g. after the privacy policy changed. */
  revision?: string | number
  /** Honour the browser's Global Privacy Control signal; on by default. */
  gpc?: boolean
  policyUrl?: string
  lang?: string
  strings?: Partial<Messages>
  theme?: Theme
  nonce?: string
  floatingButton?: boolean
  /** Where to POST a receipt of each choice (JSON, no credentials). */
  receiptUrl?: string
  onConsent?: (receipt: Receipt) => void
}

/** Options after validation, with the profile resolved and defaults filled in. */
export interface Config {
  profile: Profile
  /** The profile's declarations plus the enabled trackers' cookies. */
  cookies: Declared[]
  /** Categories offered, in display order; none means no banner. */
  categories: Category[]
  ga4?: string
  ga4Script?: string
  vercel?: string
  cookieName: string
  cookieDomain?: string
  lifetimeDays: number
  revision: string
  gpc: boolean
  options: Options
}

/**
 * A refused option. Its message names the option and the value; what would be right lives in
 * explain.ts, keyed by `rule`, so the script-tag loader fetches that wording only when it fails.
 */
export interface ConfigError extends Error {
  option: string
  rule: Rule
  /** The value, as JSON where it can be. */
  got: string
  /** Values the wording names; a list or a record is shown as its items or keys. */
  args: (string | readonly string[] | object)[]
}

const show = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? String(v)
  } catch {
    return String(v)
  }
}

function check(ok: unknown, option: string, rule: Rule, value: unknown, ...args: ConfigError['args']): asserts ok {
  if (!ok) {
    const got = show(value)
    throw Object.assign(new Error(`consent-gate: option "${option}" is invalid, got ${got}`), { option, rule, got, args })
  }
}

const MAX_DAYS = 395
const isString = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length > 0 && v.length <= max
const isBoolean = (v: unknown) => typeof v === 'boolean'

/**
 * Options that stand on their own: each is absent (or null) or passes its test. The rule names
 * the wording explain.ts gives when it does not.
 */
const PLAIN: Record<string, [test: (v: any) => unknown, rule: Rule]> = {
  cookieName: [(v) => typeof v === 'string' && /^[\w-]{1,64}$/.test(v), 'cookieName'],
  // A bare, optionally dotted, host name: `example.com`, `.example.com`.
  cookieDomain: [(v) => typeof v === 'string' && /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(v), 'domain'],
  lifetimeDays: [(v) => typeof v === 'number' && v >= 1 && v <= MAX_DAYS, 'days'],
  revision: [(v) => /^(string|number)$/.test(typeof v) && /^[\w.-]{1,32}$/.test(v), 'revision'],
  gpc: [isBoolean, 'boolean'],
  policyUrl: [isString, 'url'],
  receiptUrl: [isString, 'url'],
  lang: [isString, 'string'],
  nonce: [isString, 'string'],
  theme: [(v) => ['auto', 'light', 'dark'].includes(v), 'theme'],
  floatingButton: [isBoolean, 'boolean'],
  strings: [(v) => v && typeof v === 'object', 'strings'],
  onConsent: [(v) => typeof v === 'function', 'function'],
}
// The options checked together, in resolveConfig's own steps.
const COMPOUND = ['site', 'profile', 'cookies', 'ga4', 'vercel', 'categories']

// `Object.hasOwn` is newer than the browsers the loader supports.
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)

function declarations(given: unknown, option: string): Declared[] {
  check(Array.isArray(given), option, 'array', given)
  given.forEach((d: Declared, i) => {
    const at = `${option}[${i}].`
    check(d && isString(d.name, 200), at + 'name', 'string', d && d.name)
    check(CLASSES.includes(d.class), at + 'class', 'class', d.class, CLASSES)
    for (const key of ['purpose', 'lifetime', 'provider'] as const) check(isString(d[key], 500), at + key, 'string', d[key])
  })
  return given
}

/** A URL option: absent (or null), or a string. */
const url = (v: unknown) => v == null || isString(v)

/**
 * Checks every option and resolves the profile. Throws a ConfigError naming the option and the
 * value it got: bad config must never turn into a tracker.
 */
export function resolveConfig(options: Options): Config {
  check(options && typeof options === 'object', 'options', 'object', options)
  for (const key of Object.keys(options)) {
    const value = options[key as keyof Options]
    check(own(PLAIN, key) || COMPOUND.includes(key), key, 'known', key)
    if (own(PLAIN, key) && value != null) check(PLAIN[key][0](value), key, PLAIN[key][1], value)
  }
  const { site, profile: custom, ga4: g, vercel: v } = options
  check(!(site && custom), 'site', 'combined', site)
  const cookieName = options.cookieName ?? 'consent_gate'
  let profile: Profile
  if (custom) {
    check(isString(custom.name, 64), 'profile.name', 'string', custom.name)
    check(!own(PROFILES, custom.name), 'profile.name', 'builtin', custom.name)
    const trackers = custom.trackers ?? ['ga4', 'vercel']
    check(
      Array.isArray(trackers) && trackers.every((t) => t === 'ga4' || t === 'vercel'),
      'profile.trackers',
      'trackers',
      trackers,
    )
    profile = { name: custom.name, cookies: declarations(custom.cookies ?? [], 'profile.cookies'), trackers }
  } else {
    check(typeof site === 'string' && own(PROFILES, site), 'site', 'site', site, PROFILES)
    profile = PROFILES[site]
  }
  const { name, trackers } = profile
  // A profile without trackers promises none: nothing may be declared or offered that needs consent.
  const quiet = !trackers.length
  const extra = declarations(options.cookies ?? [], 'cookies')
  const bad = quiet ? extra.find((d) => categoryOf(d.class)) : undefined
  check(!bad, 'cookies', 'quietCookie', bad?.name, bad?.class as string, name)

  let ga4: string | undefined
  let ga4Script: string | undefined
  if (g != null) {
    check(trackers.includes('ga4'), 'ga4', 'tracker', g, name)
    ga4 = g && g.measurementId
    // Google documents no fixed length for measurement IDs, only the shape.
    check(typeof ga4 === 'string' && /^G-[A-Z0-9]+$/.test(ga4), 'ga4.measurementId', 'measurementId', ga4)
    check(url(g.scriptUrl), 'ga4.scriptUrl', 'url', g.scriptUrl)
    ga4Script = (g.scriptUrl ?? 'https://www.googletagmanager.com/gtag/js') + '?id=' + ga4
  }
  let vercel: string | undefined
  if (v != null && v !== false) {
    check(trackers.includes('vercel'), 'vercel', 'tracker', v, name)
    const src = v === true ? undefined : v?.scriptSrc
    check(url(src), 'vercel.scriptSrc', 'url', src)
    vercel = src ?? '/_vercel/insights/script.js'
  }

  const wanted = options.categories ?? []
  check(Array.isArray(wanted), 'categories', 'categories', wanted, CATEGORIES)
  for (const c of wanted) {
    check(CATEGORIES.includes(c), 'categories', 'categories', c, CATEGORIES)
    check(!quiet, 'categories', 'quietCategory', c, c, name)
  }
  const cookies: Declared[] = [
    { name: cookieName, class: 'essential' },
    ...profile.cookies,
    ...extra,
    ...(ga4 ? TRACKER_COOKIES.ga4 : []),
    ...(vercel ? TRACKER_COOKIES.vercel : []),
  ]
  const categories = CATEGORIES.filter((c) => wanted.includes(c) || cookies.some((d) => d.class === c))

  const revision = options.revision ?? 1
  return {
    profile,
    cookies,
    categories,
    ga4,
    ga4Script,
    vercel,
    cookieName,
    cookieDomain: options.cookieDomain ?? undefined,
    lifetimeDays: options.lifetimeDays ?? 182,
    revision: revision + '',
    gpc: options.gpc !== false,
    options,
  }
}
