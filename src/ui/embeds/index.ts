import type { Category } from '../../config/profiles'
import type { Config } from '../../config/options'
import type { Messages } from '../../config/strings'
import type { Shown } from '../../consent/receipt'
import type { EmbedHandle, GateView, Start } from '../context'
import { confirm } from './confirm'
import { CSS, el, say, style } from './look'
import { offer, visible, type Sight } from './offer'
import { embedUrl, knownProvider, providerOf } from './providers'

/** The elements gated: they carry their URL in `data-src`, so the browser requests nothing. */
const EMBED = 'iframe[data-consent][data-src],img[data-consent][data-src]'

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)

/**
 * What makes an element's box and puts it in place, copied onto the placeholder with `!important`:
 * the page's rules for `div` (a border, padding, box-sizing) cannot make it larger or smaller
 * than the embed, and an embed moved off the page has its placeholder there too. Not its
 * `transform`, `z-index` or a fixed or sticky `position`: those would let the embed's markup lay
 * the placeholder's buttons over the whole page.
 */
const BOX =
  'top right bottom left clip-path box-sizing min-width min-height max-width max-height margin-top margin-right margin-bottom margin-left padding-top padding-right padding-bottom padding-left border-top-width border-right-width border-bottom-width border-left-width vertical-align float opacity visibility'.split(
    ' ',
  )

/** The placeholder takes the embed's box: its own width and height, in its own box-sizing, and all around them. */
function takeBox(host: HTMLElement, embed: HTMLElement, css: CSSStyleDeclaration) {
  const set = (p: string, v: string) => host.style.setProperty(p, v, 'important')
  for (const p of BOX) set(p, css.getPropertyValue(p))
  const at = css.getPropertyValue('position')
  set('position', at === 'fixed' ? 'absolute' : at === 'sticky' ? 'relative' : at)
  // A laid-out embed's width is in px; one not laid out (in a hidden tab) has its declared value,
  // or `auto`: then its width attribute, or a frame's default 300 × 150.
  const side = (p: 'width' | 'height', fallback: number) => {
    const v = css.getPropertyValue(p)
    const attr = embed.getAttribute(p) || ''
    set(p, /^[\d.]+(px|%)$/.test(v) ? v : (/^\d+$/.test(attr) ? attr : fallback) + 'px')
  }
  side('width', 300)
  side('height', 150)
  set('border-style', 'solid')
  set('border-color', 'transparent')
  set('display', /^(none|block)$/.test(css.display) ? css.display : 'inline-block')
}

/** Effects that can hide or fade what is drawn, whatever the opacity says (`none` when unset). */
const EFFECTS =
  'filter backdrop-filter -webkit-backdrop-filter mask-image -webkit-mask-image -webkit-mask-box-image-source clip-path'.split(
    ' ',
  )

/** Whether an element's box on screen differs much from its laid-out size (a transform scales it). */
const scaled = (e: HTMLElement, r: DOMRect) =>
  Math.abs(r.width - e.offsetWidth) > Math.max(2, e.offsetWidth / 10) ||
  Math.abs(r.height - e.offsetHeight) > Math.max(2, e.offsetHeight / 10)

/**
 * How the browser lays an element out, for offer.ts to judge. One not laid out (an ancestor is
 * display: none, as in a hidden tab) counts as hidden, or with `declared`, as its declared box.
 */
function sight(e: HTMLElement, declared?: boolean): Sight {
  const css = getComputedStyle(e)
  let opacity = 1
  let altered = false
  // Up through the ancestors and out of shadow roots: a parent at opacity 0 hides it as well.
  for (let n: Element | null = e; n; n = n.parentElement || ((n.getRootNode() as ShadowRoot).host ?? null)) {
    const s = getComputedStyle(n)
    const o = parseFloat(s.opacity)
    if (o >= 0) opacity *= o
    altered ||=
      EFFECTS.some((p) => !/^(none)?$/.test(s.getPropertyValue(p))) || !/^(normal)?$/.test(s.getPropertyValue('mix-blend-mode'))
  }
  const hidden = css.display === 'none' || css.visibility === 'hidden' || css.visibility === 'collapse'
  const r = e.getBoundingClientRect()
  if (!e.getClientRects().length)
    return {
      width: parseFloat(e.style.width) || 0,
      height: parseFloat(e.style.height) || 0,
      right: 1,
      bottom: 1,
      opacity,
      hidden: hidden || !declared,
      altered,
    }
  altered ||= scaled(e, r)
  return { width: r.width, height: r.height, right: r.right + scrollX, bottom: r.bottom + scrollY, opacity, hidden, altered }
}

