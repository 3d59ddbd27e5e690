import { trusted } from './inject'

const GATED = 'script[type="text/plain"][data-consent]'

/**
 * Activates `<script type="text/plain" data-consent="analytics">` tags whose category is granted.
 * A copy is needed: the browser never runs a script element whose type it skipped. Each tag on
 * its own: one the browser refuses (CSP, Trusted Types) stops no other.
 */
function activate(granted: (category: string) => boolean, root: ParentNode) {
  const found = Array.from(root.querySelectorAll<HTMLScriptElement>(GATED))
  if ((root as Element).matches?.(GATED)) found.push(root as HTMLScriptElement)
  for (const old of found) {
    if (!granted(old.getAttribute('data-consent')!)) continue
    try {
      const s = document.createElement('script')
      for (const { name, value } of Array.from(old.attributes))
        if (name !== 'type' && name !== 'data-consent' && name !== 'src') s.setAttribute(name, value)
      // A nonce attribute reads back empty once the browser hid it, so copy the property.
      if (old.nonce) s.nonce = old.nonce
      if (old.hasAttribute('src')) s.src = trusted().createScriptURL(old.getAttribute('src')!)
      else s.text = trusted().createScript(old.text)
      s.setAttribute('data-consent-activated', old.getAttribute('data-consent')!)
      old.replaceWith(s)
    } catch (e) {
      console.error('consent-gate: could not run a gated script', e)
    }
  }
}

/**
 * Runs the gated tags granted now, and, while anything is granted, those an app adds later. The
 * observer stops when everything is refused: a page with nothing granted is never watched.
 */
export function gatedScripts() {
  let observer: MutationObserver | undefined
  let granted: (category: string) => boolean = () => false
  const stop = () => {
    observer?.disconnect()
    observer = undefined
  }
  const run = (grant: (category: string) => boolean, anything: boolean) => {
    granted = grant
    activate(granted, document)
    if (!anything) stop()
    else if (!observer) {
      observer = new MutationObserver((records) => {
        for (const r of records) r.addedNodes.forEach((n) => n.nodeType === 1 && activate(granted, n as Element))
      })
      observer.observe(document, { childList: true, subtree: true })
    }
  }
  return Object.assign(run, { stop })
}
