/** What a visitor grants. Essential cookies need no grant, so they have no category. */
export type Category = 'functional' | 'analytics' | 'marketing'
/** Every category, in display order. */
export const CATEGORIES: readonly Category[] = ['functional', 'analytics', 'marketing']
/** A choice per offered category; `true` means granted. Prototype-free where the SDK builds it. */
export type Choices = Partial<Record<Category, boolean>>
/** How a choice was given; kept in the record and the receipt. */
export type Via = 'banner' | 'dialog' | 'api' | 'gpc' | 'embed'

/** What a cookie or storage key is. `unknown` is never treated as essential. */
export type CookieClass = 'essential' | 'session' | 'xsrf' | 'functional' | 'analytics' | 'marketing' | 'unknown'
/** Every class, in display order: what a site needs first, then what a visitor may grant. */
export const CLASSES = 'essential session xsrf functional analytics marketing unknown'.split(' ') as CookieClass[]

/** The trackers the SDK can load, in the order it starts them. */
export const TRACKERS = ['ga4', 'gtm', 'clarity', 'uet', 'vercel'] as const
export type Tracker = (typeof TRACKERS)[number]
/** The option that holds each tracker's id: `ga4: { measurementId }`, `data-ga4="G-…"`. */
export const TRACKER_IDS: Record<string, string> = {
  __proto__: null as never,
  ga4: 'measurementId',
  gtm: 'containerId',
  clarity: 'projectId',
  uet: 'tagId',
}

/** How a declaration reads in the banner and the cookie table. */
export interface Wording {
  purpose: string
  /** Human wording, shown as is: "Session", "2 years". */
  lifetime: string
  provider: string
}

/**
 * One cookie or storage key a site declares. A name ending in `*` is a prefix. Built-in
 * declarations leave out their wording: it lives in wording.ts, loaded only with the UI.
 */
export interface Declared extends Partial<Wording> {
  name: string
  /**
   * Left out, the catalogue's class, looked up only when it matters (the tripwire, `audit()`,
   * the cookie table and the dialog; docs/classification.md): such a declaration never makes a
   * category offered, and the catalogue also fills its wording.
   */
  class?: CookieClass
  /** Where it lives; `none` is a tracker that stores nothing but still needs consent. */
  storage?: 'cookie' | 'localStorage' | 'sessionStorage' | 'none'
}

/** Looks up a declaration by name: `findDeclared`, or a stand-in for it. */
export type Find = (name: string, declared: readonly Declared[]) => Declared | undefined

/** Whether a declared name (a prefix when it ends in `*`) covers this one. */
export const matches = (pattern: string, name: string): boolean =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name

/** The declaration that names this cookie or key, exact names before prefixes. */
export const findDeclared: Find = (name, declared) =>
  declared.find((d) => d.name === name && d.storage !== 'none') ||
  declared.find((d) => d.storage !== 'none' && matches(d.name, name))

/** A site's declared cookies and the trackers it may ever run. */
export interface Profile {
  name: string
  cookies: Declared[]
  /** Trackers this site may run; options can only turn these on. None on a `never` site. */
  trackers: Tracker[]
  /** The site promises no trackers: nothing is offered, nothing can be granted, any tracker is reported. */
  never?: boolean
}

/**
 * The shipped presets, each what a site would describe of itself, from its privacy policy: a site
 * named otherwise starts from nothing. The consent cookie is added to each.
 */
export const PRESETS: Record<string, Profile> = {
  // A prototype-free map: `site: "constructor"` names no preset.
  __proto__: null as never,
  pisama: {
    name: 'pisama',
    cookies: [
      { name: '_vercel_jwt', class: 'essential' },
      { name: 'pisama_session', class: 'session' },
    ],
    // Its policy names these two; nothing else may be turned on under its name.
    trackers: ['ga4', 'vercel'],
  },
  pigi: {
    name: 'pigi',
    cookies: [
      { name: 'pigi_session', class: 'session' },
      { name: 'XSRF-TOKEN', class: 'xsrf' },
      { name: 'theme', class: 'essential', storage: 'localStorage' },
    ],
    // Pigi's policy promises no analytics or advertising trackers at all.
    trackers: [],
    never: true,
  },
}

/** Declarations of one class for a comma-separated list of names. */
const declare = (names: string, cls: CookieClass, storage?: Declared['storage']): Declared[] =>
  names.split(',').map((name) => ({ name, class: cls, storage }))

/**
 * Cookies each tracker writes, so the banner and the cookie table can name them. A tracker that
 * stores nothing (Vercel Web Analytics; Tag Manager's container, whose tags store under Consent
 * Mode) runs script and sends data all the same, so it is declared too.
 */
export const TRACKER_COOKIES: Record<Tracker, Declared[]> = {
  ga4: declare('_ga,_ga_*', 'analytics'),
  gtm: declare('Google Tag Manager', 'analytics', 'none'),
  clarity: declare('_clck,_clsk', 'analytics'),
  uet: declare('_uetsid,_uetvid,_uetmsclkid', 'marketing'),
  vercel: declare('Vercel Web Analytics', 'analytics', 'none'),
}

/**
 * Cookies Google's tags may leave, which a withdrawal of analytics removes: gtag.js's `_ga` and
 * `_ga_<id>`, the older `_gid`, `_gat` and `_gat_<UA id>`, Tag Manager's `_dc_gtm_<id>` and the Ads
 * linker's `_gcl_*` and `_gac_*`; not a site's own `_gateway`. The consent cookie may not be one.
 */
export const GOOGLE_COOKIE = /^_(ga|gid|gat|dc_gtm|gcl|gac)(_[\w-]+)?$/

/** The category a cookie of this class needs, if any. */
export const categoryOf = (cls?: CookieClass): Category | undefined =>
  (CATEGORIES as readonly (string | undefined)[]).includes(cls) ? (cls as Category) : undefined
