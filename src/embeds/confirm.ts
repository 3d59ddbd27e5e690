/**
 * The question "Always allow <provider>?" asked outside the page's content. A placeholder sits in
 * markup anyone may have written, whose styles can make it invisible, cover it or stretch it over
 * the page; a site-wide grant is therefore given only from a modal `<dialog>`: in the top layer,
 * where no ancestor's filter, opacity or transform applies and nothing of the page lies above it,
 * in a shadow root whose host hangs off `<html>`, outside any content. Its colours are fixed: the
 * page's `--cg-*` properties could be set by that same content.
 */
export const CONFIRM_CSS = `:host{all:initial!important;display:contents!important}
dialog{box-sizing:border-box;max-width:min(30em,calc(100vw - 32px));padding:20px;border:2px solid #767676;border-radius:10px;background:#fff;color:#1a1a1a;font:16px/1.4 system-ui,sans-serif}
dialog::backdrop{background:#0009}
p{margin:0 0 16px}
div{display:flex;flex-wrap:wrap;gap:8px;justify-content:flex-end}
button{font:inherit;font-weight:600;min-height:44px;padding:8px 16px;border-radius:6px;border:2px solid #1f4fd1;background:#1f4fd1;color:#fff;cursor:pointer}
[autofocus]{background:#fff;color:#1f4fd1}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}`

export interface Ask {
  /** The question, its names already in place. */
  text: HTMLElement
  allow: string
  cancel: string
  lang: string
  /** Gives the shadow root its stylesheet (CONFIRM_CSS), as the placeholders get theirs. */
  dress: (root: ShadowRoot) => void
}

/**
 * Shows the question; `yes` runs only when its "Allow" is pressed. Cancel has the focus, and
 * Escape cancels. A browser that cannot show it grants nothing, with one console error.
 */
export function confirm(ask: Ask, yes: () => void) {
  const d = document.createElement('dialog')
  if (typeof d.showModal !== 'function')
    return console.error('consent-gate: this browser cannot show the confirmation dialog; nothing allowed')
  const host = document.createElement('div')
  host.setAttribute('data-consent-confirm', '')
  host.lang = ask.lang
  const root = host.attachShadow({ mode: 'open' })
  const button = (text: string, action: string) => {
    const b = document.createElement('button')
    b.type = 'button'
    b.textContent = text
    b.setAttribute('data-action', action)
    b.onclick = () => d.close(action)
    return b
  }
  const cancel = button(ask.cancel, 'cancel')
  cancel.autofocus = true
  const row = document.createElement('div')
  row.append(button(ask.allow, 'allow'), cancel)
  d.setAttribute('aria-labelledby', 'q')
  ask.text.id = 'q'
  d.append(ask.text, row)
  // Escape closes it with no return value: a cancel.
  d.onclose = () => {
    host.remove()
    if (d.returnValue === 'allow') yes()
  }
  ask.dress(root)
  root.append(d)
  document.documentElement.append(host)
  try {
    d.showModal()
    cancel.focus()
  } catch (e) {
    host.remove()
    console.error('consent-gate: could not show the confirmation dialog; nothing allowed', e)
  }
}
