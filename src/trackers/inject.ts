/** Adds an async script, carrying the page's CSP nonce if the loader was given one. */
export function injectScript(src: string, attrs: Record<string, string> = {}, nonce?: string): HTMLScriptElement {
  const s = document.createElement('script')
  s.src = src
  s.async = true
  if (nonce) s.nonce = nonce
  for (const k in attrs) s.setAttribute(k, attrs[k])
  document.head.appendChild(s)
  return s
}
