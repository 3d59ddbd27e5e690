import type { CookieClass, Declared, Find } from '../config/profiles'
import { BUILTIN } from './builtin'
import { decide } from '../catalogue/families'

/**
 * The curated common names by class (data/curated.csv, built into builtin.ts); a name ending in
 * `*` is a prefix. This is the npm entry's small table; the full catalogue is
 * `consent-gate/catalogue`, and the browser's audit chunk.
 */
// Pure, so an app's bundler drops the table when the app never calls `classify`.
const TABLE: Declared[] = /* @__PURE__ */ BUILTIN.flatMap(([cls, names]) =>
  names.split(' ').map((name) => ({ name, class: cls as CookieClass })),
)

/**
 * A classifier: the site's own declarations win (Django's `sessionid` is a session cookie even
 * though catalogues list it as Instagram's), then the table and the families of names frameworks
 * and hosts use, in the catalogue's order (`decide`). `unknown` is never essential.
 */
export const classifier =
  (find: Find) =>
  (name: string, declared: readonly Declared[] = []): CookieClass => {
    // A declaration by name alone leaves its class to the table.
    const own = find(name, declared)?.class
    if (own) return own
    const hit = find(name, TABLE)
    return decide(name, hit && { exact: hit.name === name, class: hit.class! })
  }
