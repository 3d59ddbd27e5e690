import type { Config } from '../config/options'
import { GOOGLE_COOKIE, TRACKER_COOKIES, categoryOf, findDeclared, matches, type Category } from '../config/profiles'
import { idle, lost } from '../steps'
import type { AuditEntry } from './audit'
import { cookieNames, removeCookie, stored } from './jar'

/**
 * Checks what the page stores against the site's declarations and the visitor's choice. The
 * declarations settle most names here; only an undeclared one, one declared without a class, or a
 * declared one of a category not granted, goes to the audit chunk (the catalogue) for a verdict.
 *
 * A check first removes the cookies of each tracker the site runs (it declares them, as an enabled
 * tracker does) whose category is not granted: right after a withdrawal, and on every later page
 * while it stands, so a removal that could not happen once is tried again. Google's tags (GA4,
 * Tag Manager) by every name they may leave. What survives it (HttpOnly, or set for a domain or
 * path this page cannot name) is reported as such.
 */
export const tripwire = (
  { cookies, gtm }: Config,
  granted: () => Record<Category, boolean>,
  audits: () => Promise<typeof import('./audit')>,
  emit: (entry: AuditEntry) => void,
) => {
  const reported = new Set<string>()
  // On a site that runs GA4 (it declares `_ga`) or Tag Manager, Google's whole family goes with analytics.
  const google = gtm || findDeclared('_ga', cookies)?.class === 'analytics'
  const theirs = Object.values(TRACKER_COOKIES).flat()
  // `all`: localStorage too, which costs a round trip to the browser on a page that never used it;
  // `names`: the cookies' names, if read already.
  return (all: boolean, names = cookieNames()) => {
    const choices = granted()
    // Those still there when the audit chunk looks could not be removed.
    const removed = names.filter((name) => {
      const cls = findDeclared(name, cookies)?.class
      // A name of a tracker's shape that the site declares as something else (its own `_ga_session`)
      // is its; one the site declares as a tracker's (an enabled tracker declares its own) goes
      // with that category.
      return (
        /^(analytics|marketing|)$/.test(cls ?? '') &&
        ((google && !choices.analytics && GOOGLE_COOKIE.test(name)) ||
          (cls && !choices[cls as Category] && theirs.some((t) => matches(t.name, name))))
      )
    })
    removed.forEach(removeCookie)
    // Read again after a removal: what survived it is reported as such.
    const suspects = stored(all, removed.length ? cookieNames() : names).filter((e) => {
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
