import type { Config } from '../config/options'
import type { Category, CookieClass, Declared, Find } from '../config/profiles'
import { catalogueClassifier } from '../catalogue/classify'
import { match, type Purpose, type Reading } from '../catalogue/lookup'

/** A cookie or storage key present, as the audit sees it. */
export interface AuditEntry {
  name: string
  storage: 'cookie' | 'localStorage'
  class: CookieClass
  /** Whether the site's profile declares it. */
  declared: boolean
  /** Who sets it, from the site's declaration or else the catalogue, when either knows. */
  provider?: string
  /** What it is for, in the same order of preference. */
  purpose?: string
  /**
   * On a name a framework and a tracker share that the site does not declare: the tracker's
   * reading (`class` and `provider` are the framework's). Never a violation; the tripwire names
   * both readings (docs/classification.md, "Ambiguous names").
   */
  or?: Reading
}

/**
 * The audit chunk: the cookie catalogue's names, classes and providers, fetched only when a name
 * the site does not declare (or declares by name alone) needs a closer look. Their English
 * wording is the purposes chunk (catalogue/purposes.ts), which this one fetches only for
 * `fullAudit`; the cookie table and the dialog fetch both to fill declarations (`fill`).
 * `classifier(findDeclared)` is the catalogue's classifier.
 */
export { catalogueClassifier as classifier }

/** The purposes chunk's `purposeOf`. */
type PurposeOf = (row: number) => Purpose

// The catalogue alone, for a declaration that leaves its class to it.
const catalogueOnly = catalogueClassifier(() => undefined)

/**
 * A declaration with what it leaves out filled in from the catalogue: `{ name: '_hjSessionUser_*' }`
 * gains Hotjar's class, provider, purpose and lifetime. The site's own words win; a name the
 * catalogue does not know stays as given (`unknown` if it gave no class).
 */
export const fillDeclared = (d: Declared, purposeOf: PurposeOf): Declared & { class: CookieClass } => {
  const name = d.name.replace(/\*$/, '')
  const known = match(name)?.entry
  const words = known && purposeOf(known.row)
  return {
    ...d,
    class: d.class ?? catalogueOnly(name),
    ...(known && {
      provider: d.provider ?? known.provider,
      purpose: d.purpose ?? words!.purpose,
      lifetime: d.lifetime ?? words!.retention,
    }),
  }
}

// Each name is warned about once per page, however many tables and dialogs show it.
const warned = new Set<string>()

/**
 * The site's declarations, those given without a class completed from the catalogue, for the
 * cookie table and the dialog. Such a declaration never makes a category offered (the loader
 * decides that before the catalogue is at hand), so one that turns out to be analytics or
 * marketing can never be granted: the tripwire reports it when present, and this says so at once,
 * as an error on a profile that promises no trackers.
 */
export const fill = (config: Config, purposeOf: PurposeOf): Declared[] =>
  config.cookies.map((d) => {
    if (d.class) return d
    const filled = fillDeclared(d, purposeOf)
    const cls = filled.class
    const tracker = cls === 'analytics' || cls === 'marketing'
    if (warned.has(d.name) || !(cls === 'unknown' || (tracker && !(config.categories as readonly string[]).includes(cls))))
      return filled
    warned.add(d.name)
    const quiet = !config.profile.trackers.length
    const declared = `consent-gate: "${d.name}" is declared without a class`
    if (!tracker) console.warn(`${declared} and the catalogue does not know it: give it a class, e.g. "essential"`)
    else
      console[quiet ? 'error' : 'warn'](
        `${declared}; the catalogue says ${cls} (${filled.provider}), ${
          quiet
            ? `but profile "${config.profile.name}" promises no trackers: remove it`
            : `which this site does not offer, so it is never allowed: give it class "${cls}" or add "${cls}" to categories`
        }`,
      )
    return filled
  })

/** Classes for what is stored, with provider and, given `purposeOf`, purpose where known. */
export const audit = (
  entries: Pick<AuditEntry, 'name' | 'storage'>[],
  declared: readonly Declared[],
  find: Find,
  purposeOf?: PurposeOf,
): AuditEntry[] => {
  const classify = catalogueClassifier(find)
  return entries.map((e) => {
    const own = find(e.name, declared)
    const known = match(e.name)?.entry
    const entry: AuditEntry = { ...e, class: classify(e.name, declared), declared: !!own }
    const provider = own?.provider || known?.provider
    const purpose = own?.purpose || (known && purposeOf?.(known.row).purpose)
    if (provider) entry.provider = provider
    if (purpose) entry.purpose = purpose
    // The site's declaration settles which reading holds.
    if (known?.or && !own) entry.or = { ...known.or }
    return entry
  })
}

/** `audit` with the catalogue's purposes: `gate.audit()`. Without the purposes chunk, without them. */
export const fullAudit = (
  entries: Pick<AuditEntry, 'name' | 'storage'>[],
  declared: readonly Declared[],
  find: Find,
): Promise<AuditEntry[]> =>
  import('../catalogue/purposes')
    .then(
      (m) => m.purposeOf,
      (e) => void console.error('consent-gate: a part could not load', e),
    )
    .then((purposeOf) => audit(entries, declared, find, purposeOf))

// The categories that need a grant.
const granting = (cls: CookieClass) => /^(functional|analytics|marketing)$/.test(cls)

/**
 * What should not be there: a cookie or key of a category the visitor has not granted, or an
 * undeclared one we cannot place. On a profile without trackers nothing is ever granted, so any
 * functional, analytics or marketing cookie is caught, declared by name alone or not at all.
 * Also, with `or` set, an undeclared name a framework and a tracker share whose tracker reading is
 * not granted: `report` names both readings and does not count it as a violation.
 */
export const violations = (entries: AuditEntry[], granted: Record<Category, boolean>): AuditEntry[] =>
  entries.filter((e) =>
    e.or
      ? !granted[e.or.class as Category]
      : granting(e.class)
        ? !granted[e.class as Category]
        : e.class === 'unknown' && !e.declared,
  )

// The tripwire's reporting travels in this chunk too.
export { bothReadings, describeViolation, report } from './report'
