import { warnLater } from '../config/report'
import { GOOGLE_COOKIE, categoryOf, findDeclared, type Category, type Declared } from '../config/profiles'
import { idle, lost } from '../steps'
import type { AuditEntry } from './audit'
import { cookieNames, removeCookie, stored } from './jar'

type Stored = ReturnType<typeof stored>[number]

const googleCookies = () => cookieNames().filter((name) => GOOGLE_COOKIE.test(name))

/**
 * Checks what the page stores against the site's declarations and the visitor's choice. The
 * declarations settle most names here; only an undeclared one, one declared without a class, or a
 * declared one of a category not granted, goes to the audit chunk (the catalogue) for a verdict.
 *
 * On a site that runs Google Analytics (it declares `_ga`), a check without analytics granted first
 * removes Google's cookies: a withdrawal, and every later page while it stands, so a removal that
 * could not happen once is tried again. What survives (HttpOnly, or set for a domain or path this
 * page cannot name) is said once, and the tripwire reports it like any other.
 */
export const tripwire = (
  cookies: readonly Declared[],
  granted: () => Record<Category, boolean>,
  audits: () => Promise<typeof import('./audit')>,
  emit: (entry: AuditEntry) => void,
) => {
  const reported = new Set<string>()
  const google = findDeclared('_ga', cookies)?.class === 'analytics'
  let kept = false
  // Suspects seen since the last report, by key: a burst of checks (a script writing 300 cookies
  // one by one, each a cookieStore change) makes one report, once the page is idle.
  let batch: Map<string, Stored> | undefined
  const flush = () => {
    const suspects = [...batch!.values()]
    batch = undefined
    audits().then((m) => m.report(m.violations(m.audit(suspects, cookies, findDeclared), granted()), emit, reported), lost)
  }
  // `all`: localStorage too, which costs a round trip to the browser on a page that never used it.
  return (all: boolean) => {
    const choices = granted()
    if (google && !choices.analytics) {
      googleCookies().forEach(removeCookie)
      const left = googleCookies()
      if (left.length && !kept) {
        kept = true
        warnLater('kept', left.join(', '))
      }
    }
    const suspects = stored(all).filter((e) => {
      const d = findDeclared(e.name, cookies)
      const category = categoryOf(d?.class)
      // A declaration without a class leaves the verdict to the catalogue too.
      return !d?.class || (category && !choices[category])
    })
    if (!suspects.length) return
    if (!batch) {
      batch = new Map()
      idle(flush)
    }
    for (const e of suspects) batch.set(e.storage + e.name, e)
  }
}
