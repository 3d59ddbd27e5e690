import type { ConfigError } from './explain'
import { fill, own } from './own'
import {
  CATEGORIES,
  CLASSES,
  GOOGLE_COOKIE,
  PRESETS,
  TRACKERS,
  TRACKER_COOKIES,
  TRACKER_IDS,
  categoryOf,
  matches,
  type Category,
  type Choices,
  type Declared,
  type Profile,
  type Tracker,
  type Via,
} from './profiles'
import { POLICIES, POLICY_KEY, type Policies, type Policy } from './regions'
import type { Texts } from './strings'

export type { ConfigError }

export type Theme = 'auto' | 'light' | 'dark'
/** How the Consent Mode tags (GA4, Tag Manager) load: only after a yes, or at once with everything denied. */
export type ConsentMode = 'basic' | 'advanced'

/** Proof of one choice (GDPR Art. 7(1)), as `onConsent` and the receipt endpoint get it: what was chosen, when, how, under which revision. */
export interface Receipt {
  consentId: string
  /** ISO 8601 time the choice was given. */
  givenAt: string
  expiresAt: string
  site: string
  revision: string
  choices: Choices
  /** Where it was given: `banner`, `dialog`, `embed` (texts shown), `api`, `gpc` (none). */
  via: Via
  sdkVersion: string
  /** The language the banner, dialog or embed was shown in; none for `api` and `gpc`. */
  lang?: string
  /** SHA-256, base64url, of every text that surface could show (consent/shown.ts); `wordingOf` on a server gives it back. */
  wording?: string
  /** Whether the browser sent a Global Privacy Control signal when the choice was made. */
  gpc?: boolean
  /** Where the site's server said the visitor was (`DE`, `US-CA`), when it said. */
  region?: string
  /** The rules that applied (docs/regions.md), on a site that chooses them by region. */
  policy?: Policy
}

/**
 * A site's description of itself: plain JSON but for `onConsent` (docs/options.md,
 * schema.json). The same object works through every entry point.
 */
export interface Options {
  /** The JSON Schema a description file names for editors; ignored. */
  $schema?: string
  /**
   * The site's name, as its receipts carry it. `pisama` and `pigi` are shipped presets (their
   * cookies and trackers come with the name); any other name starts from nothing.
   */
  site?: string
  /** The site promises no trackers: nothing is ever offered or loaded, and any tracker is reported. */
  never?: boolean
  /** The older form of a site description: `site` and `cookies` say the same. Give `site` or `profile`, not both. */
  profile?: { name: string; cookies?: Declared[]; trackers?: Tracker[] }
  /** The site's cookies and storage keys; the catalogue fills in what is left out. */
  cookies?: Declared[]
  /** `scriptUrl` serves gtag.js from elsewhere, e.g. a Google tag gateway on your own domain. */
  ga4?: { measurementId: string; scriptUrl?: string }
  /** Google Tag Manager's web container. */
  gtm?: { containerId: string; scriptUrl?: string }
  /** Microsoft Clarity. */
  clarity?: { projectId: string }
  /** Microsoft Advertising's Universal Event Tracking tag. */
  uet?: { tagId: string }
  vercel?: boolean | { scriptSrc?: string }
  /** `advanced` loads GA4 and Tag Manager before consent, everything denied (docs/options.md says what they send). */
  consentMode?: ConsentMode
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
  /**
   * The rules by the visitor's region (docs/regions.md): `opt-in` (the default everywhere),
   * `opt-out` or `notice`, by region code (`DE`, `US-CA`), group (`eea`, `uk`, `ch`, `us-privacy`)
   * or `*` for every other region. A visitor whose region is unknown gets the strictest the site uses.
   */
  policies?: Policies
  /**
   * The site's own server's word on this visitor's rules, as `regionHint()` in consent-gate/server
   * gives it (`US-CA:opt-out`). A malformed one, or none, gives the strictest the site uses.
   */
  regionHint?: string
  policyUrl?: string
  lang?: string
  /** Texts for every language at once: the older, single-language form of `texts`. */
  strings?: Partial<Texts>
  /** Texts by language (`{ de: { title: '…' } }`): only the keys given, only in that language; a language we do not ship is added. */
  texts?: Record<string, Partial<Texts>>
  theme?: Theme
  /** A box in a corner, or a bar across the page. */
  layout?: 'box' | 'bar'
  position?: 'bottom' | 'top'
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
  readonly gtm?: Readonly<NonNullable<Options['gtm']>>
  readonly clarity?: Readonly<NonNullable<Options['clarity']>>
  readonly uet?: Readonly<NonNullable<Options['uet']>>
  readonly vercel?: { readonly src: string }
  readonly consentMode?: ConsentMode
  readonly cookieName: string
  readonly cookieDomain?: string
  readonly lifetimeDays: number
  readonly revision: string
  readonly gpc: boolean
  readonly policies?: Policies
  readonly regionHint?: string
  readonly policyUrl?: string
  readonly lang?: string
  /** The site's own texts, own keys only. */
  readonly strings: Partial<Texts>
  readonly texts?: Readonly<Record<string, Partial<Texts>>>
  readonly theme: Theme
  readonly layout?: 'box' | 'bar'
  readonly position?: 'bottom' | 'top'
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
    throw (refused = Object.assign(Error(`consent-gate: option "${option}" is invalid, got ${got}`), { option, rule, got, args }))
  }
}

