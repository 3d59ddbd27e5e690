import { categoryOf, type Category } from '../config/profiles'
import type { AuditEntry } from './audit'

/**
 * What should not be there: a cookie or key of a category the visitor has not granted, or an
 * undeclared one we cannot place. On a profile without trackers nothing is ever granted, so any
 * analytics or marketing cookie is caught.
 */
export const violations = (entries: AuditEntry[], granted: Record<Category, boolean>): AuditEntry[] =>
  entries.filter((e) => {
    const category = categoryOf(e.class)
    return category ? !granted[category] : e.class === 'unknown' && !e.declared
  })
