import type { Config } from '../config/options'
import type { Category } from '../config/profiles'
import type { Choices, ConsentRecord, Via } from '../consent/record'
import { guard, lazy, lost, whenBody } from '../steps'
import type { EmbedHandle, UiHandle } from './context'
import { texts } from './texts'

/** What the UI needs to know of the gate, asked when it needs it. */
export interface GateView {
  record(): ConsentRecord | undefined
  /** The dialog starts from the current choice; never from one that lapsed or came from another revision. */
  prefill(): Choices | undefined
  granted(): Record<Category, boolean>
  /** Offered categories the visitor has not chosen yet. */
  asked(): Category[]
  onChoose(choices: Choices, via: Via): void
  /** The gate's openPreferences: the dialog, or with `ui: false` the site's own. */
  open(): void
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
        asked: gate.asked,
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
        (tables = m.tables(() => ({ config, choices: gate.granted(), undecided: gate.asked(), lang: t.lang(), messages }))),
    ),
  )
  // Placeholders for embeds, a chunk of its own: fetched once the page has an embed, which an
  // observer looks for until then (a page without embeds pays for one query per DOM change).
  let embedded: EmbedHandle | undefined
  const embeds = lazy(() =>
    Promise.all([import('../embeds/index'), t.all()]).then(
      ([m, messages]) => void (gate.live() && (embedded = m.embeds(config, t.lang(), messages, gate))),
    ),
  )
  const seek = () => document.querySelector('[data-consent][data-src]') && (watch.disconnect(), embeds().catch(lost))
  const watch = new MutationObserver(seek)
  const findEmbeds = () => {
    watch.observe(document, { childList: true, subtree: true })
    seek()
  }

  const renderCookieTable = (element: Element) =>
    table()
      .then((drawn) => (gate.live() ? drawn.add(element) : undefined))
      .catch(lost)
  const findTables = () => document.querySelectorAll('[data-consent-cookie-table]').forEach(renderCookieTable)

  return {
    /** The first-visit banner; with GPC it shows once to say the signal was honoured. */
    showBanner: (gpc: boolean) => load().then((h) => (gpc || gate.asked().length) && h.showBanner(), lost),
    openPreferences: () => load().then((h) => h.openPreferences(), lost),
    /** Shows a choice made elsewhere (API, another tab) in the banner, dialog and tables. */
    update(choices: Choices, decided: boolean) {
      guard(() => mounted?.setChoices(choices, decided))
      guard(() => tables?.redraw())
      guard(() => embedded?.update())
    },
    renderCookieTable,
    /** Fills every `[data-consent-cookie-table]` and gates every embed, once the document has them. */
    find() {
      const find = () => (findTables(), findEmbeds())
      if (document.readyState !== 'loading') find()
      else document.addEventListener('DOMContentLoaded', find, { once: true })
    },
    destroy() {
      watch.disconnect()
      mounted?.destroy()
      embedded?.destroy()
    },
  }
}
