import { guard, idle } from './steps'

/**
 * Whether the visitor is here: from their first click, tap or key press, their return to the page
 * (back in view, or its window focused), or a choice they made. Opening the page's localStorage and
 * cookieStore's change events each cost a round trip to the browser, several ms on a page that
 * never touched storage, so a visit nobody uses never pays for them: they wait for the visitor.
 */
export interface Presence {
  /** Whether the visitor is here. */
  readonly here: boolean
  /** The visitor is here without an input to show it (a choice, say). */
  arrive(): void
  /** Starts or stops listening for the visitor, and for the page's load. */
  listen(on: boolean): void
}

/**
 * `look` re-reads what may have changed elsewhere: as the visitor arrives and each time they come
 * back, on every cookie change once they are here, and once the page has loaded and gone idle
 * (trackers it sets while loading show up by then). A page still `asking` counts the visitor as
 * here from then: it shows them a banner.
 */
export function presence(look: () => void, asking: () => unknown): Presence {
  const cookieStore = () => (window as { cookieStore?: EventTarget }).cookieStore
  const inputs = (on: boolean) => {
    for (const type of ['pointerdown', 'keydown']) window[on ? 'addEventListener' : 'removeEventListener'](type, input, true)
  }
  // When the page is next idle, not in the input's task: the look costs a few ms, which a click's
  // next paint would wait for.
  const input = () => idle(welcome)
  const arrive = () => {
    if (visitor.here) return
    ;(visitor as { here: boolean }).here = true
    inputs(false)
    guard(() => cookieStore()?.addEventListener('change', look))
  }
  function welcome() {
    arrive()
    look()
  }
  const onVisible = () => document.visibilityState === 'visible' && welcome()
  const onLoad = () =>
    idle(() => {
      if (asking()) arrive()
      look()
    })
  const visitor: Presence = {
    here: false,
    arrive,
    listen(on) {
      const method = on ? 'addEventListener' : 'removeEventListener'
      document[method]('visibilitychange', onVisible)
      window[method]('focus', welcome)
      inputs(on && !visitor.here)
      if (!on && visitor.here) cookieStore()?.removeEventListener('change', look)
      // Once: a page already loaded may still fire its load event (a gate made in readystatechange).
      if (on && document.readyState === 'complete') onLoad()
      else window[method]('load', onLoad)
    },
  }
  return visitor
}
