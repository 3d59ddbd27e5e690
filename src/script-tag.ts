import { check, type Options } from './config/options'
import { own } from './config/own'
import { documentAccessor } from './document'
import { reportLater } from './config/report'
import { createConsentGate, type ConsentGate } from './gate'

declare global {
  interface Window {
    ConsentGate?: ConsentGate
    ConsentGateConfig?: Options
  }
}

/**
 * Options from the tag's data-* attributes, read with getAttribute: `dataset` would fall through
 * to a polluted `Object.prototype` for an attribute the tag does not have. Each takes only its
 * documented values (docs/options.md): `data-vercel="false"` is off, `data-ui="no"` is refused.
 */
function fromTag(tag: HTMLScriptElement | null): Options {
  const d = (option: string) => tag?.getAttribute('data-' + option.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()))
  // On when present, empty, "true" or "on"; off with "false" or "off" (of these, the two with an
  // "f"); anything else is refused, by the attribute's name (explain.ts words it). Null, when
  // absent, is an option not given.
  const flag = (option: string, v = d(option)) => {
    check(v == null || /^(|true|on|false|off)$/.test(v), option, 'flag', v)
    return v == null ? v : !v.includes('f')
  }
  const o: Record<string, unknown> = Object.create(null)
  for (const k of ['site', 'cookieDomain', 'cookieName', 'policyUrl', 'lang', 'revision', 'theme', 'layout', 'position', 'receiptUrl'])
    if (d(k)) o[k] = d(k)
  if (d('ga4')) o.ga4 = { measurementId: d('ga4'), scriptUrl: d('ga4Src') || undefined }
  // Vercel's script from elsewhere is a path or URL, so it has a "/"; else a flag.
  const vercel = d('vercel')
  o.vercel = vercel?.includes('/') ? { scriptSrc: vercel } : flag('vercel')
  if (d('lifetimeDays')) o.lifetimeDays = +d('lifetimeDays')!
  if (d('categories')) o.categories = d('categories')!.split(/[\s,]+/)
  for (const k of ['floatingButton', 'gpc', 'ui']) o[k] = flag(k)
  if (tag?.nonce) o.nonce = tag.nonce
  return o
}

/**
 * `window.ConsentGateConfig`, only as the page's own property: a polluted `Object.prototype`, or
 * an element with that id (DOM clobbering), sits further up and is not configuration.
 */
function fromPage(): Options | undefined {
  if (!own(window, 'ConsentGateConfig')) return
  const c = window.ConsentGateConfig
  check(c && typeof c === 'object' && !Array.isArray(c), 'window.ConsentGateConfig', 'config', c)
  return c
}

/** The loader's own tag, through the document's accessor: `<img name="currentScript">` shadows it. */
function ownTag(): HTMLScriptElement | null {
  const tag = documentAccessor('currentScript').get!.call(document)
  return tag instanceof HTMLScriptElement ? tag : null
}

try {
  window.ConsentGate = createConsentGate({ ...fromTag(ownTag()), ...fromPage() })
} catch (e) {
  // A bad config on a script tag must not break the page: say why once, and load nothing.
  reportLater(e)
}
