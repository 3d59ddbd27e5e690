import type { CookieClass } from '../config/profiles'

/**
 * Families of names that frameworks and hosts give the cookies a site needs, beyond any list of
 * names (docs/classification.md, "Families"). A word of a name is split off by `_ . : -` or a
 * change from lower to upper case.
 */
const FAMILIES: [RegExp, CookieClass][] = [
  // Anti-forgery: `csrf_token`, `YII_CSRF_TOKEN`, `__RequestVerificationToken`.
  [/csrf|xsrf|antiforgery|requestverificationtoken/i, 'xsrf'],
  // Sessions and logins: a last word `session`, `sess`, `sessid`, `session_id` or `sid`
  // (`ci_session`, `connect.sid`, `MoodleSession`), Drupal's `SESS<hash>`/`SSESS<hash>`.
  [/(^|[_.:-])(sess(ion)?([_-]?id)?|sid)$|^S?SESS[\da-f]{32,64}$/i, 'session'],
  [/[a-z]Session(Id|ID)?$/, 'session'],
  // Carts and baskets: a word `cart` or `basket` (`cart`, `woocommerce_cart_hash`).
  [/(^|[_.:-])(cart|basket)([_.:-]|$)/i, 'essential'],
]

/** A catalogue's verdict on a name: its exact entry, or the most specific pattern that covers it. */
export interface Hit {
  exact: boolean
  class: CookieClass
}

/**
 * The class of a name without declarations, from what a catalogue says (`hit`) and the families:
 * a tracker's exact name or pattern first (`sbjs_session` is analytics, `_pk_ses.1.1` Matomo's),
 * then an exact entry of ours or the database's but for a Functional one (the database files many
 * framework sessions so), then the families, then any other pattern. `unknown` otherwise.
 */
export const decide = (name: string, hit?: Hit): CookieClass => {
  const cls = hit?.class
  if ((hit?.exact && cls !== 'functional' && cls !== 'unknown') || cls === 'analytics' || cls === 'marketing') return cls!
  return FAMILIES.find(([re]) => re.test(name))?.[1] ?? cls ?? 'unknown'
}
