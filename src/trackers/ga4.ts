import { injectScript } from './inject'
import type { TrackerSetup } from './setup'

/**
 * Loads gtag.js once on grant; on withdrawal, switches it off. Its cookies are the loader's to
 * remove (cookies/tripwire.ts), which the gate asks for once this has run, and on every later page
 * while the withdrawal stands.
 */
export function ga4(id: string, src: string, { config, gtag }: TrackerSetup) {
  let loaded = false
  const w = window as unknown as Record<string, unknown>
  return (grant: boolean): void => {
    // Google's documented opt-out switch; gtag.js cannot be unloaded once it ran.
    w['ga-disable-' + id] = !grant
    if (grant && !loaded) {
      injectScript(src, {}, config.nonce)
      loaded = true
      gtag('js', new Date())
      gtag('config', id)
    }
  }
}
