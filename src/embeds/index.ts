import type { Category } from '../config/profiles'
import type { Config } from '../config/options'
import type { Messages } from '../config/strings'
import type { EmbedHandle, GateView, Start } from '../ui/context'
import { embedUrl, providerOf } from './providers'

/** The elements gated: they carry their URL in `data-src`, so the browser requests nothing. */
const EMBED = 'iframe[data-consent][data-src],img[data-consent][data-src]'

const DARK =
  '--bg:var(--cg-bg,#1c1c1e);--fg:var(--cg-fg,#f2f2f2);--mu:var(--cg-muted,#c7c7c7);--ac:var(--cg-accent,#8fb1ff);--af:var(--cg-accent-fg,#0b0b0b);--bd:var(--cg-border,#8e8e93)'

/** The banner's custom properties and colours (4.5:1 in both themes), so one theme serves both. */
export const CSS = `:host{all:initial;display:inline-block;overflow:hidden;max-width:100%;--bg:var(--cg-bg,#fff);--fg:var(--cg-fg,#1a1a1a);--mu:var(--cg-muted,#4a4a4a);--ac:var(--cg-accent,#1f4fd1);--af:var(--cg-accent-fg,#fff);--bd:var(--cg-border,#767676);--r:var(--cg-radius,10px);font:14px/1.4 var(--cg-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--fg)}
:host([data-theme=dark]){${DARK}}
@media (prefers-color-scheme:dark){:host([data-theme=auto]){${DARK}}}
*{box-sizing:border-box}
.e{width:100%;height:100%;overflow:auto;display:flex;flex-direction:column;justify-content:center;gap:8px;padding:12px 16px;background:var(--bg);border:1px solid var(--bd);border-radius:var(--r)}
p{margin:0;color:var(--mu)}
.t{font-weight:600;color:var(--fg)}
.r{display:flex;flex-wrap:wrap;gap:8px}
button{font:inherit;font-weight:600;min-height:44px;min-width:44px;padding:8px 14px;border-radius:calc(var(--r) - 4px);border:2px solid var(--ac);background:var(--ac);color:var(--af);cursor:pointer}
.l{background:var(--bg);color:var(--ac)}
:focus-visible{outline:3px solid var(--fg);outline-offset:2px;box-shadow:0 0 0 5px var(--bg)}`

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)

/** Builds an element from text only: nothing from markup or messages is parsed as HTML. */
const el = (tag: string, text: string, attrs: Record<string, string> = {}): HTMLElement => {
  const e = document.createElement(tag)
  e.textContent = text
  for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k])
  return e
}

/** Adopts a stylesheet without inline styles, so a CSP without 'unsafe-inline' still allows it. */
function style(root: ShadowRoot, nonce?: string) {
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(CSS)
    root.adoptedStyleSheets = [sheet]
  } catch {
    const s = el('style', CSS)
    if (nonce) s.nonce = nonce
    root.append(s)
  }
}

/**
 * The lazy embeds chunk: each `<iframe|img data-consent="…" data-src="…">` loads only while its
 * category is granted. Until then a placeholder of the same box stands in its place, in a shadow
 * root, saying what would load from whom, with a button that grants the category and one that
 * opens the preferences. It gets the gate's view (ui/context.ts) and imports nothing from the loader. On withdrawal a loaded embed is replaced by a fresh copy without `src`
 * (removing `src` alone leaves the frame's page running) and gets its placeholder back.
 */
