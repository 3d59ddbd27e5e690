import type { Config } from './options'
import { STRING_KEYS } from './strings'
/** A wording: what the option must be, from the values the loader gives and the option's path. */
type Wording = (args: string[], option: string) => string

const object = () => 'must be an object'
// No real text comes near 2000 characters, so only the tighter limits are worth saying.
const text = (max: number) => () => `must be a non-empty string${max < 2000 ? ` of up to ${max} characters` : ''}`
const boolean = () => 'must be true or false'
const url = () => 'must be a relative or http(s) URL'
const script = (host: string) => () => `must be a URL on this site's origin or on ${host}`
const oneOf = (values: string) => () => `must be one of ${values}`

/**
 * What each option must be when its value has the wrong shape, by its path with `[]` for an index
 * (`cookies[].class`), a custom profile's declarations as `cookies`, and every text as `strings.*`.
 * The loader says only which option, so the values allowed are spelled out here; a test holds
 * them to the loader's own lists.
 */
const SHAPES: Record<string, Wording> = {
  __proto__: null as never,
  options: () => 'must be an object of options, e.g. { site: "pisama" }',
  // Given with a custom profile, a site is refused whatever it names.
  site: ([, custom]) =>
    custom ? 'cannot be combined with "profile"' : 'must name the site: up to 64 letters, digits, ".", "_" or "-"',
  never: boolean,
  profile: object,
  'profile.name': () => 'must not reuse a built-in profile name, and must be a non-empty string of up to 64 characters',
  'profile.trackers': () => 'must list only "ga4", "gtm", "clarity", "uet" and "vercel"',
  cookies: () => 'must be an array of cookie declarations',
  'cookies[]': () => 'must be a cookie declaration, an object',
  'cookies[].name': () => 'must be a cookie name, or a prefix ending in "*" (not "*" alone), of up to 200 characters',
  'cookies[].class': oneOf('essential, session, xsrf, functional, analytics, marketing, unknown'),
  'cookies[].purpose': text(500),
  'cookies[].lifetime': text(500),
  'cookies[].provider': text(500),
  'cookies[].storage': oneOf('cookie, localStorage, sessionStorage, none'),
  ga4: object,
  'ga4.measurementId': () => 'must look like "G-XXXXXXXXXX"',
  'ga4.scriptUrl': script('www.googletagmanager.com'),
  gtm: object,
  'gtm.containerId': () => 'must look like "GTM-XXXXXXX"',
  'gtm.scriptUrl': script('www.googletagmanager.com'),
  clarity: object,
  'clarity.projectId': () => 'must be a Clarity project ID: letters and digits',
  uet: object,
  'uet.tagId': () => 'must be a UET tag ID: digits',
  consentMode: () => 'must be "basic" or "advanced"',
  vercel: () => 'must be true, false or an object',
  'vercel.scriptSrc': script('va.vercel-scripts.com'),
  categories: () => 'must contain only functional, analytics, marketing',
  cookieName: () => 'must be letters, digits, "_" or "-"',
  cookieDomain: () => 'must be a domain name like "example.com"',
  lifetimeDays: () => 'must be a number of days from 1 to 395 (13 months, the longest regulators accept)',
  revision: () => 'must be a number or a short string of letters, digits, ".", "_" or "-"',
  gpc: boolean,
  policies: () => 'must be an object of policies by region, e.g. { "us-privacy": "opt-out" }',
  'policies.*': () =>
    'must be "opt-in", "opt-out" or "notice", under a region code ("DE", "US-CA"), a group (eea, uk, ch, us-privacy) or "*"',
  regionHint: text(100),
  policyUrl: url,
  receiptUrl: url,
  lang: text(2000),
  nonce: text(2000),
  theme: () => 'must be "auto", "light" or "dark"',
  layout: () => 'must be "box" or "bar"',
  position: () => 'must be "bottom" or "top"',
  floatingButton: boolean,
  ui: boolean,
  onConsent: () => 'must be a function',
  strings: object,
  'strings.about': object,
  'strings.*': text(2000),
  texts: () => 'must be an object of texts by language tag, e.g. { de: { title: "…" } }',
  'texts.*': object,
  'texts.*.about': object,
  'texts.*.*': text(2000),
}

