import type { Config } from '../config/options'
import type { Banner, Details, Messages } from '../config/strings'
import type { CookieClass, Declared, Wording } from '../config/profiles'

// Lifetimes in days; 0 lasts the browser session, -1 stores nothing, Infinity stays until cleared.
const SESSION = 0
const NOTHING = -1
const KEPT = Infinity

/** Provider and lifetime of the built-in declarations; purposes come in the visitor's language. */
const BUILT_IN: Record<string, [provider: string, days: number]> = {
  __proto__: null as never,
  _vercel_jwt: ['Vercel', SESSION],
  pisama_session: ['Pisama', SESSION],
  pigi_session: ['Pigi', SESSION],
  'XSRF-TOKEN': ['Pigi', SESSION],
  theme: ['Pigi', KEPT],
  // Google documents 2 years for both.
  _ga: ['Google Analytics', 730],
  '_ga_*': ['Google Analytics', 730],
  'Vercel Web Analytics': ['Vercel', NOTHING],
}

/** "6 months", "2 Jahre": whole years when exact, else months from four weeks, else days. */
const duration = (days: number, t: Messages, lang: string): string => {
  if (days === SESSION) return t.lifeSession
  if (days === NOTHING) return t.lifeNone
  if (days === KEPT) return t.lifeKept
  const [n, unit] =
    days >= 365 && days % 365 === 0 ? [days / 365, 'year'] : days >= 28 ? [Math.round(days / 30.4), 'month'] : [days, 'day']
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(n)
}

/**
 * Every text of the dialog and the cookie table: the language's banner texts and details, with
 * the site's texts for that language (`strings`, then `texts[lang]`) over them.
 */
export const messages = (banner: Banner, details: Details, strings: Partial<Messages>): Messages => ({
  ...banner,
  ...details,
  ...strings,
  // A prototype-free map: a cookie named `constructor` has no purpose.
  about: Object.assign(Object.create(null), details.about, strings.about),
})

/**
 * The site's declarations, those without a class completed from the catalogue (class, provider,
 * purpose, lifetime; the site's words win): the audit chunk and the purposes chunk, fetched only
 * when there is such a declaration. If they cannot load, the declarations as given.
 */
export const filled = (config: Config): Promise<readonly Declared[]> =>
  config.cookies.some((d) => !d.class)
    ? Promise.all([import('../cookies/audit'), import('../catalogue/purposes')]).then(
        ([m, p]) => m.fill(config, p.purposeOf),
        (e) => (console.error('consent-gate: a part could not load', e), config.cookies),
      )
    : Promise.resolve(config.cookies)

/**
 * Declarations with their wording in the visitor's language: the site's own words first, then
 * ours (`strings.about` and the built-in declarations'), then the catalogue's, in English, from
 * `filled` (the same declarations, in the same order, as `filled()` gives them). A lazy chunk,
 * since only the dialog and the cookie table show it.
 */
export const describe = (
  declared: readonly Declared[],
  cookieName: string,
  lifetimeDays: number,
  t: Messages,
  lang: string,
  filled: readonly Declared[] = declared,
): (Declared & Wording & { class: CookieClass })[] =>
  declared.map((d, i) => {
    const own = d.name === cookieName
    const known = own ? ([t.thisSite, lifetimeDays] as const) : BUILT_IN[d.name]
    const found = filled[i]
    return {
      ...d,
      purpose: d.purpose ?? t.about[own ? 'consent_gate' : d.name] ?? found.purpose ?? '',
      provider: d.provider ?? known?.[0] ?? found.provider ?? '',
      lifetime: d.lifetime ?? (known ? duration(known[1], t, lang) : (found.lifetime ?? '')),
      // Without a class only where the catalogue could not be fetched.
      class: found.class ?? 'unknown',
    }
  })
