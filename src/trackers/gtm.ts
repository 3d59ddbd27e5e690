import type { Category } from '../config/profiles'
import { injectScript } from './inject'
import type { TrackerSetup } from './setup'

/**
 * Whether the page already has this container: its own GTM snippet, kept in the HTML after the
 * loader (docs/recipes.md). Loading it a second time would run every tag twice.
 */
const onPage = (id: string) =>
  !!(window as { google_tag_manager?: Record<string, unknown> }).google_tag_manager?.[id] ||
  !!document.querySelector(`script[src*="id=${id}"]`)

/**
 * Google Tag Manager's web container, as its own snippet starts it: the `gtm.js` event, then the
 * container. The loader has already put Consent Mode's defaults (and, on every choice, the update
 * with its `consent_update` event) in `dataLayer`, so each tag inside is gated by Consent Mode.
 * Basic mode loads it on the first yes to analytics or marketing (the categories its tags need);
 * advanced mode at once, everything denied. It cannot be unloaded: a withdrawal is Consent Mode's
 * update, and the loader removes Google's cookies.
 */
export function start({ config }: TrackerSetup, advanced: boolean) {
  const { containerId: id, scriptUrl: src } = config.gtm!
  let started = false
  const start = () => {
    if (onPage(id)) return
    const w = window as unknown as { dataLayer?: unknown[] }
    ;(w.dataLayer ||= []).push({ 'gtm.start': Date.now(), event: 'gtm.js' })
    injectScript((src || 'https://www.googletagmanager.com/gtm.js') + '?id=' + id, {}, config.nonce)
  }
  return (choices: Record<Category, boolean>): void => {
    if (started || !(choices.analytics || choices.marketing || advanced)) return
    started = true
    // A loader in the head, ahead of the page's own snippet: the snippet has not run yet.
    if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', start, { once: true })
    else start()
  }
}