/** Edits (insert, delete, replace) from a to b, ignoring case. */
const distance = (a: string, b: string): number => {
  a = a.toLowerCase()
  b = b.toLowerCase()
  let row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    row = next
  }
  return row[b.length]
}

/**
 * The known name a typo most likely meant, if one is close: a script tag's attribute is matched
 * among the attributes (`data-ga` → `data-ga4`), an option among the options.
 */
const nearest = (typo: string, keys: string[]): string | undefined => {
  const tag = typo.startsWith('data-')
  const names = keys.map((k) => (tag ? 'data-' + k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()) : k))
  if (tag) names.push('data-ga4-src', 'data-config')
  const [best] = names.map((n) => [distance(typo, n), n] as const).sort((x, y) => x[0] - y[0])
  return best && best[0] <= Math.max(2, typo.length / 3) ? best[1] : undefined
}

/** Options the script tag has no attribute for: objects, lists of them, a function; its nonce is its own. */
const UNTAGGED = /^(\$schema|profile|cookies|strings|texts|policies|onConsent|nonce)$/

/** What each rule across options says, by the rule's name in options.ts. */
const RULES: Record<string, Wording> = {
  __proto__: null as never,
  // window.ConsentGateConfig, from the script tag.
  config: SHAPES.options,
  known: ([keys], option) => {
    // A tag's attributes are listed in docs/options.md, not by their option names; an attribute is
    // matched whole (it may hold a "."), and only among those the tag takes.
    if (!option.startsWith('data-')) {
      const near = nearest(option.replace(/.*\./, ''), keys.split(', '))
      return `is not a known option${near ? `; did you mean "${option.replace(/[^.]*$/, near)}"?` : '.'} Known here: ${keys}`
    }
    const name = option.slice(5).replace(/-([a-z\d])/g, (_, c) => c.toUpperCase())
    if (UNTAGGED.test(name)) return `is not an attribute: give "${name}" in the JSON description data-config names`
    const near = nearest(
      option,
      keys.split(', ').filter((k) => !UNTAGGED.test(k)),
    )
    return `is not a known attribute${near ? `; did you mean "${near}"?` : ''}`
  },
  // data-config names no JSON element, or one whose text is not an object.
  json: () =>
    'must name the id of one <script type="application/json"> element, placed before the tag, holding the description as a JSON object',
  // What a profile's trackers forbid: running a tracker it does not name and, on a profile that
  // names none, declaring a class of cookie that needs consent or offering a category.
  trackers: ([what, site], option) =>
    /^(ga4|gtm|clarity|uet|vercel)$/.test(option)
      ? `is not allowed on site "${site}"${site === 'pisama' ? ', a preset: give your site its own name' : ''}`
      : `cannot ${option === 'categories' ? `offer "${what}"` : option === 'consentMode' ? `be "${what}"` : `declare ${what} cookies`} on site "${site}", which promises no trackers`,
  // Policies other than opt-in where a site promises more: none at all on a site that runs nothing.
  regions: ([site]) =>
    site === 'pisama'
      ? 'cannot be given on site "pisama", a preset that asks first everywhere: give your site its own name'
      : `cannot be given on site "${site}", which promises no trackers: it asks nothing anywhere`,
  // A switch among the script tag's data-* attributes; data-vercel may also be a URL.
  flag: (_, option) => `must be empty, "true", "on", "false" or "off"${option == 'vercel' ? ', or a script URL with a "/"' : ''}`,
  // The consent cookie's name is one the site or a tracker declares.
  cookies: ([name]) => `must not be a cookie the site or a tracker declares (${name})`,
  google: () => 'must not be a name Google Analytics uses (_ga, _ga_*, _gid, _gat*, _gcl_*…): a withdrawal removes those',
  // Refused with a `__Host-` cookieName, or for not being this page's host or a parent of it.
  domain: ([host, name]) =>
    name.startsWith('__Host-')
      ? 'cannot be given with a "__Host-" cookieName, which browsers keep to one host'
      : `must be this page's host "${host}" or a parent domain of it, and not a top-level domain`,
}

