/**
 * Activates `<script type="text/plain" data-consent="analytics">` tags once their category is
 * granted. A copy is needed: the browser never runs a script element whose type it skipped.
 */
export function activateScripts(granted: (category: string) => boolean): void {
  document.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-consent]').forEach((old) => {
    if (!granted(old.dataset.consent!)) return
    const s = document.createElement('script')
    for (const { name, value } of Array.from(old.attributes))
      if (name !== 'type' && name !== 'data-consent') s.setAttribute(name, value)
    // A nonce attribute reads back empty once the browser hid it, so copy the property.
    if (old.nonce) s.nonce = old.nonce
    s.text = old.text
    s.dataset.consentActivated = old.dataset.consent
    old.replaceWith(s)
  })
}
