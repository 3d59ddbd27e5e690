/**
 * The UI's whole stylesheet. Sites theme it with custom properties on `[data-consent-gate-host]`
 * (they inherit into the shadow root): --cg-bg, --cg-fg, --cg-muted, --cg-accent, --cg-accent-fg,
 * --cg-border, --cg-radius, --cg-font. Colours meet 4.5:1 in both themes.
 */
export const CSS = `
:host{all:initial;--bg:var(--cg-bg,#fff);--fg:var(--cg-fg,#1a1a1a);--mu:var(--cg-muted,#4a4a4a);--ac:var(--cg-accent,#1f4fd1);--af:var(--cg-accent-fg,#fff);--bd:var(--cg-border,#767676);--r:var(--cg-radius,10px);font:15px/1.45 var(--cg-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--fg)}
:host([data-theme=dark]){--bg:var(--cg-bg,#1c1c1e);--fg:var(--cg-fg,#f2f2f2);--mu:var(--cg-muted,#c7c7c7);--ac:var(--cg-accent,#8fb1ff);--af:var(--cg-accent-fg,#0b0b0b);--bd:var(--cg-border,#8e8e93)}
@media (prefers-color-scheme:dark){:host([data-theme=auto]){--bg:var(--cg-bg,#1c1c1e);--fg:var(--cg-fg,#f2f2f2);--mu:var(--cg-muted,#c7c7c7);--ac:var(--cg-accent,#8fb1ff);--af:var(--cg-accent-fg,#0b0b0b);--bd:var(--cg-border,#8e8e93)}}
*{box-sizing:border-box}
.b,.d{background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:var(--r);box-shadow:0 6px 28px #0004}
.b{position:fixed;z-index:2147483646;left:12px;right:12px;bottom:12px;max-width:720px;margin:0 auto;padding:16px 18px;animation:up .2s ease-out}
.o{position:fixed;z-index:2147483647;inset:0;background:#0008;display:flex;align-items:center;justify-content:center;padding:12px}
.d{width:100%;max-width:560px;max-height:100%;overflow:auto;padding:18px 20px}
h2{font-size:1.1em;margin:0 0 6px}
p{margin:0 0 10px;color:var(--mu)}
a{color:var(--ac)}
.r{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
button{font:inherit;font-weight:600;min-height:44px;min-width:44px;padding:8px 14px;border-radius:calc(var(--r) - 4px);border:2px solid var(--ac);background:var(--ac);color:var(--af);cursor:pointer}
.r button{flex:1 1 140px}
.x{float:right;background:none;color:var(--fg);border-color:transparent;padding:0 10px;font-size:1.3em}
.f{position:fixed;z-index:2147483646;left:12px;bottom:12px;border-radius:22px;font-size:13px}
:focus-visible{outline:3px solid var(--fg);outline-offset:2px;box-shadow:0 0 0 5px var(--bg)}
.c{border-top:1px solid var(--bd);padding:10px 0}
.h{display:flex;align-items:center;justify-content:space-between;gap:12px;font-weight:600}
.h span{font-weight:400;color:var(--mu)}
input{appearance:none;width:46px;height:26px;flex:none;border-radius:13px;background:var(--mu);position:relative;cursor:pointer;margin:0}
input::after{content:"";position:absolute;top:3px;left:3px;width:20px;height:20px;border-radius:50%;background:var(--bg);transition:left .15s}
input:checked{background:var(--ac)}
input:checked::after{left:23px}
summary{cursor:pointer;color:var(--ac);min-height:24px;margin-top:4px}
table{width:100%;border-collapse:collapse;font-size:13px;margin-top:6px}
th,td{text-align:left;padding:4px 6px 4px 0;vertical-align:top;border-top:1px solid var(--bd)}
@keyframes up{from{transform:translateY(16px)}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`
