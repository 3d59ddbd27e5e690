import type { Receipt } from '../consent/receipt'
import type { ConfigError, Rule } from './explain'
import { own } from './own'
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
} from './profiles'
import { STRING_KEYS, type Messages } from './strings'
import { matches } from '../cookies/declared'

export type { ConfigError }

export type Theme = 'auto' | 'light' | 'dark'

export interface Options {
  /** A built-in profile: `pisama` or `pigi`. Give `site` or `profile`, not both. */
  site?: string
  /** A custom profile: the site's own cookies and the trackers it may run. */
  profile?: { name: string; cookies?: Declared[]; trackers?: Tracker[] }
  /** Extra declarations added to the profile's. */
  cookies?: Declared[]
  /** `scriptUrl` serves gtag.js from elsewhere, e.g. a Google tag gateway on your own domain. */
  ga4?: { measurementId: string; scriptUrl?: string }
  vercel?: boolean | { scriptSrc?: string }
  /** Categories to offer even without a tracker, e.g. for `<script data-consent="marketing">`. */
  categories?: Category[]
  cookieName?: string
  /** Share one choice across subdomains, e.g. `example.com`: this host or a parent of it. */
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
  /**
   * `false` draws no banner or dialog (their chunks are never fetched): the site draws its own
   * from the API. openPreferences() then fires `consent-gate:open` on window. On by default.
   */
  ui?: boolean
  /** Where to POST a receipt of each choice (JSON, no credentials). */
  receiptUrl?: string
  onConsent?: (receipt: Receipt) => void
}

/**
 * Options after validation: defaults applied once, trackers resolved to what they load. Frozen and
 * prototype-free, so nothing downstream re-reads the caller's object or inherits a polluted key.
 */
export interface Config {
  readonly profile: Readonly<Profile>
  /** The profile's declarations plus the enabled trackers' cookies. */
  readonly cookies: readonly Declared[]
  /** Categories offered, in display order; none means no banner, ever. */
  readonly categories: readonly Category[]
  readonly ga4?: { readonly id: string; readonly src: string }
  readonly vercel?: { readonly src: string }
  readonly cookieName: string
  readonly cookieDomain?: string
  readonly lifetimeDays: number
  readonly revision: string
  readonly gpc: boolean
  readonly policyUrl?: string
  readonly lang?: string
  /** The site's own texts, own keys only. */
  readonly strings: Partial<Messages>
  readonly theme: Theme
  readonly nonce?: string
  readonly floatingButton: boolean
  /** False in headless mode: no banner, no dialog. */
  readonly ui: boolean
  readonly receiptUrl?: string
  readonly onConsent?: (receipt: Receipt) => void
}

// JSON says `null` for NaN and Infinity, which would hide the real problem.
const show = (v: unknown): string => {
  try {
    return (typeof v !== 'number' && JSON.stringify(v)) || String(v)
  } catch {
    return String(v)
  }
}

export function check(ok: unknown, option: string, rule: Rule, value: unknown, ...args: ConfigError['args']): asserts ok {
  if (!ok) {
    const got = show(value)
    throw Object.assign(new Error(`consent-gate: option "${option}" is invalid, got ${got}`), { option, rule, got, args })
  }
}

const MAX_DAYS = 395
const isString = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length > 0 && v.length <= max
const isBoolean = (v: unknown) => typeof v === 'boolean'
const isObject = (v: unknown): v is object => !!v && typeof v === 'object' && !Array.isArray(v)

/**
 * A URL as the browser will fetch it: only `http(s):` or relative, as the browser parses it (so
 * case, spaces and tabs cannot disguise `javascript:`), and resolved once, against the page's own
 * address, so a `<base href>` injected into the page cannot re-point it later.
 */
// A server has no page: there, relative URLs resolve against a stand-in origin.
const page = () => new URL(globalThis.location?.href ?? 'http://localhost/')
const absolute = (v: unknown): URL | undefined => {
  try {
    const url = new URL(v as string, page())
    if (isString(v) && /^https?:$/.test(url.protocol)) return url
  } catch {
    // Not a URL at all.
  }
  return undefined
}
const isUrl = (v: unknown) => !!absolute(v)

/**
 * A script the SDK injects, carrying the page's nonce: from this site's own origin (a first-party
 * gateway), or from the tracker's own `host`. Any other host from a config or a `data-*`
 * attribute would be script from anywhere.
 */
const script = (v: unknown, host: string) => {
  const url = absolute(v)
  return url && (url.origin === page().origin || url.host === host) ? url.href : undefined
}

