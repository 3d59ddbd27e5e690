import { trusted } from './inject'

const GATED = 'script[type="text/plain"][data-consent]'

/**
 * Activates `<script type="text/plain" data-consent="analytics">` tags whose category is granted.
 * A copy is needed: the browser never runs a script element whose type it skipped. Each tag on
 * its own: one the browser refuses (CSP, Trusted Types) stops no other. On a page with a CSP
 * nonce, a tag without it is not the site's own (injected markup) and is left alone: our copy
 * would otherwise be trusted under `'strict-dynamic'`.
 */
function activate(granted: (category: string) => boolean, root: ParentNode, nonce?: string) {
  const found = [...root.querySelectorAll<HTMLScriptElement>(GATED)]
  if ((root as Element).matches?.(GATED)) found.push(root as HTMLScriptElement)
  for (const old of found) {
    // A nonce attribute reads back empty once the browser hid it; the property keeps it.
    const own = old.nonce || old.getAttribute('nonce')
    if (!granted(old.getAttribute('data-consent')!)) continue
    if (nonce && own !== nonce) {
      console.error("consent-gate: a gated script without the page's nonce was not run")
      continue
    }
    try {
      const s = document.createElement('script')
      for (const { name, value } of old.attributes)
        if (name !== 'type' && name !== 'data-consent' && name !== 'src') s.setAttribute(name, value)
      if (own) s.nonce = own
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
 * observer stops when everything is refused: a page with nothing granted is never watched. It
 * asks `granted` when a tag appears, not what was granted when it started watching, so a
 * withdrawal in the same task as a new tag is honoured.
 */
export function gatedScripts(granted: (category: string) => boolean, nonce?: string) {
  let observer: MutationObserver | undefined
  const stop = () => {
    observer?.disconnect()
    observer = undefined
  }
  const run = (anything: boolean) => {
    activate(granted, document, nonce)
    if (!anything) stop()
    else if (!observer) {
      observer = new MutationObserver((records) => {
        for (const r of records) r.addedNodes.forEach((n) => n.nodeType === 1 && activate(granted, n as Element, nonce))
      })
      observer.observe(document, { childList: true, subtree: true })
    }
  }
  return Object.assign(run, { stop })
}
