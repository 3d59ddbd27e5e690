import type { Config } from '../config/options'
import type { Policy } from '../config/regions'
import { own } from '../config/own'
import type { Details, Texts } from '../config/strings'
import type { Choices } from '../consent/record'
import { guard, lazy, lost, whenBody } from '../steps'
import type { GateView, Part, Start } from './context'
import { loadLanguage, pickLanguage, visitorLanguage } from './language'

/**
 * The loader's side of the UI: picks the visitor's language and fetches the banner, cookie-table
 * and embeds chunks when they are needed, each with that language. What a chunk does with them
 * (texts, choices, what it draws) is its own business; the chunks import nothing from the loader.
 */
export function userInterface(config: Config, gate: GateView) {
  let lang = ''
  let strings: Partial<Texts>
  // Picked when a text is first needed: a returning visitor's page view has no use for it. A
  // language the site added with `texts` (say `sw`) shows in English where its texts say nothing.
  const language = lazy(() => {
    const texts = config.texts || {}
    lang = visitorLanguage(config.lang, Object.keys(texts))
    // The site's texts for that language win over its texts for every language.
    strings = { ...config.strings, ...(own(texts, lang) && texts[lang]) }
    // A text under a key we do not have is named, in the lazy explanation chunk.
    if (config.texts || Object.keys(config.strings).length) import('../config/explain').then((m) => m.unknownTexts(config), lost)
    return loadLanguage(pickLanguage([lang]))
  })
  const parts: Part[] = []
  /**
   * A chunk, started once, with its language fetched in parallel; then `act` on it. A gate
   * destroyed while the chunk was on its way starts nothing and acts on nothing.
   */
  const part = <P extends Part>(
    load: () => Promise<{ start: Start<P> }>,
    ready: () => Promise<unknown> = () => language().then((m) => m.details()),
  ) => {
    const started = lazy(() =>
      Promise.all([load(), language(), ready()]).then(([m, l, d]) => {
        // The banner's `ready` gives no details: it fetches them when the dialog is near.
        const p = gate.live() ? m.start(config, lang, l, gate, d as { default: Details }, strings) : undefined
        if (p) parts.push(p)
        return p
      }),
    )
    return (act?: (p: P) => unknown) =>
      started()
        .then((p) => p && gate.live() && act?.(p))
        .catch(lost) as Promise<void>
  }

  // The banner's chunk and its language are requested at once; only mounting waits for <body>.
  const banner = part(() => import('./index'), whenBody)
  const table = part(() => import('./table'))
  // Placeholders for embeds: fetched once the page has an embed, which an observer looks for
  // until then (a page without embeds pays for one query per DOM change).
  const embeds = part(() => import('./embeds/index'))
  const seek = () => document.querySelector('[data-consent][data-src]') && (watch.disconnect(), embeds())
  const watch = new MutationObserver(seek)
  const findEmbeds = () => {
    watch.observe(document, { childList: true, subtree: true })
    seek()
  }

  const renderCookieTable = (element: Element) => table((t) => t.add(element))
  const findTables = () => document.querySelectorAll('[data-consent-cookie-table]').forEach(renderCookieTable)

  return {
    /** The first-visit banner; with GPC it shows once to say the signal was honoured. */
    showBanner: (gpc: boolean) => banner((h) => h.showBanner(gpc)),
    /** Under opt-out, the "Your privacy choices" link; under notice, the notice until it was seen (`first`). */
    showPolicy: (policy: Policy, first: boolean) => banner((h) => h.showPolicy(policy, first)),
    openPreferences: () => banner((h) => h.openPreferences()),
    /** Shows a choice made elsewhere (API, another tab) in the banner, dialog, tables and embeds. */
    update: (choices: Choices, decided: boolean) => parts.forEach((p) => guard(() => p.update(choices, decided))),
    renderCookieTable,
    /** Fills every `[data-consent-cookie-table]` and gates every embed, once the document has them. */
    find() {
      const find = () => (findTables(), findEmbeds())
      if (document.readyState !== 'loading') find()
      else document.addEventListener('DOMContentLoaded', find, { once: true })
    },
    destroy() {
      watch.disconnect()
      parts.forEach((p) => p.destroy())
    },
  }
}
