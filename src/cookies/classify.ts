import type { CookieClass, Declared } from '../config/profiles'

/** Looks up a declaration by name: `findDeclared` in declared.ts, handed in by the caller. */
export type Find = (name: string, declared: readonly Declared[]) => Declared | undefined

/**
 * Common cookie and storage names by class. A name ending in `*` is a prefix. Every visitor does
 * not need it: the loader carries only the site's own declarations and fetches this catalogue
 * (in the audit chunk) when a name it does not know turns up.
 */
// Pure, so an app's bundler drops the table when the app never calls `classify`.
const CATALOGUE: Declared[] = /* @__PURE__ */ (
  [
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
    ['analytics', '_ga _ga_* _gid _gat* _dc_gtm_* _pk_* _hj* ajs_* amplitude_* AMP_* mp_* _clck _clsk ph_* __utm*'],
    ['marketing', '_fbp _fbc _gcl_* _gac_* IDE test_cookie _uet* _ttp li_* bcookie _pin_* _rdt_*'],
  ] as const
).flatMap(([cls, names]) => names.split(' ').map((name) => ({ name, class: cls })))

/**
 * A classifier: the site's own declarations win (Django's `sessionid` is a session cookie even
 * though catalogues list it as Instagram's), then the catalogue. `unknown` is never essential.
 */
export const classifier =
  (find: Find) =>
  (name: string, declared: readonly Declared[] = []): CookieClass =>
    // Rails names its session cookie `_<app>_session`.
    (find(name, declared) || (/^_\w+_session$/.test(name) ? { class: 'session' as const } : find(name, CATALOGUE)))?.class ??
    'unknown'
