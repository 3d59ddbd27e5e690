import { clearCookie } from '../cookies/clear'
import { injectScript } from './inject'
import type { TrackerSetup } from './setup'

// Cookies gtag.js and the Google Ads linker may have left: _ga, _ga_<id>, legacy _gid and _gat*.
const GOOGLE_COOKIE = /^(_ga|_ga_\w+|_gid|_gat\w*|_dc_gtm_\w+|_gcl_\w+|_gac_\w+)$/

/** Loads gtag.js once on grant; on withdrawal, switches it off and removes its cookies. */
export function ga4(id: string, src: string, { config, gtag, cookieNames, scopes }: TrackerSetup) {
  let loaded = false
  const w = window as unknown as Record<string, unknown>
  return (granted: boolean) => {
    // Google's documented opt-out switch; gtag.js cannot be unloaded once it ran.
    w['ga-disable-' + id] = !granted
    if (granted && !loaded) {
      injectScript(src, {}, config.nonce)
      loaded = true
      gtag('js', new Date())
      gtag('config', id)
    }
    if (!granted) for (const name of cookieNames()) if (GOOGLE_COOKIE.test(name)) clearCookie(name, scopes)
  }
}
