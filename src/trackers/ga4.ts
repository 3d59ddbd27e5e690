import { injectScript } from './inject'
import type { TrackerSetup } from './setup'

// Cookies gtag.js and the Google Ads linker may have left: _ga, _ga_<id>, legacy _gid and _gat*.
const GOOGLE_COOKIE = /^(_ga|_ga_\w+|_gid|_gat\w*|_dc_gtm_\w+|_gcl_\w+|_gac_\w+)$/

/**
 * Loads gtag.js once on grant; on withdrawal, switches it off and removes its cookies. The removal
 * is a chunk of its own (withdraw.ts), fetched only when a withdrawal finds a cookie to remove;
 * `import()` always settles later, so every tracker is stopped before the first cookie goes, and
 * a chunk that fails to load leaves them stopped.
 */
export function ga4(id: string, src: string, { config, gtag, cookieNames, scopes }: TrackerSetup) {
  let loaded = false
  let granted = false
  let removal: Promise<void> | undefined
  const w = window as unknown as Record<string, unknown>
  const leftovers = () => cookieNames().filter((name) => GOOGLE_COOKIE.test(name))
  return (grant: boolean): Promise<void> | void => {
    granted = grant
    // Google's documented opt-out switch; gtag.js cannot be unloaded once it ran.
    w['ga-disable-' + id] = !grant
    if (grant && !loaded) {
      injectScript(src, {}, config.nonce)
      loaded = true
      gtag('js', new Date())
      gtag('config', id)
    }
    // One removal at a time: it reads the cookies when the chunk is there, so a second withdrawal
    // meanwhile has nothing to add, and a failed load is logged once, whoever waits for it.
    if (!grant && leftovers().length)
      return (removal ||= import('./withdraw')
        .then((m) => {
          removal = undefined
          // Granted again while the chunk loaded: gtag.js uses its cookies again.
          if (!granted) m.clearCookies(leftovers(), scopes)
        })
        .catch((e) => {
          removal = undefined
          console.error('consent-gate: could not remove Google Analytics cookies', e)
        }))
  }
}
