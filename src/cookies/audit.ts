import type { Category, Declared } from '../config/profiles'
import { classifier, type Find } from './classify'
import type { AuditEntry } from './declared'

export type { AuditEntry }

export { classifier }

/** The audit chunk: classes for what is stored, and what should not be there. */
export const audit = (
  entries: Pick<AuditEntry, 'name' | 'storage'>[],
  declared: readonly Declared[],
  find: Find,
): AuditEntry[] => {
  const classify = classifier(find)
  return entries.map((e) => ({ ...e, class: classify(e.name, declared), declared: !!find(e.name, declared) }))
}

/**
 * What should not be there: a cookie or key of a category the visitor has not granted, or an
 * undeclared one we cannot place. On a profile without trackers nothing is ever granted, so any
 * analytics or marketing cookie is caught.
 */
export const violations = (entries: AuditEntry[], granted: Record<Category, boolean>): AuditEntry[] =>
  entries.filter((e) =>
    e.class === 'analytics' || e.class === 'marketing' ? !granted[e.class] : e.class === 'unknown' && !e.declared,
  )

// The tripwire's reporting travels in this chunk too.
export { report } from './report'
