import Cookies from 'js-cookie'
import type { TrackerSetup } from '../trackers/setup'

/**
 * Removes a cookie wherever it may have been written: host-only and every parent domain, at `/`
 * and every prefix of this page's path (a `_ga_*` written with `Path=/app` survives a removal at
 * `/`). A removal must repeat the Domain and Path exactly; the browser ignores those that miss.
 */
export function clearCookie(name: string, scopes: TrackerSetup['scopes']): void {
  for (const [domain, path] of scopes()) Cookies.remove(name, { domain, path })
}
