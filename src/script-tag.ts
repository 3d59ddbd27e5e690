import type { Options } from './config/options'
import { reportLater } from './config/report'
import { createConsentGate, type ConsentGate } from './gate'

declare global {
  interface Window {
    ConsentGate?: ConsentGate
    ConsentGateConfig?: Options
  }
}

/** Options from the tag's data-* attributes; `window.ConsentGateConfig` wins where both say. */
function fromTag(tag: HTMLScriptElement | null): Options {
  const d = tag?.dataset ?? {}
  const o: Record<string, unknown> = {}
  for (const k of ['site', 'cookieDomain', 'cookieName', 'policyUrl', 'lang', 'revision', 'theme', 'receiptUrl'])
    if (d[k]) o[k] = d[k]
  if (d.ga4) o.ga4 = { measurementId: d.ga4, scriptUrl: d.ga4Src || undefined }
  if (d.vercel !== undefined) o.vercel = { scriptSrc: d.vercel || undefined }
  if (d.lifetimeDays) o.lifetimeDays = +d.lifetimeDays
  if (d.categories) o.categories = d.categories.split(/[\s,]+/)
  if (d.floatingButton !== undefined) o.floatingButton = true
  if (d.gpc === 'off') o.gpc = false
  if (tag?.nonce) o.nonce = tag.nonce
  return o
}

try {
  window.ConsentGate = createConsentGate({
    ...fromTag(document.currentScript as HTMLScriptElement | null),
    ...window.ConsentGateConfig,
  })
} catch (e) {
  // A bad config on a script tag must not break the page: say why once, and load nothing.
  reportLater(e)
}