/**
 * Options that stand on their own: each is absent (or null) or passes its test. The rule names
 * the wording explain.ts gives when it does not.
 */
const PLAIN: Record<string, [test: (v: any) => unknown, rule: Rule]> = {
  __proto__: null as never,
  cookieName: [(v) => typeof v === 'string' && /^[\w-]{1,64}$/.test(v), 'cookieName'],
  // A bare, optionally dotted, host name: `example.com`, `.example.com`.
  cookieDomain: [(v) => typeof v === 'string' && /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(v), 'domain'],
  lifetimeDays: [(v) => typeof v === 'number' && v >= 1 && v <= MAX_DAYS, 'days'],
  revision: [(v) => /^(string|number)$/.test(typeof v) && /^[\w.-]{1,32}$/.test(v), 'revision'],
  gpc: [isBoolean, 'boolean'],
  policyUrl: [isUrl, 'url'],
  receiptUrl: [isUrl, 'url'],
  lang: [isString, 'string'],
  nonce: [isString, 'string'],
  theme: [(v) => ['auto', 'light', 'dark'].includes(v), 'theme'],
  floatingButton: [isBoolean, 'boolean'],
  ui: [isBoolean, 'boolean'],
  onConsent: [(v) => typeof v === 'function', 'function'],
}
// The options checked together, in resolveConfig's own steps.
const COMPOUND = ['site', 'profile', 'cookies', 'ga4', 'vercel', 'categories', 'strings']

/**
 * A prototype-free copy of an object option's own keys, each of which must be one of `keys`: a
 * typo such as `ga4.scriptURL` is refused, not silently ignored. Null values count as not given.
 */
export function ownKeys(value: unknown, option: string, keys: readonly string[]): Record<string, any> {
  check(isObject(value), option || 'options', option ? 'object' : 'config', value)
  const copy = Object.create(null)
  for (const k of Object.keys(value)) {
    check(keys.includes(k), option ? option + '.' + k : k, 'known', k, keys)
    const v = (value as Record<string, unknown>)[k]
    if (v != null) copy[k] = v
  }
  return copy
}

const DECLARATION = ['name', 'class', 'purpose', 'lifetime', 'provider', 'storage']
const STORAGE = ['cookie', 'localStorage', 'sessionStorage', 'none']

function declarations(given: unknown, option: string): Declared[] {
  check(Array.isArray(given), option, 'array', given)
  return given.map((item, i) => {
    const at = `${option}[${i}]`
    const d = ownKeys(item, at, DECLARATION)
    // A bare `*` would declare every cookie there is, and silence the tripwire with it.
    check(isString(d.name, 200) && d.name[0] !== '*', at + '.name', 'name', d.name)
    // A name alone is allowed: the catalogue gives its class when it matters (Declared.class).
    check(d.class == null || CLASSES.includes(d.class), at + '.class', 'class', d.class, CLASSES)
    for (const key of ['purpose', 'lifetime', 'provider'])
      check(d[key] == null || isString(d[key], 500), `${at}.${key}`, 'string', d[key])
    check(d.storage == null || STORAGE.includes(d.storage), at + '.storage', 'class', d.storage, STORAGE)
    return Object.freeze(d) as Declared
  })
}

function texts(given: unknown): Partial<Messages> {
  const strings = ownKeys(given, 'strings', STRING_KEYS)
  for (const k in strings)
    if (k === 'about') {
      const about = ownKeys(strings.about, 'strings.about', Object.keys(strings.about ?? {}))
      for (const name in about) check(isString(about[name]), `strings.about.${name}`, 'string', about[name])
      strings.about = about
    } else check(isString(strings[k]), 'strings.' + k, 'string', strings[k])
  return strings
}

/**
 * `cookieDomain` must be this host or a parent of it, and not a bare top-level domain, or the
 * browser refuses every write and the visitor is asked again on every page.
 */
function cookieDomain(given: string | undefined, host: string | null | undefined, name: string): string | undefined {
  if (given == null) return given
  check(!name.startsWith('__Host-'), 'cookieDomain', 'hostPrefix', given)
  if (host == null) return given
  const d = given.replace(/^\./, '').toLowerCase()
  check(d.includes('.') && (host === d || host.endsWith('.' + d)), 'cookieDomain', 'domainHost', given, host)
  return given
}

/**
 * Checks every option and resolves the profile, reading own properties only. Throws a ConfigError
 * naming the option and the value it got: bad config must never turn into a tracker. `host` is the
 * page's; a server, which serves many, passes null and `cookieDomain` is taken as given.
 */
