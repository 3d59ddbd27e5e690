/**
 * Other tabs of the site, and other subdomains sharing the cookie, hear of a choice at once.
 * Opened on first use (a choice to announce, or the page's first idle moment). The message says
 * nothing but "read the cookie again": a page cannot be told what to decide, only to look.
 */
export function crossTab(onChange: () => void) {
  let channel: BroadcastChannel | undefined
  return {
    open() {
      if (!channel && typeof BroadcastChannel === 'function')
        (channel = new BroadcastChannel('consent-gate')).onmessage = onChange
    },
    post() {
      this.open()
      channel?.postMessage(1)
    },
    close() {
      channel?.close()
    },
  }
}
