// Waiting for a page to be done, instead of sleeping a fixed time: done means no request in
// flight, and the main thread idle twice in a row without a new request starting meanwhile.
// Shared by the bench and `npm run size` (which must not stop before every chunk is fetched).

// Two idle callbacks in a row. `timeout` keeps a page that is never idle from hanging here.
const IDLE = `new Promise((resolve) => {
  const idle = (f) => requestIdleCallback(f, { timeout: 1000 })
  idle(() => idle(() => resolve()))
})`

/**
 * Counts a page's requests from now on (call it before navigating). `settle()` resolves once
 * nothing is in flight and, twice running, two idle callbacks ran in the page with no request
 * started or finished in between; a timer or idle callback the page queued meanwhile runs before the
 * second one (idle callbacks run in order, after due timers), so its effects are waited for too.
 * `run(js)` evaluates an expression in the page and awaits it (the bench uses CDP directly, so
 * no Playwright script runs in a page it measures).
 */
export function tracked(page, run = (js) => page.evaluate(js)) {
  let inflight = 0
  let activity = 0
  page.on('request', () => (inflight++, activity++))
  const done = () => (inflight--, activity++)
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return {
    get inflight() {
      return inflight
    },
    async settle({ timeout = 15000 } = {}) {
      const until = Date.now() + timeout
      // Twice: with request interception on, Playwright may report a request a moment after the
      // page sent it, so one quiet round could miss one that had just started.
      for (let quiet = 0; quiet < 2;) {
        const before = activity
        if (inflight === 0) {
          await run(IDLE)
          quiet = inflight === 0 && activity === before ? quiet + 1 : 0
        } else ((quiet = 0), await new Promise((r) => setTimeout(r, 10)))
        if (Date.now() > until) throw new Error(`page did not settle within ${timeout} ms (${inflight} requests in flight)`)
      }
    },
  }
}
