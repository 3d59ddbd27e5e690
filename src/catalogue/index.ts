import { findDeclared, type CookieClass, type Declared } from '../config/profiles'
import { catalogueClassifier } from './classify'
import { entryOf, type CatalogueEntry } from './lookup'
import { purposeOf } from './purposes'

/**
 * `consent-gate/catalogue`: the full cookie catalogue (the Open Cookie Database plus our curated
 * entries), synchronous, for Node and browsers. Tens of kilobytes: import it where that is fine
 * (a server, a build step, a CLI); the script-tag loader fetches it only when it needs it.
 */

/** Class of a cookie or storage key: `declared` (a profile's declarations) first, then the catalogue. */
export const classify: (name: string, declared?: readonly Declared[]) => CookieClass = catalogueClassifier(findDeclared)

/** What the catalogue knows about a cookie or storage key, or `undefined`. */
export const lookup = (name: string): CatalogueEntry | undefined => entryOf(name, purposeOf)

export { trackerOf } from './lookup'
export type { CatalogueEntry, TrackerHost } from './lookup'
export type { CookieClass, Declared } from '../config/profiles'
