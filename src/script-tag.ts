import { check, refused, type ConfigError, type Options } from './config/options'
import { own } from './config/own'
import { PRESETS, TRACKER_IDS } from './config/profiles'
import { documentAccessor } from './document'
import { reportLater } from './config/report'
import { createConsentGate, type ConsentGate } from './gate'

declare global {
  interface Window {
    ConsentGate?: ConsentGate
    ConsentGateConfig?: Options
  }
}

/** Attributes taken as written, by option name. */
const TEXTS =
  'site cookieDomain cookieName policyUrl lang revision theme layout position consentMode receiptUrl config regionHint'.split(' ')
/** Attributes that switch something on or off. */
const FLAGS = 'floatingButton gpc ui never'.split(' ')
/**
 * Options from the tag's data-* attributes, read from its own attribute list: `dataset` would fall
 * through to a polluted `Object.prototype`. Each takes only its documented values (docs/options.md):
 * `data-vercel="false"` is off, `data-ui="no"` is refused. An attribute we do not know is kept
 * under its own name, so the check refuses it by that name (`data-ga`: did you mean data-ga4?).
 */
function fromTag(tag: HTMLScriptElement | null): Options {
  const o: Record<string, any> = Object.create(null)
  // On when empty, "true" or "on"; off with "false" or "off" (of these, the two with an "f");
  // anything else is refused, by the attribute's name (explain.ts words it).
  const flag = (option: string, v: string) => {
    check(/^(|true|on|false|off)$/.test(v), option, 'flag', v)
    return !v.includes('f')
  }
  for (const { name, value: v } of tag?.attributes ?? []) {
    const k = name.slice(5).replace(/-([a-z\d])/g, (_, c) => c.toUpperCase())
    if (!name.startsWith('data-') || k == 'ga4Src') continue
    if (TEXTS.includes(k)) o[k] = v
    else if (FLAGS.includes(k)) o[k] = flag(k, v)
    else if (TRACKER_IDS[k]) o[k] = { [TRACKER_IDS[k]]: v }
    // Vercel's script from elsewhere is a path or URL, so it has a "/"; else a flag.
    else if (k == 'vercel') o[k] = v.includes('/') ? { scriptSrc: v } : flag(k, v)
    else if (k == 'lifetimeDays') o[k] = +v
    else if (k == 'categories') o[k] = v.split(/[\s,]+/)
    else o[name] = v
  }
  const src = tag?.getAttribute('data-ga4-src')
  if (src) o.ga4 = { ...o.ga4, scriptUrl: src }
  if (tag?.nonce) o.nonce = tag.nonce
  return o
}

/**
 * The site's description, from the `<script type="application/json">` element `data-config`
 * names: never executed, so no CSP has to allow it. It must be the only such element with that id
 * (one planted in the page's content makes two, and then neither is read).
 */
function fromElement(id?: string): Options | undefined {
  if (id == null) return
  const found = [...document.querySelectorAll<HTMLScriptElement>('script[type="application/json"]')].filter((s) => s.id === id)
  let c: unknown
  try {
    // An empty id would name every element that has none.
    c = id && found.length == 1 && JSON.parse(found[0].text)
  } catch {}
  return object(c, 'data-config', 'json', id)
}

/** The description a source gives, if it is an object; else a refusal by `option`. */
const object = (c: unknown, option: string, rule: string, shown = c): Options => {
  check(c && typeof c === 'object' && !Array.isArray(c), option, rule, shown)
  return c as Options
}

/**
 * `window.ConsentGateConfig`, only as the page's own property: a polluted `Object.prototype`, or
 * an element with that id (DOM clobbering), sits further up and is not configuration.
 */
function fromPage(): Options | undefined {
  if (!own(window, 'ConsentGateConfig')) return
  return object(window.ConsentGateConfig, 'window.ConsentGateConfig', 'config')
}

/**
 * The loader's own tag, through the document's accessor: `<img name="currentScript">` shadows it.
 * A module script, or a bundle, has none: the chunks could not be found.
 */
function ownTag(): HTMLScriptElement {
  const tag = documentAccessor('currentScript').get!.call(document)
  if (tag instanceof HTMLScriptElement) return tag
  throw Error('consent-gate: load consent-gate.js by a classic <script src>, not as a module')
}

try {
  const { config, ...tagged } = fromTag(ownTag()) as Options & { config?: string }
  const sources = [tagged, fromElement(config), fromPage()].filter(Boolean) as Options[]
  const options: Record<string, unknown> = Object.assign(Object.create(null), ...sources)
  // The hint is rendered per request, a description may be static: hints from sources that
  // disagree are none (the strictest rules the site uses), so a later source cannot loosen the tag's.
  if (new Set(sources.filter((s) => own(s, 'regionHint')).map((s) => s.regionHint)).size > 1) delete options.regionHint
  // Promising no trackers cannot be taken back: not by a later source, nor by naming another site.
  if (sources.some((s) => (own(s, 'never') && s.never === true) || (own(s, 'site') && PRESETS[s.site!]?.never)))
    options.never = true
  // An unknown option or attribute is named, and the gate starts without it (or without the option
  // it is in: a tracker with a typo in its options stays off). Any other mistake starts nothing, and
  // so does anything the page's own code throws, even shaped like our error, and a config of
  // thousands of unknown keys (each try reads the whole config again).
  for (let tries = 0; ; tries++)
    try {
      window.ConsentGate = createConsentGate(options)
      break
    } catch (e) {
      reportLater(e)
      // (`?.`: before any refusal `refused` is undefined, which a page can throw too.)
      if (e !== refused || (e as ConfigError)?.rule != 'known' || tries > 30) break
      // A key of its own before a path's first segment: `never.x` is not `never`.
      const { option } = e as ConfigError
      delete options[own(options, option) ? option : option.split(/[.[]/)[0]]
    }
} catch (e) {
  // A bad config on a script tag must not break the page: say why once, and load nothing.
  reportLater(e)
}
