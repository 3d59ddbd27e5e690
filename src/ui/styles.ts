const DARK =
  '--bg:var(--cg-bg,#1c1c1e);--fg:var(--cg-fg,#f2f2f2);--mu:var(--cg-muted,#c7c7c7);--ac:var(--cg-accent,#8fb1ff);--af:var(--cg-accent-fg,#0b0b0b);--bd:var(--cg-border,#8e8e93)'

/**
 * What the banner needs; the dialog brings the rest with its own chunk. Sites theme both with
 * custom properties on `[data-consent-gate-host]` (they inherit into the shadow root): --cg-bg,
 * --cg-fg, --cg-muted, --cg-accent, --cg-accent-fg, --cg-border, --cg-radius, --cg-font.
 * Colours meet 4.5:1 in both themes. Buttons wrap to a row of their own before their label wraps:
 * Greek or Hungarian labels are long. Accept and Reject (`.q`) are one size in every language (see
 * `data-twin`), and each button on a row gets the same share of its spare width. Logical
 * properties (`inset-inline-start`) mirror the layout for right-to-left languages. The text breaks
 * lines by its language's rules: strict kinsoku, Japanese by phrase, Korean between words.
 * Layouts (`data-layout`, `data-position` on the host): a box 12 px from the edges, or a bar
 * flush with them whose text and buttons share a row on wide screens; at the bottom or the top,
 * never over the other edge, and scrolling inside itself rather than growing past the screen.
 */
export const CSS = `:host{all:initial;--bg:var(--cg-bg,#fff);--fg:var(--cg-fg,#1a1a1a);--mu:var(--cg-muted,#4a4a4a);--ac:var(--cg-accent,#1f4fd1);--af:var(--cg-accent-fg,#fff);--bd:var(--cg-border,#767676);--r:var(--cg-radius,10px);--m:12px;font:15px/1.45 var(--cg-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--fg);line-break:strict;word-break:auto-phrase}
:host([lang=ko]){word-break:keep-all}
:host([data-theme=dark]){${DARK}}
@media (prefers-color-scheme:dark){:host([data-theme=auto]){${DARK}}}
*{box-sizing:border-box}
.p{background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:var(--r);box-shadow:0 6px 28px #0004}
.b{position:fixed;z-index:2147483646;left:var(--m);right:var(--m);bottom:var(--m);max-width:720px;max-height:calc(100% - 2*var(--m));overflow:auto;margin:0 auto;padding:16px 18px;animation:up .2s ease-out;outline:0}
:host([data-position=top]) .b{top:var(--m);bottom:auto;--y:-16px}
:host([data-layout=bar]){--m:0px}
:host([data-layout=bar]) .b{max-width:none;border-radius:0;border-width:1px 0;padding-inline:max(18px,50% - 560px)}
@media (min-width:900px){:host([data-layout=bar]) .b{display:flex;align-items:center;gap:24px}:host([data-layout=bar]) .t{flex:1}:host([data-layout=bar]) .r{flex:0 1 auto;max-width:50%;margin:0}}
h2{font-size:1.1em;margin:0 0 6px}
p,ul{margin:0 0 10px;color:var(--mu)}
ul{padding-inline-start:1.2em}
a{color:var(--ac)}
.r{margin-top:12px}
.r,.q{display:flex;flex-wrap:wrap;gap:8px}
.r *{flex:1 0 auto;max-width:100%}
.q{flex-grow:2}
button{font:inherit;font-weight:600;min-height:44px;min-width:44px;padding:8px 14px;border-radius:calc(var(--r) - 4px);border:2px solid var(--ac);background:var(--ac);color:var(--af);cursor:pointer}
[data-twin]:after{content:attr(data-twin)/"";display:block;visibility:hidden;margin-top:-1.45em}
.f{position:fixed;z-index:2147483646;inset-inline-start:12px;bottom:12px;border-radius:22px;font-size:13px}
:host([data-position=top]) .f{top:12px;bottom:auto}
:not(.b):focus-visible{outline:3px solid var(--fg);outline-offset:2px;box-shadow:0 0 0 5px var(--bg)}
@keyframes up{from{transform:translateY(var(--y,16px))}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}`