export function embeds(config: Config, lang: string, t: Messages, gate: GateView): EmbedHandle {
  let choices = gate.granted()
  // Each waiting embed and its placeholder; embeds whose data-src was refused, logged once.
  const placed = new Map<HTMLElement, { host: HTMLElement; display: string; priority: string }>()
  const refused = new WeakSet<Element>()
  // Own keys of the prototype-free choices, and only offered categories: `data-consent="constructor"`
  // or a polluted Object.prototype.marketing grants nothing.
  const granted = (c: string) => config.categories.includes(c as Category) && own(choices, c) && choices[c as Category] === true

  const unplace = (embed: HTMLElement) => {
    const p = placed.get(embed)
    if (!p) return
    placed.delete(embed)
    p.host.remove()
    embed.style.setProperty('display', p.display, p.priority)
  }

  const place = (embed: HTMLElement, category: string, url: URL) => {
    const provider = providerOf(url)
    const say = (text: string) => text.split('{provider}').join(provider)
    const host = el('div', '', { 'data-consent-placeholder': category, 'data-theme': config.theme, lang })
    // The same box as the embed: its laid-out size, or its width and height attributes.
    const box = embed.getBoundingClientRect()
    const css = getComputedStyle(embed)
    const size = (measured: number, attr: string, fallback: number) =>
      (measured || (/^\d+$/.test(embed.getAttribute(attr) || '') ? +embed.getAttribute(attr)! : fallback)) + 'px'
    host.style.width = size(box.width, 'width', 300)
    host.style.height = size(box.height, 'height', 150)
    // Hidden overflow puts an inline-block's baseline at its bottom edge, as a frame's is.
    host.style.margin = css.margin
    host.style.verticalAlign = css.verticalAlign
    if (css.display === 'block') host.style.display = 'block'

    const root = host.attachShadow({ mode: 'open' })
    style(root, config.nonce)
    const title = say(t.embedTitle)
    const frame = el('div', '', { class: 'e', role: 'group', 'aria-label': title })
    frame.append(el('p', title, { class: 't' }))
    // A category the site does not offer (or Pigi, which offers none) can never be granted.
    if (config.categories.includes(category as Category)) {
      const row = el('div', '', { class: 'r' })
      const allow = el('button', t.embedAllow, { type: 'button', 'data-action': 'allow-embed' })
      allow.onclick = () => {
        gate.onChoose({ [category]: true }, 'embed')
        // Focus follows the content the visitor asked for.
        if (embed.isConnected && embed.hasAttribute('src')) embed.focus()
      }
      const prefs = el('button', t.settings, { type: 'button', class: 'l', 'data-action': 'open-preferences' })
      prefs.onclick = () => gate.open()
      row.append(allow, prefs)
      frame.append(el('p', say(t.embedBody)), row)
    } else frame.append(el('p', url.hostname))
    root.append(frame)

    placed.set(embed, {
      host,
      display: embed.style.getPropertyValue('display'),
      priority: embed.style.getPropertyPriority('display'),
    })
    embed.style.setProperty('display', 'none', 'important')
    embed.before(host)
  }

  const check = (embed: HTMLElement) => {
    const category = embed.getAttribute('data-consent')!
    const url = embedUrl(embed.getAttribute('data-src'), document.baseURI)
    if (!url) {
      if (!refused.has(embed))
        console.error('consent-gate: an embed’s data-src must be an http(s) URL, got', embed.getAttribute('data-src'))
      refused.add(embed)
      return
    }
    if (granted(category)) {
      if (!embed.hasAttribute('src')) {
        unplace(embed)
        ;(embed as HTMLIFrameElement).src = url.href
      }
    } else if (embed.hasAttribute('src')) {
      unplace(embed)
      const fresh = embed.cloneNode(false) as HTMLElement
      fresh.removeAttribute('src')
      fresh.removeAttribute('srcset')
      embed.replaceWith(fresh)
      place(fresh, category, url)
    } else if (!placed.has(embed)) place(embed, category, url)
  }

  const apply = () => {
    // An embed the page removed takes its placeholder with it.
    for (const embed of Array.from(placed.keys())) if (!embed.isConnected) unplace(embed)
    for (const embed of Array.from(document.querySelectorAll<HTMLElement>(EMBED)))
      try {
        check(embed)
      } catch (e) {
        console.error('consent-gate: could not gate an embed', e)
      }
    // Our own changes need no second look.
    observer.takeRecords()
  }

  // Embeds an app adds later get the same treatment.
  const observer = new MutationObserver(apply)
  observer.observe(document, { childList: true, subtree: true })
  apply()

  return {
    update() {
      choices = gate.granted()
      apply()
    },
    destroy() {
      observer.disconnect()
      for (const embed of Array.from(placed.keys())) unplace(embed)
    },
  }
}

/** How the loader starts the embeds: their texts (no cookie wording) with the site's `strings` over them. */
export const start: Start<EmbedHandle> = (config, lang, language, gate, details) =>
  embeds(config, lang, { ...language.default, ...details.default, ...config.strings }, gate)