/**
 * The last error `check` threw. The script tag drops an unknown option only on this very error: a
 * page's getter can throw one that looks the same, naming `never`.
 */
export let refused: unknown

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

/** A tracker's options: its id, of this shape, and where Google's tags may also come from a gateway. */
const tracker = (name: string, id: RegExp, gateway?: boolean) =>
  keys({ [TRACKER_IDS[name]]: like(id), ...(gateway && { scriptUrl: url('www.googletagmanager.com') }) }, TRACKER_IDS[name])

/**
 * Texts by key, each a string shown as text; `about` by cookie name. Which keys the UI has is the
 * lazy explanation chunk's to say (`unknownTexts`): the loader carries no list of them, and a
 * typo in a text can only leave a built-in text in place.
 */
const STRINGS: Spec = (v, path) =>
  keys(
    fill(Object.keys(v), (t: unknown, p: string) => (p.endsWith('.about') ? keys(fill(Object.keys(t!), TEXT))(t, p) : TEXT(t))),
  )(v, path)

const OPTIONS = keys({
  // A description's editor hint (schema.json), read by no one here.
  $schema: () => true,
  // A name receipts carry; resolveConfig looks it up among the presets, or refuses it beside a custom profile.
  site: like(/^[\w.-]{1,64}$/),
  never: BOOLEAN,
  profile: keys(
    // A custom profile must not pass for a preset.
    { name: (v) => text(64)(v) && !own(PRESETS, v), cookies: DECLARATIONS, trackers: list(oneOf(TRACKERS)) },
    'name',
  ),
  cookies: DECLARATIONS,
  // Google documents no fixed length for measurement IDs, only the shape.
  ga4: tracker('ga4', /^G-[A-Z0-9]+$/, true),
  gtm: tracker('gtm', /^GTM-[A-Z0-9]+$/, true),
  clarity: tracker('clarity', /^[a-z0-9]{1,32}$/i),
  uet: tracker('uet', /^\d{1,16}$/),
  // `true` is Vercel Analytics with its defaults.
  vercel: (v, path) => typeof v === 'boolean' || keys({ scriptSrc: url('va.vercel-scripts.com') })(v, path),
  consentMode: oneOf(['basic', 'advanced']),
  categories: list(oneOf(CATEGORIES)),
  cookieName: like(/^[\w-]{1,64}$/),
  // A bare, optionally dotted, host name: `example.com`, `.example.com`.
  cookieDomain: like(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i),
  lifetimeDays: (v) => typeof v === 'number' && v >= 1 && v <= 395,
  // Kept as a string, as the stored record has it.
  revision: (v) => (typeof v === 'string' || Number.isFinite(v)) && /^[\w.-]{1,32}$/.test(v) && v + '',
  gpc: BOOLEAN,
  // Each entry by its key: `policies.Europe` is named as no region or group.
  policies: (v, path) => keys(fill(Object.keys(v ?? 0), (p: unknown, k: string) => POLICY_KEY.test(k.slice(9)) && oneOf(POLICIES)(p)))(v, path),
  // As the server wrote it; a malformed hint is an unknown region, not a broken page.
  regionHint: text(100),
  policyUrl: url(),
  receiptUrl: url(),
  lang: TEXT,
  nonce: TEXT,
  theme: oneOf(['auto', 'light', 'dark']),
  layout: oneOf(['box', 'bar']),
  position: oneOf(['bottom', 'top']),
  floatingButton: BOOLEAN,
  ui: BOOLEAN,
  onConsent: (v) => typeof v === 'function',
  // `about` is by cookie name, whatever the names: only its texts are checked.
  strings: STRINGS,
  // By BCP 47 language tag: `de`, `pt-BR`, `sw`.
  texts: (v, path) =>
    v &&
    typeof v === 'object' &&
    Object.keys(v).every(like(/^[a-z]{2,3}(-[a-z\d]{2,8})*$/i)) &&
    keys(fill(Object.keys(v), STRINGS))(v, path),
})

