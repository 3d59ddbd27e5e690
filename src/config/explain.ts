const quiet = (what: string, profile: string) => `cannot ${what} on profile "${profile}", which promises no trackers`

/** What each rule wants, in words; lists of allowed values come with the error. */
const WANTS = {
  object: () => 'must be an object',
  config: () => 'must be an object of options, e.g. { site: "pisama" }',
  known: (keys: string) => `is not a known option; known here: ${keys}`,
  combined: () => 'cannot be combined with "profile"',
  cookieName: () => 'must be letters, digits, "_" or "-"',
  string: () => 'must be a non-empty string',
  name: () => 'must be a cookie name, or a prefix ending in "*" (not "*" alone)',
  cookieClash: (name: string) => `must not be a cookie the site or a tracker declares (${name})`,
  builtin: () => 'must not reuse a built-in profile name',
  trackers: () => 'must list only "ga4" and "vercel"',
  site: (sites: string) => `must be one of ${sites} (or give "profile")`,
  array: () => 'must be an array of cookie declarations',
  class: (classes: string) => `must be one of ${classes}`,
  quietCookie: (cls: string, profile: string) => quiet(`declare ${cls} cookies`, profile),
  tracker: (profile: string) => `is not allowed on profile "${profile}"`,
  measurementId: () => 'must look like "G-XXXXXXXXXX"',
  url: () => 'must be a relative or http(s) URL',
  scriptUrl: (host: string) => `must be a URL on this site's origin or on ${host}`,
  categories: (categories: string) => `must contain only ${categories}`,
  quietCategory: (category: string, profile: string) => quiet(`offer "${category}"`, profile),
  days: () => 'must be a number of days from 1 to 395 (13 months, the longest regulators accept)',
  revision: () => 'must be a number or a short string of letters, digits, ".", "_" or "-"',
  domain: () => 'must be a domain name like "example.com"',
  hostPrefix: () => 'cannot be given with a "__Host-" cookieName, which browsers keep to one host',
  domainHost: (host: string) => `must be this page's host "${host}" or a parent domain of it, and not a top-level domain`,
  theme: () => 'must be "auto", "light" or "dark"',
  function: () => 'must be a function',
  boolean: () => 'must be true or false',
}

export type Rule = keyof typeof WANTS

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

/**
 * The full message for a refused option, e.g. `consent-gate: option "ga4.measurementId" must look
 * like "G-XXXXXXXXXX", got "UA-1234-1"`. Anything that is not a ConfigError passes through.
 * A chunk of its own: the script-tag loader fetches this wording only when an option is wrong.
 */
export const explain = (e: unknown): unknown => {
  const { option, rule, got, args } = e as ConfigError
  const want = WANTS[rule] as ((...a: string[]) => string) | undefined
  // Lists come as the loader's own arrays and records, so a valid config pays for no joining.
  const words = args?.map((a) => (typeof a === 'string' ? a : (Array.isArray(a) ? a : Object.keys(a)).join(', ')))
  return want ? new Error(`consent-gate: option "${option}" ${want(...words)}, got ${got}`) : e
}
