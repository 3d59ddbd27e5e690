import type { CookieClass, Declared, Find } from '../config/profiles'
import { decide } from './families'
import { match } from './lookup'

/**
 * The catalogue's classifier: the site's own declarations win (Django's `sessionid` is a session
 * cookie whatever catalogues say), then the catalogue and the families of names frameworks and
 * hosts use (`decide`: a tracker's name or pattern, our or the database's exact name unless it is
 * Functional, a family such as `_<app>_session` or `SESS<hash>`, another pattern). `unknown` is
 * never essential; a `__Host-` or `__Secure-` prefix alone changes nothing.
 */
export const catalogueClassifier =
  (find: Find) =>
  (name: string, declared: readonly Declared[] = []): CookieClass => {
    // A declaration by name alone leaves its class to the catalogue.
    const own = find(name, declared)?.class
    if (own) return own
    const hit = match(name)
    return decide(name, hit && { exact: hit.exact, class: hit.entry.class })
  }
