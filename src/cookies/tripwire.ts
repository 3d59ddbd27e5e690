import { GOOGLE_COOKIE, categoryOf, findDeclared, type Category, type Declared } from '../config/profiles'
import { idle, lost } from '../steps'
import type { AuditEntry } from './audit'
import { cookieNames, removeCookie, stored } from './jar'

/**
 * Checks what the page stores against the site's declarations and the visitor's choice. The
 * declarations settle most names here; only an undeclared one, one declared without a class, or a
 * declared one of a category not granted, goes to the audit chunk (the catalogue) for a verdict.
 *
 * On a site that runs Google Analytics (it declares `_ga`), a check without analytics granted first
 * removes Google's cookies: right after a withdrawal, and on every later page while it stands, so a
 * removal that could not happen once is tried again. What survives it (HttpOnly, or set for a
 * domain or path this page cannot name) is reported as such.
 */
export const tripwire = (
  cookies: readonly Declared[],
  granted: () => Record<Category, boolean>,
  audits: () => Promise<typeof import('./audit')>,
  emit: (entry: AuditEntry) => void,
) => {
  const reported = new Set<string>()
  const google = findDeclared('_ga', cookies)?.class === 'analytics'
  // `all`: localStorage too, which costs a round trip to the browser on a page that never used it.
  return (all: boolean) => {
    const choices = granted()
    // Those still there when the audit chunk looks could not be removed.
    // A name of Google's shape that the site declares as something else (its own `_ga_session`) is its.
    const removed =
      google && !choices.analytics
        ? cookieNames().filter(
            (name) => GOOGLE_COOKIE.test(name) && /^(analytics|marketing|)$/.test(findDeclared(name, cookies)?.class ?? ''),
          )
        : []
    removed.forEach(removeCookie)
    const suspects = stored(all).filter((e) => {
      const d = findDeclared(e.name, cookies)
      const category = categoryOf(d?.class)
      // A declaration without a class leaves the verdict to the catalogue too.
      return !d?.class || (category && !choices[category])
    })
    if (suspects.length)
      audits().then(
        (m) => m.report(m.violations(m.audit(suspects, cookies, findDeclared), granted()), emit, reported, removed, idle),
        lost,
      )
  }
}
