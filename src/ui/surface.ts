import type { Config } from '../config/options'
import type { Category } from '../config/profiles'
import type { Choices, ConsentRecord, Via } from '../consent/record'
import { guard, lazy, lost, whenBody } from '../steps'
import type { UiHandle } from './context'
import { texts } from './texts'

/** What the UI needs to know of the gate, asked when it needs it. */
export interface GateView {
  record(): ConsentRecord | undefined
  /** The dialog starts from the current choice; never from one that lapsed or came from another revision. */
  prefill(): Choices | undefined
  granted(): Record<Category, boolean>
  onChoose(choices: Choices, via: Via): void
  live(): boolean
}

/**
 * The loader's side of the UI: fetches the banner, dialog and cookie-table chunks when they are
 * needed and hands them what they need. The chunks import nothing from the loader.
 */
export function userInterface(config: Config, gate: GateView) {
  const t = texts(config)
  let mounted: UiHandle | undefined
  let tables: { add(element: Element): Promise<void>; redraw(): void } | undefined

  // The chunk and its language are requested at once, in parallel; only mounting waits for <body>.
  const load = lazy(() =>
    Promise.all([import('./index'), t.banner(), whenBody()]).then(([m, messages]) => {
      const h = m.mount({
        config,
        lang: t.lang(),
        messages,
        details: t.all,
        // Prototype-free: a polluted `Object.prototype.analytics` must not tick a switch.
        choices: Object.assign(Object.create(null), gate.prefill()),
        gpc: gate.record()?.via === 'gpc',
        onChoose: gate.onChoose,
      })
      // A gate destroyed while the chunk was on its way takes the UI with it.
      if (gate.live()) mounted = h
      else h.destroy()
      return h
    }),
  )

  const table = lazy(() =>
    Promise.all([import('./table'), t.all()]).then(
      ([m, messages]) =>
        (tables = m.tables(() => ({ config, choices: gate.granted(), decided: !!gate.record(), lang: t.lang(), messages }))),
    ),
  )
  const renderCookieTable = (element: Element) =>
    table()
      .then((drawn) => (gate.live() ? drawn.add(element) : undefined))
      .catch(lost)
  const findTables = () => document.querySelectorAll('[data-consent-cookie-table]').forEach(renderCookieTable)

  return {
    /** The first-visit banner; with GPC it shows once to say the signal was honoured. */
    showBanner: (gpc: boolean) => load().then((h) => (gpc || !gate.record()) && h.showBanner(), lost),
    openPreferences: () => load().then((h) => h.openPreferences(), lost),
    /** Shows a choice made elsewhere (API, another tab) in the banner, dialog and tables. */
    update(choices: Choices, decided: boolean) {
      guard(() => mounted?.setChoices(choices, decided))
      guard(() => tables?.redraw())
    },
    renderCookieTable,
    /** Fills every `[data-consent-cookie-table]`, once the document has them. */
    findTables() {
      if (document.readyState !== 'loading') findTables()
      else document.addEventListener('DOMContentLoaded', findTables, { once: true })
    },
    destroy() {
      mounted?.destroy()
    },
  }
}
