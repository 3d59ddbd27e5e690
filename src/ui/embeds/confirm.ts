import { CSS, el, style } from './look'

/**
 * The question "Always allow <provider>?" asked outside the page's content. A placeholder sits in
 * markup anyone may have written, whose styles can make it invisible, cover it or stretch it over
 * the page; a site-wide grant is therefore given only from a modal `<dialog>`: in the top layer,
 * where no ancestor's filter, opacity or transform applies and nothing of the page lies above it,
 * in a shadow root whose host hangs off `<html>`, outside any content. It looks like a placeholder
 * but without the page's `--cg-*` properties, which that same content could set (transparent
 * text), and the page cannot restyle or hide its host (`!important` inside a shadow root wins).
 */
const LOOK =
  CSS.replace(/var\(--cg-[a-z-]+,([^)]*)\)/g, '$1') +
  ':host{all:initial!important;display:contents!important}dialog{padding:0;border:0;max-width:min(30em,calc(100% - 32px));background:none}::backdrop{background:#0009}'

export interface Ask {
  /** The question, its names already in place. */
  text: HTMLElement
  allow: string
  cancel: string
  lang: string
  dir: string
  theme: string
  nonce?: string
}

/**
 * Shows the question; `yes` runs only when its "Allow" is pressed, which it can be half a second
 * after it shows. Cancel has the focus, and Escape cancels. A browser that cannot show it grants nothing, with one console error.
 */
export function confirm(ask: Ask, yes: () => void) {
  const d = el('dialog', '', { 'aria-labelledby': 'q' }) as HTMLDialogElement
  const host = el('div', '', { 'data-consent-confirm': '', 'data-theme': ask.theme, lang: ask.lang })
  const root = host.attachShadow({ mode: 'open' })
  style(root, LOOK, ask.nonce)
  const button = (text: string, action: string, attrs = {}) => {
    const b = el('button', text, { type: 'button', 'data-action': action, ...attrs })
    b.onclick = () => d.close(action)
    return b
  }
  const cancel = button(ask.cancel, 'cancel', { class: 'l', autofocus: '' })
  ask.text.id = 'q'
  ask.text.className = 't'
  const frame = el('div', '', { class: 'e', lang: ask.lang, dir: ask.dir })
  const row = el('div', '', { class: 'r' })
  // A lure's double click ("click twice to play") must not land its second click on Allow.
  const allow = button(ask.allow, 'allow', { disabled: '' }) as HTMLButtonElement
  setTimeout(() => (allow.disabled = false), 500)
  row.append(allow, cancel)
  frame.append(ask.text, row)
  d.append(frame)
  // Escape closes it with no return value: a cancel.
  d.onclose = () => {
    host.remove()
    if (d.returnValue === 'allow') yes()
  }
  root.append(d)
  document.documentElement.append(host)
  // Without showModal (an old browser) this throws as well.
  try {
    d.showModal()
    cancel.focus()
  } catch (e) {
    host.remove()
    console.error('consent-gate: cannot show the confirmation dialog; nothing allowed', e)
  }
}
