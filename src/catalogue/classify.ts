import type { CookieClass, Declared, Find } from '../config/profiles'
import { match } from './lookup'

// Rails names its session cookie `_<app>_session`.
const RAILS_SESSION = /^_\w+_session$/

/**
 * The catalogue's classifier: the site's own declarations win (Django's `sessionid` is a session
 * cookie whatever catalogues say), then a catalogued name, then Rails' session pattern, then the
 * catalogue's patterns. A name catalogued as `unknown` or `functional` (Zendesk's
 * `_zendesk_session`) may still be a Rails session. `unknown` is
 * never essential; a `__Host-` or `__Secure-` prefix
 * alone changes nothing.
 */
export const catalogueClassifier =
  (find: Find) =>
  (name: string, declared: readonly Declared[] = []): CookieClass => {
    // A declaration by name alone leaves its class to the catalogue.
    const own = find(name, declared)?.class
    if (own) return own
    const hit = match(name)
    if (hit?.exact && !/^(unknown|functional)$/.test(hit.entry.class)) return hit.entry.class
    if (RAILS_SESSION.test(name)) return 'session'
    return hit?.entry.class ?? 'unknown'
  }
