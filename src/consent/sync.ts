/**
 * Other tabs of the same origin hear of a choice at once (a sibling subdomain sharing the cookie
 * has no channel: gate.ts re-reads the cookie while trackers run). Opened on first use (a choice to
 * announce, trackers starting, or the visitor's arrival; gate.ts says which). The message says
 * nothing but "read the cookie again": a page cannot be told what to decide, only to look.
 */
export function crossTab(onChange: () => boolean) {
  let channel: BroadcastChannel | undefined
  // Firefox can deliver the message before the other tab's cookie write reaches this one's jar: a
  // look that finds nothing new looks again soon, a few times (after 0.15, 0.6 and 2 s in all).
  const look = (wait: number) => onChange() || wait > 2e3 || setTimeout(look, wait, wait * 3)
  return {
    open() {
      if (!channel && typeof BroadcastChannel === 'function')
        (channel = new BroadcastChannel('consent-gate')).onmessage = () => look(150)
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
