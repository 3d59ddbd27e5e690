import type { Category } from '../config/profiles'
import { clarity } from './clarity'
import { ga4 } from './ga4'
import { gtm } from './gtm'
import { gatedScripts } from './scripts'
import type { TrackerSetup, Trackers } from './setup'
import { uet } from './uet'
import { vercel } from './vercel'

/**
 * The documentation's placeholder ids (`G-XXXXXXXXXX`, `GTM-XXXXXXX`) are a snippet pasted as
 * is: such a tracker is named once and not loaded. Said here, in the lazy chunk, where the
 * tracker would have loaded: the loader pays nothing for it.
 */
export const placeholder = (option: string, id: string): boolean =>
  /^[A-Z]+-X+$/.test(id) &&
  (console.warn(
    `consent-gate: option "${option}" is the documentation's placeholder "${id}": put your own id there; nothing is loaded for it`,
  ),
  true)

/** What advanced mode sends before a choice, said once per page: the site chose it, the console says it plainly. */
const ADVANCED =
  'consent-gate: consentMode "advanced": Google\'s tags load before consent, everything denied, and send Google cookieless pings (page address, referrer, browser, consent state)'

/**
 * The lazy tracker chunk: carries out the choices, idempotently, each time they change. Each
 * tracker on its own: one that throws (say, a script URL the page's policy refuses) is logged and
 * stops neither the others nor the gated tags.
 */
export function createTrackers(setup: TrackerSetup): Trackers {
  const { ga4: google, gtm: tags, clarity: ms, uet: ads, vercel: va, consentMode } = setup.config
  const advanced = consentMode === 'advanced' && !!(google || tags)
  if (advanced) console.warn(ADVANCED)
  const parts: [string, (choices: Record<Category, boolean>) => void][] = []
  if (google && !placeholder('ga4.measurementId', google.id)) {
    const run = ga4(google.id, google.src, advanced, setup)
    parts.push(['Google Analytics', (c) => run(c.analytics)])
  }
  if (tags && !placeholder('gtm.containerId', tags.containerId)) {
    const run = gtm(tags.containerId, tags.scriptUrl, advanced, setup)
    parts.push(['Google Tag Manager', (c) => run(c.analytics || c.marketing)])
  }
  if (ms) parts.push(['Microsoft Clarity', clarity(ms.projectId, setup)])
  if (ads) {
    const run = uet(ads.tagId, setup)
    parts.push(['Microsoft UET', (c) => run(c.marketing)])
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
