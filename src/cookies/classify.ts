import type { CookieClass, Declared } from '../config/profiles'

/**
 * Common cookie and storage names, as `[class, names]`. A name ending in `*` is a prefix.
 * Kept compact because every visitor downloads it; sites declare the rest in their profile.
 */
const TABLE: [CookieClass, string][] = [
  [
    'session',
    'PHPSESSID JSESSIONID connect.sid laravel_session laravel-session sessionid ASP.NET_SessionId ' +
      '.AspNetCore.Session next-auth.session-token __Secure-next-auth.session-token ' +
      'authjs.session-token __Secure-authjs.session-token sb-*',
  ],
  [
    'xsrf',
    'XSRF-TOKEN csrftoken _csrf next-auth.csrf-token __Host-next-auth.csrf-token ' +
      'authjs.csrf-token __Host-authjs.csrf-token .AspNetCore.Antiforgery.*',
  ],
  ['essential', '_vercel_jwt __cf_bm cf_clearance _cfuvid'],
  ['analytics', '_ga _ga_* _gid _gat* _dc_gtm_* _pk_* _hj* ajs_* amplitude_* AMP_* mp_* _clck _clsk ph_* ' + '__utm*'],
  ['marketing', '_fbp _fbc _gcl_* _gac_* IDE test_cookie _uet* _ttp li_* bcookie _pin_* _rdt_*'],
]

const matches = (pattern: string, name: string): boolean =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name

/** The declaration that names this cookie or key, exact names before prefixes. */
export const findDeclared = (name: string, declared: readonly Declared[]): Declared | undefined =>
  declared.find((d) => d.name === name && d.storage !== 'none') ||
  declared.find((d) => d.storage !== 'none' && matches(d.name, name))

/**
 * The class of a cookie or storage key: the site's own declarations win (Django's `sessionid`
 * is a session cookie even though catalogues list it as Instagram's), then the built-in table.
 */
export function classify(name: string, declared: readonly Declared[] = []): CookieClass {
  const own = findDeclared(name, declared)
  if (own) return own.class
  // Rails names its session cookie `_<app>_session`.
  if (/^_\w+_session$/.test(name)) return 'session'
  for (const [cls, names] of TABLE) {
    if (names.split(' ').some((p) => matches(p, name))) return cls
  }
  return 'unknown'
}
