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
 */
export const CSS = `:host{all:initial;--bg:var(--cg-bg,#fff);--fg:var(--cg-fg,#1a1a1a);--mu:var(--cg-muted,#4a4a4a);--ac:var(--cg-accent,#1f4fd1);--af:var(--cg-accent-fg,#fff);--bd:var(--cg-border,#767676);--r:var(--cg-radius,10px);font:15px/1.45 var(--cg-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--fg);line-break:strict;word-break:auto-phrase}
:host([lang=ko]){word-break:keep-all}
:host([data-theme=dark]){${DARK}}
@media (prefers-color-scheme:dark){:host([data-theme=auto]){${DARK}}}
*{box-sizing:border-box}
.p{background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:var(--r);box-shadow:0 6px 28px #0004}
.b{position:fixed;z-index:2147483646;left:12px;right:12px;bottom:12px;max-width:720px;margin:0 auto;padding:16px 18px;animation:up .2s ease-out;outline:0}
h2{font-size:1.1em;margin:0 0 6px}
p{margin:0 0 10px;color:var(--mu)}
a{color:var(--ac)}
.r{margin-top:12px}
.r,.q{display:flex;flex-wrap:wrap;gap:8px}
.r *{flex:1 0 auto;max-width:100%}
.q{flex-grow:2}
button{font:inherit;font-weight:600;min-height:44px;min-width:44px;padding:8px 14px;border-radius:calc(var(--r) - 4px);border:2px solid var(--ac);background:var(--ac);color:var(--af);cursor:pointer}
[data-twin]:after{content:attr(data-twin)/"";display:block;visibility:hidden;margin-top:-1.45em}
.f{position:fixed;z-index:2147483646;inset-inline-start:12px;bottom:12px;border-radius:22px;font-size:13px}
:not(.b):focus-visible{outline:3px solid var(--fg);outline-offset:2px;box-shadow:0 0 0 5px var(--bg)}
@keyframes up{from{transform:translateY(16px)}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}`
