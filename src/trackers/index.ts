import type { Category } from '../config/profiles'
import type { Note } from '../config/explain'
import { ga4 } from './ga4'
import { gatedScripts } from './scripts'
import type { TrackerSetup, Trackers } from './setup'
import { vercel } from './vercel'

const lost = (e: unknown) => console.error('consent-gate: a part could not load', e)

/** A warning worded in the lazy explanation chunk, as the loader's are: this chunk carries no prose. */
const warn = (note: Note, arg?: string) =>
  import('../config/explain').then((m) => console.warn('consent-gate: ' + m.NOTES[note](arg!)), lost)

/**
 * The documentation's placeholder ids (`G-XXXXXXXXXX`, `GTM-XXXXXXX`) are a snippet pasted as
 * is: such a tracker is named once and not loaded.
 */
const placeholder = (option: string, id: string): boolean => /^[A-Z]+-X+$/.test(id) && (warn('placeholder', option), true)

type Run = (choices: Record<Category, boolean>) => unknown

/** Trackers of a chunk each, by option, in the order they start; each starts from the setup. */
const LATER = [
  ['gtm', 'Google Tag Manager', () => import('./gtm')],
  ['clarity', 'Microsoft Clarity', () => import('./clarity')],
  ['uet', 'Microsoft UET', () => import('./uet')],
] as const satisfies [string, string, () => Promise<{ start(setup: TrackerSetup, advanced: boolean): Run }>][]

/**
 * A tracker of its own chunk, fetched as this one starts, only on a site that names it: Pisama's
 * visitors never download Tag Manager, Clarity or UET. Its calls keep their order.
 */
const later = (load: () => Promise<Run>): Run => {
  const run = load()
  return (choices) => run.then((r) => r(choices))
}

/**
 * The lazy tracker chunk: carries out the choices, idempotently, each time they change. Each
 * tracker on its own: one that throws (say, a script URL the page's policy refuses) is logged and
 * stops neither the others nor the gated tags.
 */
export function createTrackers(setup: TrackerSetup): Trackers {
  const { ga4: google, gtm: tags, vercel: va, consentMode } = setup.config
  const advanced = consentMode === 'advanced' && !!(google || tags)
  // What advanced mode sends before a choice is said once per page: the site chose it, the console says it plainly.
  if (advanced) warn('advanced')
  const parts: [string, Run][] = []
  if (google && !placeholder('ga4.measurementId', google.id)) {
    const run = ga4(google.id, google.src, advanced, setup)
    parts.push(['Google Analytics', (c) => run(c.analytics)])
  }
  for (const [key, name, load] of LATER)
    if (setup.config[key] && !(key == 'gtm' && placeholder('gtm.containerId', tags!.containerId)))
      parts.push([name, later(() => load().then((m) => m.start(setup, advanced)))])
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
    // Settles once every tracker had its say (a chunk of its own too), so the loader's clean-up
    // of their cookies comes after, say, Clarity was told "denied".
    apply: (choices) =>
      Promise.all(
        parts.map(([name, run]) =>
          new Promise((done) => done(run(choices))).catch((e) => console.error(`consent-gate: ${name} failed`, e)),
        ),
      ),
    stop: () => scripts.stop(),
  }
}
