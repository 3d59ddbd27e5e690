import { injectScript } from './inject'
import type { TrackerSetup } from './setup'

type Va = ((...args: unknown[]) => void) & { q?: unknown[] }
interface VercelWindow {
  va?: Va
  vaq?: unknown[]
}

/**
 * Vercel Web Analytics, as its own `inject()` sets it up. The script cannot be removed, so a
 * withdrawal makes the beforeSend hook drop every event from then on.
 */
export function vercel(src: string, { version, config }: TrackerSetup) {
  let granted = false
  let loaded = false
  return (grant: boolean) => {
    granted = grant
    if (!grant || loaded) return
    const w = window as unknown as VercelWindow
    w.va ||= function () {
      // eslint-disable-next-line prefer-rest-params
      ;(w.vaq = w.vaq || []).push(arguments)
    }
    w.va('beforeSend', (event: unknown) => (granted ? event : null))
    injectScript(src, { 'data-sdkn': 'consent-gate', 'data-sdkv': version }, config.nonce)
    loaded = true
  }
}
