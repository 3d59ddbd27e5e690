import type { Category } from '../config/profiles'
import { ga4 } from './ga4'
import { gatedScripts } from './scripts'
import type { TrackerSetup, Trackers } from './setup'
import { vercel } from './vercel'

/**
 * The lazy tracker chunk: carries out the choices, idempotently, each time they change. Each
 * tracker on its own: one that throws (say, a script URL the page's policy refuses) is logged and
 * stops neither the others nor the gated tags.
 */
export function createTrackers(setup: TrackerSetup): Trackers {
  const { ga4: google, vercel: va } = setup.config
  const parts: [string, (choices: Record<Category, boolean>) => void][] = []
  if (google) {
    const run = ga4(google.id, google.src, setup)
    parts.push(['Google Analytics', (c) => run(c.analytics)])
  }
  if (va) {
    const run = vercel(va.src, setup)
    parts.push(['Vercel Web Analytics', (c) => run(c.analytics)])
  }
  // Own keys only: `data-consent="constructor"` names no category.
  const scripts = gatedScripts((category) => {
    const c = setup.granted()
    return Object.prototype.hasOwnProperty.call(c, category) && c[category as Category] === true
  }, setup.config.nonce)
  parts.push(['gated scripts', (c) => scripts(Object.values(c).includes(true))])
  return {
    apply: (choices) =>
      parts.forEach(([name, run]) => {
        try {
          run(choices)
        } catch (e) {
          console.error(`consent-gate: ${name} failed`, e)
        }
      }),
    stop: () => scripts.stop(),
  }
}
