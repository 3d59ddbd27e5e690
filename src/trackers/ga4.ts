import { injectScript } from './inject'
import type { TrackerSetup } from './setup'

/**
 * Loads gtag.js once on grant (in advanced mode at once, everything denied); on withdrawal,
 * switches it off. Its cookies are the loader's to remove (cookies/tripwire.ts), which the gate
 * asks for once this has run, and on every later page while the withdrawal stands.
 */
export function ga4(id: string, src: string, advanced: boolean, { config, gtag }: TrackerSetup) {
  let loaded = false
  const w = window as unknown as Record<string, unknown>
  return (grant: boolean): void => {
    // Google's documented opt-out switch; gtag.js cannot be unloaded once it ran. In advanced mode
    // a denial is Consent Mode's to carry out: the switch would stop the cookieless pings too.
    if (!advanced) w['ga-disable-' + id] = !grant
    if ((grant || advanced) && !loaded) {
      injectScript(src, {}, config.nonce)
      loaded = true
      gtag('js', new Date())
      gtag('config', id)
    }
  }
}