/**
 * A refused option. Its message names the option and the value; what would be right lives in
 * explain.ts, so the script-tag loader fetches that wording only when it fails.
 */
export interface ConfigError extends Error {
  option: string
  /** The option itself when its value has the wrong shape, or a rule across options (`trackers`, `domain`…). */
  rule: string
  /** The value, as JSON where it can be. */
  got: string
  /** Values the rule's wording names; a list or a record is shown as its items or keys. */
  args: (string | readonly string[] | object)[]
}

/** An option's key in SHAPES. */
const shape = (option: string) =>
  option
    .replace(/\[\d+\]/g, '[]')
    .replace(/^profile\.(?=cookies)/, '')
    .replace(/^strings\.(?!about$).+/, 'strings.*')
    .replace(/^policies\..+/, 'policies.*')
    .replace(/^texts\.[^.]+/, 'texts.*')
    .replace(/^texts\.\*\.(?!about$).+/, 'texts.*.*')

/**
 * The full message for a refused option, e.g. `consent-gate: option "ga4.measurementId" must look
 * like "G-XXXXXXXXXX", got "UA-1234-1"`. Anything that is not a ConfigError passes through.
 * A chunk of its own: the script-tag loader fetches this wording only when an option is wrong.
 */
export const explain = (e: unknown): unknown => {
  const { option, rule, got, args = [] } = (e ?? {}) as ConfigError
  if (typeof option !== 'string' || typeof rule !== 'string') return e
  // An unknown key can share its name with a rule: `{ known: 1 }`.
  const want = (rule === option && SHAPES[shape(option)]) || RULES[rule]
  // Lists come as the loader's own arrays and records, so a valid config pays for no joining.
  const words = args.map((a) => (typeof a === 'string' ? a : (Array.isArray(a) ? a : Object.keys(a)).join(', ')))
  // A switch of the script tag is named as written there: `data-floating-button`.
  const name = rule == 'flag' ? 'data-' + option.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()) : option
  return want ? new Error(`consent-gate: option "${name}" ${want(words, option)}, got ${got}`) : e
}

/**
 * Names each of the site's texts (`strings`, `texts`) whose key the UI does not have, with the
 * nearest it has: such a text is never shown. Checked here, once the UI needs its texts, so the
 * loader carries no list of keys.
 */
export const unknownTexts = ({ strings, texts = {} }: Pick<Config, 'strings' | 'texts'>): void => {
  const sets: [string, object][] = [
    ['strings', strings],
    ...Object.keys(texts).map((l): [string, object] => ['texts.' + l, texts[l]]),
  ]
  for (const [path, set] of sets)
    for (const k of Object.keys(set))
      if (!STRING_KEYS.includes(k)) {
        const near = nearest(k, STRING_KEYS)
        console.error(
          `consent-gate: option "${path}.${k}" is not a known text${near ? `; did you mean "${path}.${near}"?` : ''}; it is never shown`,
        )
      }
}

/** What the loader warns of, by name (report.ts warnLater): it carries no such prose itself. */
export const NOTES = {
  placeholder: (option: string) =>
    `option "${option}" is the documentation's placeholder id: put your own there; nothing is loaded for it`,
  advanced: () =>
    'consentMode "advanced": Google\'s tags load before consent, everything denied, and send Google cookieless pings (page address, referrer, browser, consent state)',
  blocked: () => 'cookies are blocked, so this choice lasts only until the page closes',
  loop: () => 'listeners answer each other with choices without end: they are no longer told (the last choice counts)',
  suffix: (domain: string) =>
    `the browser refused cookieDomain "${domain}" (a public suffix?), so this choice is kept for this host only`,
}

export type Note = keyof typeof NOTES
