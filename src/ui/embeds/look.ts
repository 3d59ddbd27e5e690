/** The embeds' elements, built from text only, and their look. */

const DARK =
  '--bg:var(--cg-bg,#1c1c1e);--fg:var(--cg-fg,#f2f2f2);--mu:var(--cg-muted,#c7c7c7);--ac:var(--cg-accent,#8fb1ff);--af:var(--cg-accent-fg,#0b0b0b);--bd:var(--cg-border,#8e8e93)'

/** The banner's custom properties and colours (4.5:1 in both themes), so one theme serves both. */
export const CSS = `:host{all:initial;display:inline-block;overflow:hidden;--bg:var(--cg-bg,#fff);--fg:var(--cg-fg,#1a1a1a);--mu:var(--cg-muted,#4a4a4a);--ac:var(--cg-accent,#1f4fd1);--af:var(--cg-accent-fg,#fff);--bd:var(--cg-border,#767676);--r:var(--cg-radius,10px);font:14px/1.4 var(--cg-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--fg)}
:host([data-theme=dark]){${DARK}}
@media (prefers-color-scheme:dark){:host([data-theme=auto]){${DARK}}}
*{box-sizing:border-box}
.e{width:100%;height:100%;overflow:auto;display:flex;flex-direction:column;justify-content:center;gap:8px;padding:12px 16px;background:var(--bg);border:1px solid var(--bd);border-radius:var(--r)}
p{margin:0;color:var(--mu)}
.t{font-weight:600;color:var(--fg)}
.r{display:flex;flex-wrap:wrap;gap:8px}
p,button{overflow-wrap:anywhere}
button{font:inherit;font-weight:600;min-height:44px;min-width:44px;padding:8px 14px;border-radius:calc(var(--r) - 4px);border:2px solid var(--ac);background:var(--ac);color:var(--af);cursor:pointer}
.l{background:var(--bg);color:var(--ac)}
:focus-visible{outline:3px solid var(--fg);outline-offset:2px;box-shadow:0 0 0 5px var(--bg)}`

/** Builds an element from text only: nothing from markup or messages is parsed as HTML. */
export const el = (tag: string, text: string, attrs: Record<string, string> = {}): HTMLElement => {
  const e = document.createElement(tag)
  e.textContent = text
  for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k])
  return e
}

/**
 * An element with a text whose `{provider}` and `{category}` are filled in, each name in its own
 * `<bdi>`: a host name inside a right-to-left sentence reads as it is, in one piece.
 */
export const say = (
  tag: string,
  text: string,
  names: { provider: string; category?: string },
  attrs?: Record<string, string>,
) => {
  const e = el(tag, '', attrs)
  text.split(/\{(provider|category)\}/).forEach((part, i) => e.append(i % 2 ? el('bdi', names[part as 'provider'] ?? '') : part))
  return e
}

/** Adopts a stylesheet without inline styles, so a CSP without 'unsafe-inline' still allows it. */
export function style(root: ShadowRoot, css: string, nonce?: string) {
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [sheet]
  } catch {
    const s = el('style', css)
    if (nonce) s.nonce = nonce
    root.append(s)
  }
}
