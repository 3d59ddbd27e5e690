import type { CookieClass, Declared } from '../config/profiles'
import { findDeclared } from '../cookies/declared'
import { catalogueClassifier } from './classify'

/**
 * `consent-gate/catalogue`: the full cookie catalogue (the Open Cookie Database plus our curated
 * entries), synchronous, for Node and browsers. Tens of kilobytes: import it where that is fine
 * (a server, a build step, a CLI); the script-tag loader fetches it only when it needs it.
 */

/** Class of a cookie or storage key: `declared` (a profile's declarations) first, then the catalogue. */
export const classify: (name: string, declared?: readonly Declared[]) => CookieClass = catalogueClassifier(findDeclared)
export { lookup, trackerOf } from './lookup'
export type { CatalogueEntry, TrackerHost } from './lookup'
export type { CookieClass, Declared } from '../config/profiles'