/**
 * Checks every option and resolves the profile, reading own properties only. Throws a ConfigError
 * naming the option and the value it got: bad config must never turn into a tracker. `host` is the
 * page's; a server, which serves many, passes null and `cookieDomain` is taken as given.
 */
export function resolveConfig(given: Options, host: string | null | undefined = globalThis.location?.hostname): Config {
  const options: Options = read(given, OPTIONS, '')
  const {
    // For editors only: left out of the config.
    $schema,
    site,
    never,
    profile: custom,
    ga4: g,
    vercel: v,
    cookieName = 'consent_gate',
    categories: wanted = [],
    ...rest
  } = options
  // A preset by its name; any other name is a site of its own, which inherits nothing.
  const profile: Profile | false | undefined = custom
    ? !site && { cookies: [], trackers: [...TRACKERS], ...custom }
    : !!site && (own(PRESETS, site) ? PRESETS[site] : { name: site, cookies: [], trackers: [...TRACKERS] })
  check(profile, 'site', 'site', site, PRESETS, custom?.name ?? '')
  const { name } = profile
  // A site that promises no trackers, however it says so, runs none: nothing may be declared or
  // offered there that needs consent, whether through its own declarations, `cookies` or `categories`.
  const quiet = !!(never || profile.never) || !profile.trackers.length
  const trackers = quiet ? [] : profile.trackers
  const extra = options.cookies ?? []
  for (const [option, list] of [
    ['profile.cookies', profile.cookies],
    ['cookies', extra],
    ['categories', wanted.map((c) => ({ name: c, class: c }))],
  ] as const) {
    const bad = list.find((d) => quiet && categoryOf(d.class))
    check(!bad, option, 'trackers', bad?.name, bad?.class as string, name)
  }
  // A tracker runs only on a site that may run it; Consent Mode's advanced mode loads Google's tags.
  for (const t of TRACKERS) check(!options[t] || trackers.includes(t), t, 'trackers', options[t], t, name)
  check(!quiet || options.consentMode !== 'advanced', 'consentMode', 'trackers', options.consentMode, 'advanced', name)
  // Regions change what is asked, never what a site promises: a site that runs nothing has no
  // rules to choose, and a preset's are its privacy policy's ("only after consent", for Pisama).
  check(!options.policies || !(quiet || own(PRESETS, name)), 'policies', 'regions', options.policies, name)

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
    ...TRACKERS.flatMap((t) => (options[t] ? TRACKER_COOKIES[t] : [])),
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
    profile: Object.freeze({ ...profile, never: quiet, trackers, cookies: cookies.slice(1, 1 + profile.cookies.length) }),
    cookies: Object.freeze(cookies),
    // A quiet profile offers nothing, whatever its declarations say: nothing can ever be granted.
    categories: Object.freeze(quiet ? [] : CATEGORIES.filter((c) => wanted.includes(c) || cookies.some((d) => d.class === c))),
    ga4,
    vercel,
    cookieName,
    strings: options.strings ?? Object.freeze({}),
  }) as Config
}