/**
 * Where the browser can tell (IntersectionObserver v2), whether the element is seen right now:
 * nothing lies over it, nothing fades or distorts it. Elsewhere, true: sight() is all there is.
 */
const unobscured = (e: Element): Promise<boolean> =>
  new Promise((done) => {
    if (typeof IntersectionObserverEntry !== 'function' || !('isVisible' in IntersectionObserverEntry.prototype))
      return done(true)
    const io = new IntersectionObserver(
      ([entry]) => {
        io.disconnect()
        done((entry as IntersectionObserverEntry & { isVisible: boolean }).isVisible)
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    )
    io.observe(e)
  })

/**
 * Why an embed would load something other than its `data-src`, or undefined: the browser picks
 * `srcset` (and a `<picture>`'s `<source>`) over `src`, and shows `srcdoc` instead of it, so the
 * placeholder would name one host while another loads.
 */
const otherSource = (embed: HTMLElement): string | undefined =>
  ['srcset', 'sizes', 'srcdoc'].find((a) => embed.hasAttribute(a)) ??
  (embed.parentElement?.tagName === 'PICTURE' && embed.parentElement.querySelector('source') ? '<picture><source>' : undefined)

/**
 * The lazy embeds chunk: each `<iframe|img data-consent="…" data-src="…">` loads only while its
 * category is granted, or when the visitor loads that one. Until then a placeholder in the
 * embed's exact box stands in its place, in a shadow root, saying what would load from whom;
 * its buttons are decided in offer.ts. It gets the gate's view (ui/context.ts) and imports
 * nothing from the loader. On withdrawal a loaded embed is replaced by a fresh copy without
 * `src` (removing `src` alone leaves the frame's page running) and gets its placeholder back.
 */
export function embeds(
  config: Config,
  lang: string,
  t: Messages,
  gate: GateView,
  /** What a placeholder showed, for the receipt (consent/shown.ts); never rejects. */
  hash: () => Promise<Shown> = async () => ({ lang }),
): EmbedHandle {
  // Arabic, Persian and Hebrew read right to left, as the banner does (ui/index.tsx).
  const dir = /^(ar|fa|he|ur|ps|yi|ckb|dv|sd|ug)\b/i.test(lang) ? 'rtl' : 'ltr'
  let choices = gate.granted()
  // Each waiting embed and its placeholder; embeds whose data-src was refused, logged once.
  const placed = new Map<HTMLElement, { host: HTMLElement; display: string; priority: string }>()
  const refused = new WeakSet<Element>()
  const refuse = (embed: Element, ...why: unknown[]) => {
    if (!refused.has(embed)) console.error(...why)
    refused.add(embed)
  }
  // Embeds the visitor loaded one by one: they stay until a choice leaves their category refused.
  const once = new Set<HTMLElement>()
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

  const load = (embed: HTMLElement, url: URL) => {
    unplace(embed)
    // check() never loads an embed with these; they are gone all the same, so only `src` counts.
    for (const a of ['srcset', 'sizes', 'srcdoc']) embed.removeAttribute(a)
    ;(embed as HTMLIFrameElement).src = url.href
  }

  const place = (embed: HTMLElement, category: string, url: URL, other?: string) => {
    const provider = providerOf(url)
    const css = getComputedStyle(embed)
    // Read before the embed is hidden below: a computed style is live. The embed's own transform
    // is not the placeholder's, so a scaled embed is judged here.
    const hidden = css.display === 'none' || embed.hasAttribute('hidden') || scaled(embed, embed.getBoundingClientRect())
    const host = el('div', '', { 'data-consent-placeholder': category, 'data-theme': config.theme, lang })
    takeBox(host, embed, css)
    const root = host.attachShadow({ mode: 'open' })
    style(root, CSS, config.nonce)
    const title = say('p', t.embedTitle, { provider }, { class: 't' })
    // `all: initial` resets the host's language and direction inside: line breaking, CJK glyphs and
    // right-to-left text need them here.
    const frame = el('div', '', { class: 'e', role: 'group', 'aria-label': title.textContent!, lang, dir })
    frame.append(title)
    placed.set(embed, {
      host,
      display: embed.style.getPropertyValue('display'),
      priority: embed.style.getPropertyPriority('display'),
    })
    embed.style.setProperty('display', 'none', 'important')
    embed.before(host)

    // Judged on the placeholder as laid out: the embed's box, under the embed's ancestors; in a
    // hidden tab by its declared box, and again when a button is pressed.
    const seen = sight(host, true)
    seen.hidden ||= hidden
    const can = offer(category, config.categories, knownProvider(url), seen)
    if (!can.load || other) {
      frame.append(el('p', url.hostname))
      return root.append(frame)
    }
    // Clicked or not, a button does nothing unless its placeholder can be seen right now. The
    // browser's visibility is asked of the button itself: to Chromium the host and the frame
    // around it count as hidden by what they contain, a title in a scrolled frame as clipped.
    const act = (button: HTMLElement, what: () => void) =>
      (button.onclick = async () => {
        if (!visible(sight(host)) || !(await unobscured(button)))
          return console.error('consent-gate: an embed’s placeholder is hidden, covered, altered or too small; nothing loaded')
        what()
        // Focus follows the content the visitor asked for.
        if (embed.isConnected && embed.hasAttribute('src')) embed.focus()
      })
    const row = el('div', '', { class: 'r' })
    const one = el('button', t.embedLoad, { type: 'button', 'data-action': 'load-embed' })
    act(one, () => {
      once.add(embed)
      load(embed, url)
    })
    row.append(one)
    if (can.always) {
      const names = { provider: can.always, category: t[category as 'functional' | 'marketing'] }
      const always = say('button', t.embedAlways, names, { type: 'button', class: 'l', 'data-action': 'allow-embed' })
      // The grant itself is given only from a dialog the page's content cannot reach (confirm.ts).
      const ask = {
        text: say('p', t.embedConfirm, names),
        allow: t.allow,
        cancel: t.cancel,
        lang,
        dir,
        theme: config.theme,
        nonce: config.nonce,
      }
      act(always, () => {
        // What the placeholder showed, hashed while the visitor confirms; the choice waits for it.
        const shown = hash()
        confirm(ask, () => void shown.then((s) => gate.onChoose({ [category]: true }, 'embed', s)))
      })
      row.append(always)
    }
    const prefs = el('button', t.settings, { type: 'button', class: 'l', 'data-action': 'open-preferences' })
    prefs.onclick = () => gate.open()
    row.append(prefs)
    frame.append(say('p', t.embedBody, { provider }), row)
    root.append(frame)
  }

  const check = (embed: HTMLElement) => {
    const category = embed.getAttribute('data-consent')!
    const url = embedUrl(embed.getAttribute('data-src'), document.baseURI)
    if (!url)
      return refuse(embed, 'consent-gate: an embed’s data-src must be an http(s) URL, got', embed.getAttribute('data-src'))
    const other = otherSource(embed)
    if (other) {
      refuse(
        embed,
        `consent-gate: an embed with ${other} would load something other than its data-src; it gets no buttons and never loads`,
      )
      if (!placed.has(embed)) place(embed, category, url, other)
      return
    }
    if (granted(category) || once.has(embed)) {
      if (!embed.hasAttribute('src')) load(embed, url)
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
    // An embed the page removed takes its placeholder with it, and is forgotten.
    // Deleting from a Map or Set while iterating it is well defined.
    for (const embed of placed.keys()) if (!embed.isConnected) unplace(embed)
    for (const embed of once) if (!embed.isConnected) once.delete(embed)
    for (const embed of document.querySelectorAll<HTMLElement>(EMBED))
      try {
        // The SDK's own UI is no place for content: a page's markup cannot put an embed there.
        if (!embed.closest('[data-consent-gate-host],[data-consent-placeholder]')) check(embed)
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
      // A choice that leaves a category refused takes back the embeds loaded one by one.
      for (const embed of once) if (!granted(embed.getAttribute('data-consent')!)) once.delete(embed)
      apply()
    },
    destroy() {
      observer.disconnect()
      for (const embed of placed.keys()) unplace(embed)
    },
  }
}

/** How the loader starts the embeds: their texts (no cookie wording) with the site's over them. */
export const start: Start<EmbedHandle> = (config, lang, language, gate, details, strings) =>
  embeds(config, lang, { ...language.default, ...details.default, ...strings }, gate, async (): Promise<Shown> =>
    // The digest is made in the banner's chunk (fetched only now, if no banner came before; as a
    // chunk of its own, the banner would wait a round trip for it), which a headless site
    // (`ui: false`) never fetches: there the receipt names the language alone.
    config.ui
      ? import('../index').then(
          (m) => m.shownIn(lang, language.default, details.default, strings, config),
          () => ({ lang }),
        )
      : { lang },
  )
