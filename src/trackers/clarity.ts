import type { Category } from '../config/profiles'
import { injectScript } from './inject'
import type { TrackerSetup } from './setup'

type Clarity = ((...args: unknown[]) => void) & { q?: unknown[] }

const value = (granted: boolean) => (granted ? 'granted' : 'denied')

/**
 * Microsoft Clarity: its stub queues calls until the tag drains them, so the consent signal
 * (`consentv2`, with Clarity's own capital S) is always ahead of anything the tag does. Loaded on
 * the first yes to analytics; once loaded, every choice is signalled again, a withdrawal as
 * denied, after which the loader removes `_clck` and `_clsk`.
 */
export function start({ config }: TrackerSetup) {
  const id = config.clarity!.projectId
  let loaded = false
  return (choices: Record<Category, boolean>): void => {
    if (!loaded && !choices.analytics) return
    const w = window as unknown as { clarity?: Clarity }
    w.clarity ||= function () {
      // eslint-disable-next-line prefer-rest-params
      ;(w.clarity!.q ||= []).push(arguments)
    }
    w.clarity('consentv2', { analytics_Storage: value(choices.analytics), ad_Storage: value(choices.marketing) })
    if (!loaded) injectScript('https://www.clarity.ms/tag/' + id, {}, config.nonce)
    loaded = true
  }
}
