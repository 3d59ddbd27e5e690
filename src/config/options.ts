import type { ConfigError } from './explain'
import { fill, own } from './own'
import {
  CATEGORIES,
  CLASSES,
  GOOGLE_COOKIE,
  PROFILES,
  TRACKER_COOKIES,
  categoryOf,
  matches,
  type Category,
  type Choices,
  type Declared,
  type Profile,
  type Tracker,
  type Via,
} from './profiles'
import { STRING_KEYS, type Messages } from './strings'

export type { ConfigError }

export type Theme = 'auto' | 'light' | 'dark'

/** Proof of one choice (GDPR Art. 7(1)), as `onConsent` and the receipt endpoint get it: what was chosen, when, how, under which revision. */
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

/**
 * Throws a ConfigError naming `option` and the value it got unless `ok`. `rule` keys the wording
 * in explain.ts: the option itself when its value has the wrong shape, or a rule across options
 * (`trackers`, `domain`…) with the `args` its wording names.
 */
export function check(ok: unknown, option: string, rule: string, value: unknown, ...args: ConfigError['args']): asserts ok {
  if (!ok) {
    // A few hundred characters say what was wrong; a megabyte string would only flood the console.
    // The option's path is input too: an unknown key is part of it.
    const got = show(value).slice(0, 300)
    option = option.slice(0, 300)
    throw Object.assign(Error(`consent-gate: option "${option}" is invalid, got ${got}`), { option, rule, got, args })
  }
}

// A server has no page: there, relative URLs resolve against a stand-in origin.
const page = () => new URL(globalThis.location?.href ?? 'http://localhost/')

/**
 * A URL as the browser will fetch it: only `http(s):` or relative, as the browser parses it (so
 * case, spaces and tabs cannot disguise `javascript:`), and resolved once, against the page's own
 * address, so a `<base href>` injected into the page cannot re-point it later. With a `host`, a
 * script the SDK injects with the page's nonce: only from this site's own origin (a first-party
 * gateway) or from the tracker's own host, never from wherever a config or `data-*` attribute says.
 */
const url =
  (host?: string) =>
  (v: unknown): string | undefined => {
    try {
      const url = new URL(v as string, page())
      if (
        typeof v === 'string' &&
        v &&
        /^https?:$/.test(url.protocol) &&
        (!host || url.origin === page().origin || url.host === host)
      )
        return url.href
    } catch {
      // Not a URL at all.
    }
    return undefined
  }

/**
 * What an option must be, as a function of its value (and its path, for nested options): `true`
 * keeps the value, another truthy result is kept instead (a URL resolved, an object copied), and
 * a falsy one refuses it. Built from the few below, the specs read like the options they check.
 */
type Spec = (value: any, path: string) => unknown

/** The value `spec` keeps, or a ConfigError naming `path`, which explain.ts words by that path. */
function read(value: unknown, spec: Spec, path: string): any {
  const kept = spec(value, path)
  check(kept, path || 'options', path || 'options', value)
  return kept === true ? value : kept
}

/**
 * An object of only the keys `specs` names (`ga4.scriptURL` is a typo, not something to ignore),
 * each meeting its spec, with the `required` ones given. Kept as a frozen, prototype-free copy,
 * read from own properties only; null counts as not given, as configs built from JSON have it.
 */
const keys =
  (specs: Record<string, Spec>, ...required: string[]): Spec =>
  (value, path) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false
    const at = (k: string) => (path ? path + '.' + k : k)
    const copy = Object.create(null)
    for (const k of Object.keys(value)) {
      check(own(specs, k), at(k), 'known', k, specs)
      if (value[k] != null) copy[k] = read(value[k], specs[k], at(k))
    }
    for (const k of required) check(k in copy, at(k), at(k), undefined)
    return Object.freeze(copy)
  }

/** An array whose items each meet `item`; a wrong one is named by its index if `indexed`, else by the array. */
const list =
  (item: Spec, indexed?: boolean): Spec =>
  (value, path) =>
    // Array.from, not map: a hole is an item too, and is refused by its index.
    Array.isArray(value) && Array.from(value, (v, i) => read(v, item, indexed ? `${path}[${i}]` : path))

