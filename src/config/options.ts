import type { Messages } from '../ui/messages/en'
import type { Theme } from '../ui/context'
import type { Receipt } from '../consent/receipt'
import {
  CATEGORIES,
  PROFILES,
  TRACKER_COOKIES,
  categoryOf,
  type Category,
  type CookieClass,
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
  /** Where to send a receipt of each choice with `navigator.sendBeacon`. */
  receiptUrl?: string
  onConsent?: (receipt: Receipt) => void
}

/** Options after validation, with the profile resolved and defaults filled in. */
export interface Config {
  profile: Profile
  /** The profile's declarations plus the enabled trackers' cookies. */
  cookies: Declared[]
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

const DAY_MS = 864e5
export { DAY_MS }
const MAX_DAYS = 395
const CLASSES: readonly CookieClass[] = ['essential', 'session', 'xsrf', 'analytics', 'marketing', 'unknown']
const KNOWN = new Set(
  'site profile cookies ga4 vercel categories cookieName cookieDomain lifetimeDays revision gpc policyUrl lang strings theme nonce floatingButton receiptUrl onConsent'.split(
    ' ',
  ),
)

const fail = (option: string, want: string, got: unknown): never => {
  throw new Error(`consent-gate: option "${option}" ${want}, got ${JSON.stringify(got) ?? String(got)}`)
}

const check = (ok: unknown, option: string, want: string, got: unknown) => {
  if (!ok) fail(option, want, got)
}

const isString = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max

function checkDeclared(list: unknown, option: string): Declared[] {
  check(Array.isArray(list), option, 'must be an array of cookie declarations', list)
  ;(list as Declared[]).forEach((d, i) => {
    const at = `${option}[${i}]`
    check(d && isString(d.name), `${at}.name`, 'must be a non-empty string', d && d.name)
    check(CLASSES.includes(d.class), `${at}.class`, `must be one of ${CLASSES.join(', ')}`, d.class)
    for (const key of ['purpose', 'lifetime', 'provider'] as const) {
      check(isString(d[key], 500), `${at}.${key}`, 'must be a non-empty string', d[key])
    }
  })
  return list as Declared[]
}

/**
 * Checks every option and resolves the profile. Throws an Error naming the option, the value it
 * got and what would be right: bad config must never turn into a tracker.
 */
export function resolveConfig(options: Options): Config {
  check(options && typeof options === 'object', 'options', 'must be an object', options)
  for (const key of Object.keys(options)) check(KNOWN.has(key), key, 'is not a known option', key)
  const { site, profile: custom } = options
  check(!(site && custom), 'site', 'cannot be combined with "profile"', site)
  let profile: Profile
  const cookieName = options.cookieName ?? 'consent_gate'
  check(/^[\w-]{1,64}$/.test(cookieName), 'cookieName', 'must be letters, digits, "_" or "-"', cookieName)
  if (custom) {
    check(isString(custom.name, 64), 'profile.name', 'must be a non-empty string', custom.name)
    check(!PROFILES[custom.name], 'profile.name', 'must not reuse a built-in profile name', custom.name)
    const trackers = custom.trackers ?? ['ga4', 'vercel']
    check(
      Array.isArray(trackers) && trackers.every((t) => t === 'ga4' || t === 'vercel'),
      'profile.trackers',
      'must list only "ga4" and "vercel"',
      trackers,
    )
    profile = { name: custom.name, cookies: checkDeclared(custom.cookies ?? [], 'profile.cookies'), trackers }
  } else {
    check(
      typeof site === 'string' && PROFILES[site],
      'site',
      `must be one of ${Object.keys(PROFILES).join(', ')} (or give "profile")`,
      site,
    )
    profile = PROFILES[site as string]
  }
  const forbidsTrackers = profile.trackers.length === 0
  const extra = checkDeclared(options.cookies ?? [], 'cookies')
  if (forbidsTrackers) {
    const bad = extra.find((d) => categoryOf(d.class))
    check(
      !bad,
      'cookies',
      `cannot declare ${bad?.class} cookies on profile "${profile.name}", which promises no trackers`,
      bad?.name,
    )
  }

  let ga4: string | undefined
  let ga4Script: string | undefined
  if (options.ga4 !== undefined) {
    check(profile.trackers.includes('ga4'), 'ga4', `is not allowed on profile "${profile.name}"`, options.ga4)
    ga4 = options.ga4 && options.ga4.measurementId
    // Google documents no fixed length for measurement IDs, only the shape.
    check(typeof ga4 === 'string' && /^G-[A-Z0-9]+$/.test(ga4), 'ga4.measurementId', 'must look like "G-XXXXXXXXXX"', ga4)
    const src = options.ga4.scriptUrl
    check(src === undefined || isString(src, 2000), 'ga4.scriptUrl', 'must be a URL string', src)
    ga4Script = (src ?? 'https://www.googletagmanager.com/gtag/js') + '?id=' + ga4
  }
  let vercel: string | undefined
  if (options.vercel !== undefined && options.vercel !== false) {
    check(profile.trackers.includes('vercel'), 'vercel', `is not allowed on profile "${profile.name}"`, options.vercel)
    const src = options.vercel === true ? undefined : options.vercel?.scriptSrc
    check(src === undefined || isString(src, 2000), 'vercel.scriptSrc', 'must be a URL string', src)
    vercel = src ?? '/_vercel/insights/script.js'
  }

  const wanted = options.categories ?? []
  check(Array.isArray(wanted), 'categories', `must be an array of ${CATEGORIES.join(', ')}`, wanted)
  for (const c of wanted) {
    check(CATEGORIES.includes(c), 'categories', `must contain only ${CATEGORIES.join(', ')}`, c)
    check(!forbidsTrackers, 'categories', `cannot offer "${c}" on profile "${profile.name}", which promises no trackers`, c)
  }

  const cookies: Declared[] = [
    { name: cookieName, class: 'essential' },
    ...profile.cookies,
    ...extra,
    ...(ga4 ? TRACKER_COOKIES.ga4 : []),
    ...(vercel ? TRACKER_COOKIES.vercel : []),
  ]
  const offered = new Set<Category>(wanted)
  for (const d of cookies) {
    const c = categoryOf(d.class)
    if (c) offered.add(c)
  }
  const lifetimeDays = options.lifetimeDays ?? 182
  check(
    Number.isFinite(lifetimeDays) && lifetimeDays >= 1 && lifetimeDays <= MAX_DAYS,
    'lifetimeDays',
    `must be a number of days from 1 to ${MAX_DAYS} (13 months, the longest regulators accept)`,
    lifetimeDays,
  )
  const revision = String(options.revision ?? 1)
  check(
    /^[\w.-]{1,32}$/.test(revision),
    'revision',
    'must be a number or a short string of letters, digits, ".", "_" or "-"',
    options.revision,
  )
  const domain = options.cookieDomain
  check(
    domain === undefined || /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(domain),
    'cookieDomain',
    'must be a domain name like "example.com"',
    domain,
  )
  for (const key of ['policyUrl', 'receiptUrl', 'lang', 'nonce'] as const) {
    const v = options[key]
    check(v === undefined || isString(v, 2000), key, 'must be a non-empty string', v)
  }
  check(
    options.theme === undefined || ['auto', 'light', 'dark'].includes(options.theme),
    'theme',
    'must be "auto", "light" or "dark"',
    options.theme,
  )
  check(
    options.onConsent === undefined || typeof options.onConsent === 'function',
    'onConsent',
    'must be a function',
    options.onConsent,
  )
  check(
    options.strings === undefined || (typeof options.strings === 'object' && options.strings),
    'strings',
    'must be an object of messages',
    options.strings,
  )

  return {
    profile,
    cookies,
    categories: CATEGORIES.filter((c) => offered.has(c)),
    ga4,
    ga4Script,
    vercel,
    cookieName,
    cookieDomain: domain,
    lifetimeDays,
    revision,
    gpc: options.gpc !== false,
    options,
  }
}

/** A banner is needed iff the site offers something to consent to. */
export const needsBanner = (config: Config): boolean => config.categories.length > 0
