import type { Category, Declared } from '../config/profiles'
import { catalogueClassifier } from '../catalogue/classify'
import { lookup } from '../catalogue/lookup'
import type { Find } from './classify'
import type { AuditEntry } from './declared'

export type { AuditEntry }

/**
 * The audit chunk: the full cookie catalogue (tens of kilobytes), fetched only when a name the
 * site does not declare needs a closer look. `classifier(findDeclared)` is the catalogue's
 * classifier; `lookup` and `fillDeclared` are for callers that want the catalogue's wording.
 */
export { catalogueClassifier as classifier, lookup }

/**
 * A declaration with what it leaves out filled in from the catalogue: `{ name: '_hjSessionUser_*' }`
 * gains Hotjar's class, provider, purpose and lifetime. The site's own words win; a name the
 * catalogue does not know stays as given (`unknown` if it gave no class).
 */
export const fillDeclared = (d: Pick<Declared, 'name'> & Partial<Declared>): Declared => {
  const known = lookup(d.name.replace(/\*$/, ''))
  return {
    ...d,
    class: d.class ?? known?.class ?? 'unknown',
    ...(known && {
      provider: d.provider ?? known.provider,
      purpose: d.purpose ?? known.purpose,
      lifetime: d.lifetime ?? known.retention,
    }),
  }
}

/** Classes for what is stored, with provider and purpose where known. */
export const audit = (
  entries: Pick<AuditEntry, 'name' | 'storage'>[],
  declared: readonly Declared[],
  find: Find,
): AuditEntry[] => {
  const classify = catalogueClassifier(find)
  return entries.map((e) => {
    const own = find(e.name, declared)
    const known = lookup(e.name)
    const entry: AuditEntry = { ...e, class: classify(e.name, declared), declared: !!own }
    const provider = own?.provider || known?.provider
    const purpose = own?.purpose || known?.purpose
    if (provider) entry.provider = provider
    if (purpose) entry.purpose = purpose
    return entry
  })
}

/**
 * What should not be there: a cookie or key of a category the visitor has not granted, or an
 * undeclared one we cannot place. On a profile without trackers nothing is ever granted, so any
 * functional, analytics or marketing cookie is caught.
 */
export const violations = (entries: AuditEntry[], granted: Record<Category, boolean>): AuditEntry[] =>
  entries.filter((e) =>
    /^(functional|analytics|marketing)$/.test(e.class) ? !granted[e.class as Category] : e.class === 'unknown' && !e.declared,
  )

// The tripwire's reporting travels in this chunk too.
export { describeViolation, report } from './report'