const oneOf = (values: readonly string[]) => (v: any) => values.includes(v)
/** A string of 1 to `max` characters. */
const text = (max: number) => (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= max
/** A string that `pattern` matches. */
const like = (pattern: RegExp) => (v: unknown) => typeof v === 'string' && pattern.test(v)
const TEXT = text(2000)
const PHRASE = text(500)
const BOOLEAN = (v: unknown) => typeof v === 'boolean'

const DECLARATIONS = list(
  keys(
    {
      // A bare `*` would declare every cookie there is, and silence the tripwire with it.
      name: (v) => text(200)(v) && v[0] !== '*',
      // Left out, the catalogue's class (Declared.class).
      class: oneOf(CLASSES),
      purpose: PHRASE,
      lifetime: PHRASE,
      provider: PHRASE,
      storage: oneOf(['cookie', 'localStorage', 'sessionStorage', 'none']),
    },
    'name',
  ),
  true,
)

const OPTIONS = keys({
  // Any value: resolveConfig looks it up among the built-in profiles, or refuses it beside a custom one.
  site: () => true,
  profile: keys(
    // A custom profile must not pass for a built-in one.
    { name: (v) => text(64)(v) && !own(PROFILES, v), cookies: DECLARATIONS, trackers: list(oneOf(['ga4', 'vercel'])) },
    'name',
  ),
  cookies: DECLARATIONS,
  // Google documents no fixed length for measurement IDs, only the shape.
  ga4: keys({ measurementId: like(/^G-[A-Z0-9]+$/), scriptUrl: url('www.googletagmanager.com') }, 'measurementId'),
  // `true` is Vercel Analytics with its defaults.
  vercel: (v, path) => typeof v === 'boolean' || keys({ scriptSrc: url('va.vercel-scripts.com') })(v, path),
  categories: list(oneOf(CATEGORIES)),
  cookieName: like(/^[\w-]{1,64}$/),
  // A bare, optionally dotted, host name: `example.com`, `.example.com`.
  cookieDomain: like(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i),
  lifetimeDays: (v) => typeof v === 'number' && v >= 1 && v <= 395,
  // Kept as a string, as the stored record has it.
  revision: (v) => (typeof v === 'string' || Number.isFinite(v)) && /^[\w.-]{1,32}$/.test(v) && v + '',
  gpc: BOOLEAN,
  policyUrl: url(),
  receiptUrl: url(),
  lang: TEXT,
  nonce: TEXT,
  theme: oneOf(['auto', 'light', 'dark']),
  floatingButton: BOOLEAN,
  ui: BOOLEAN,
  onConsent: (v) => typeof v === 'function',
  // `about` is by cookie name, whatever the names: only its texts are checked.
  strings: keys({ ...fill(STRING_KEYS, TEXT), about: (v, path) => keys(fill(Object.keys(v), TEXT))(v, path) }),
})

/**
 * Checks every option and resolves the profile, reading own properties only. Throws a ConfigError
 * naming the option and the value it got: bad config must never turn into a tracker. `host` is the
 * page's; a server, which serves many, passes null and `cookieDomain` is taken as given.
 */
export function resolveConfig(given: Options, host: string | null | undefined = globalThis.location?.hostname): Config {
  const options: Options = read(given, OPTIONS, '')
  const { site, profile: custom, ga4: g, vercel: v, cookieName = 'consent_gate', categories: wanted = [], ...rest } = options
  // Looked up as a string only: `['pisama']` would name a profile through its toString.
  const profile = custom
    ? !site && { cookies: [], trackers: ['ga4', 'vercel'], ...custom }
    : typeof site === 'string' && own(PROFILES, site) && PROFILES[site]
  check(profile, 'site', 'site', site, PROFILES, custom?.name ?? '')
  const { name, trackers } = profile
  // A profile without trackers promises none: nothing may be declared or offered there that needs
  // consent, whether through its own declarations, the `cookies` option or `categories`.
  const quiet = !trackers.length
  const extra = options.cookies ?? []
  for (const [option, list] of [
    ['profile.cookies', profile.cookies],
    ['cookies', extra],
    ['categories', wanted.map((c) => ({ name: c, class: c }))],
  ] as const) {
    const bad = list.find((d) => quiet && categoryOf(d.class))
    check(!bad, option, 'trackers', bad?.name, bad?.class as string, name)
  }
  // A tracker runs only on a profile that names it.
  for (const t of ['ga4', 'vercel'] as const) check(!options[t] || trackers.includes(t), t, 'trackers', options[t], t, name)

  const ga4 = g && {
    id: g.measurementId,
    src: (g.scriptUrl || 'https://www.googletagmanager.com/gtag/js') + '?id=' + g.measurementId,
  }
  // Not `v.scriptSrc` for `true`: a polluted Boolean.prototype would answer it.
  const vercel = v ? { src: (v !== true && v.scriptSrc) || url()('/_vercel/insights/script.js')! } : undefined
  // Every declaration prototype-free: a polluted `Object.prototype.storage` must not hide one.
  const cookies: Declared[] = [
    { name: cookieName, class: 'essential' },
    ...profile.cookies,
    ...extra,
    ...(ga4 ? TRACKER_COOKIES.ga4 : []),
    ...(vercel ? TRACKER_COOKIES.vercel : []),
  ].map((d) => Object.freeze({ __proto__: null, ...d }) as Declared)
  // The consent cookie must not share a name with one the site or a tracker declares: removing
  // theirs (say, `_ga` on a withdrawal) would remove the choice, and writing it would clobber theirs.
  const clash = cookies.slice(1).find((d) => matches(d.name, cookieName))
  check(!clash, 'cookieName', 'cookies', cookieName, clash?.name as string)
  // Nor one of Google's, declared or not: a withdrawal of analytics removes those.
  check(!GOOGLE_COOKIE.test(cookieName), 'cookieName', 'google', cookieName)

  // `cookieDomain` must be this host or a parent of it, and not a bare top-level domain, or the
  // browser refuses every write and the visitor is asked again on every page; and not with a
  // `__Host-` cookie, which the browser keeps to one host.
  const domain = options.cookieDomain
  const d = domain?.replace(/^\./, '').toLowerCase()
  check(
    !d || (!cookieName.startsWith('__Host-') && (host == null || (d.includes('.') && ('.' + host).endsWith('.' + d)))),
    'cookieDomain',
    'domain',
    domain,
    host ?? '',
    cookieName,
  )

  return Object.freeze({
    __proto__: null,
    lifetimeDays: 182,
    gpc: true,
    theme: 'auto',
    floatingButton: false,
    ui: true,
    revision: '1',
    ...rest,
    profile: Object.freeze({ ...profile, cookies: cookies.slice(1, 1 + profile.cookies.length) }),
    cookies: Object.freeze(cookies),
    // A quiet profile offers nothing, whatever its declarations say: nothing can ever be granted.
    categories: Object.freeze(quiet ? [] : CATEGORIES.filter((c) => wanted.includes(c) || cookies.some((d) => d.class === c))),
    ga4,
    vercel,
    cookieName,
    strings: options.strings ?? Object.freeze({}),
  }) as Config
}