export function resolveConfig(given: Options, host: string | null | undefined = globalThis.location?.hostname): Config {
  const options = ownKeys(given, '', [...Object.keys(PLAIN), ...COMPOUND]) as Options
  for (const key in options)
    if (own(PLAIN, key)) check(PLAIN[key][0](options[key as never]), key, PLAIN[key][1], options[key as never])
  const { site, ga4: g, vercel: v } = options
  check(!(site && options.profile), 'site', 'combined', site)
  const cookieName = options.cookieName ?? 'consent_gate'
  let profile: Profile
  if (options.profile) {
    const custom = ownKeys(options.profile, 'profile', ['name', 'cookies', 'trackers'])
    check(isString(custom.name, 64), 'profile.name', 'string', custom.name)
    check(!own(PROFILES, custom.name), 'profile.name', 'builtin', custom.name)
    const trackers = custom.trackers ?? ['ga4', 'vercel']
    check(
      Array.isArray(trackers) && trackers.every((t) => t === 'ga4' || t === 'vercel'),
      'profile.trackers',
      'trackers',
      trackers,
    )
    profile = { name: custom.name, cookies: declarations(custom.cookies ?? [], 'profile.cookies'), trackers: [...trackers] }
  } else {
    check(typeof site === 'string' && own(PROFILES, site), 'site', 'site', site, PROFILES)
    profile = PROFILES[site]
  }
  const { name, trackers } = profile
  // A profile without trackers promises none: nothing may be declared or offered that needs
  // consent, whether through the profile's own declarations or the `cookies` option.
  const quiet = !trackers.length
  const extra = declarations(options.cookies ?? [], 'cookies')
  for (const [option, list] of [
    ['profile.cookies', profile.cookies],
    ['cookies', extra],
  ] as const) {
    const bad = quiet ? list.find((d) => categoryOf(d.class)) : undefined
    check(!bad, option, 'quietCookie', bad?.name, bad?.class as string, name)
  }

  let ga4: Config['ga4']
  if (g != null) {
    check(trackers.includes('ga4'), 'ga4', 'tracker', g, name)
    const { measurementId: id, scriptUrl } = ownKeys(g, 'ga4', ['measurementId', 'scriptUrl'])
    // Google documents no fixed length for measurement IDs, only the shape.
    check(typeof id === 'string' && /^G-[A-Z0-9]+$/.test(id), 'ga4.measurementId', 'measurementId', id)
    const src = script(scriptUrl ?? 'https://www.googletagmanager.com/gtag/js', 'www.googletagmanager.com')
    check(src, 'ga4.scriptUrl', 'scriptUrl', scriptUrl, 'www.googletagmanager.com')
    ga4 = { id, src: src + '?id=' + id }
  }
  let vercel: Config['vercel']
  if (v != null && v !== false) {
    check(trackers.includes('vercel'), 'vercel', 'tracker', v, name)
    const { scriptSrc } = v === true ? ({} as { scriptSrc?: string }) : ownKeys(v, 'vercel', ['scriptSrc'])
    const src = script(scriptSrc ?? '/_vercel/insights/script.js', 'va.vercel-scripts.com')
    check(src, 'vercel.scriptSrc', 'scriptUrl', scriptSrc, 'va.vercel-scripts.com')
    vercel = { src }
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
  // The consent cookie must not share a name with one the site or a tracker declares: removing
  // theirs (say, `_ga` on a withdrawal) would remove the choice, and writing it would clobber theirs.
  const clash = cookies.slice(1).find((d) => matches(d.name, cookieName))
  check(!clash, 'cookieName', 'cookieClash', cookieName, clash?.name as string)
  // A quiet profile offers nothing, whatever its declarations say: nothing can ever be granted.
  const categories = quiet ? [] : CATEGORIES.filter((c) => wanted.includes(c) || cookies.some((d) => d.class === c))

  return Object.freeze({
    __proto__: null,
    profile: Object.freeze(profile),
    cookies: Object.freeze(cookies),
    categories: Object.freeze(categories),
    ga4,
    vercel,
    cookieName,
    cookieDomain: cookieDomain(options.cookieDomain, host, cookieName),
    lifetimeDays: options.lifetimeDays ?? 182,
    revision: (options.revision ?? 1) + '',
    gpc: options.gpc !== false,
    policyUrl: absolute(options.policyUrl)?.href,
    lang: options.lang,
    strings: Object.freeze(options.strings == null ? {} : texts(options.strings)),
    theme: options.theme ?? 'auto',
    nonce: options.nonce,
    floatingButton: options.floatingButton === true,
    ui: options.ui !== false,
    receiptUrl: absolute(options.receiptUrl)?.href,
    onConsent: options.onConsent,
  }) as Config
}
