import { categoryOf, type Category, type Declared } from '../config/profiles'
import { findDeclared, stored, type AuditEntry } from './declared'
import { lost } from '../steps'

/**
 * Checks what the page stores against the site's declarations and the visitor's choice. The
 * declarations settle most names here; only an undeclared one, one declared without a class, or a
 * declared one of a category not granted, goes to the audit chunk (the catalogue) for a verdict.
 */
export const tripwire = (
  cookies: readonly Declared[],
  granted: () => Record<Category, boolean>,
  audits: () => Promise<typeof import('./audit')>,
  emit: (entry: AuditEntry) => void,
) => {
  const reported = new Set<string>()
  // `all`: localStorage too, which costs a round trip to the browser on a page that never used it.
  return (all: boolean) => {
    const choices = granted()
    const suspects = stored(all).filter((e) => {
      const d = findDeclared(e.name, cookies)
      const category = categoryOf(d?.class)
      // A declaration without a class leaves the verdict to the catalogue too.
      return !d?.class || (category && !choices[category])
    })
    if (suspects.length)
      audits().then((m) => m.report(m.violations(m.audit(suspects, cookies, findDeclared), granted()), emit, reported), lost)
  }
}
