interface Policy {
  createScriptURL(url: string): string
  createScript(code: string): string
}
const plain: Policy = { createScriptURL: (u) => u, createScript: (c) => c }
let policy: Policy | undefined

/**
 * Under `require-trusted-types-for 'script'` a string cannot become a script URL or script text,
 * so what we inject goes through one policy, `consent-gate` (the site allows it with
 * `trusted-types consent-gate`). Only our own checked URLs and the page's own gated tags reach
 * it. Where Trusted Types are missing, or the policy is not allowed, plain strings go on and the
 * browser decides.
 */
export function trusted(): Policy {
  if (!policy)
    try {
      const tt = (window as { trustedTypes?: { createPolicy(name: string, rules: Policy): Policy } }).trustedTypes
      policy = tt ? tt.createPolicy('consent-gate', plain) : plain
    } catch (e) {
      console.error('consent-gate: the page does not allow the Trusted Types policy "consent-gate"', e)
      policy = plain
    }
  return policy
}

/**
 * Adds an async script, carrying the page's CSP nonce if the loader was given one. Own keys only,
 * and the checked `src` last: a polluted `Object.prototype.src` or `onload` must not ride along.
 */
export function injectScript(src: string, attrs: Record<string, string> = {}, nonce?: string): HTMLScriptElement {
  const s = document.createElement('script')
  for (const k of Object.keys(attrs)) s.setAttribute(k, attrs[k])
  s.async = true
  if (nonce) s.nonce = nonce
  s.src = trusted().createScriptURL(src)
  document.head.appendChild(s)
  return s
}
