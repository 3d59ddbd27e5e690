import type { CookieClass } from '../config/profiles'

/**
 * Families of names that frameworks and hosts give the cookies a site needs, beyond any list of
 * names (docs/classification.md, "Families"). A word of a name is split off by `_ . : -` or a
 * capital.
 */
const FAMILIES: [RegExp, CookieClass][] = [
  // Anti-forgery: `csrf_token`, `YII_CSRF_TOKEN`, `__RequestVerificationToken`.
  [/csrf|xsrf|antiforgery|requestverificationtoken/i, 'xsrf'],
  // Sessions: a last word `session`, `sess`, `sessid`, `session.id` or `sid` (`ci_session`,
  // `connect.sid`, `MoodleSession`), `SESSID`/`SESSIONID` in capitals (`OCSESSID`), Drupal's
  // `SESS<hash>`/`SSESS<hash>`.
  [/(^|[_.:-])(sess(ion)?([_.-]?id)?|sid)$|^S?SESS[\da-f]{32,64}$/i, 'session'],
  [/[A-Za-z]Session(Id|ID)?$|SESS(ION)?ID/, 'session'],
  // Logins kept across visits: `remember_user_token` (Devise), `remember_web_<hash>` (Laravel), `rememberMe`.
  [/(^|[_.:-])remember([_-]|me)/i, 'session'],
  // Load balancers: `route`, `ROUTEID`, `SERVERID`, `BALANCEID`, `INGRESSCOOKIE`, and the words
  // affinity, persistence or sticky (`ARRAffinity`).
  [/^(route(id)?|server_?id|balance_?id|ingresscookie)$|affinity|persistence|sticky/i, 'essential'],
  // Carts and baskets: a word `cart` or `basket` (`cart`, `woocommerce_cart_hash`, `cartId`).
  [/(^|[^A-Za-z])(cart|Cart|CART|basket|Basket|BASKET)(?![a-z])|[a-z](Cart|Basket)(?![a-z])/, 'essential'],
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
