import { afterEach, describe, expect, it, vi } from 'vitest'
import { gate } from '../helpers'

describe('the tripwire in a burst', () => {
  const events = vi.fn()
  afterEach(() => removeEventListener('consent-gate:violation', events))

  it('says one line for 300 stray cookies written one by one, each one checked, and fires an event for each', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    addEventListener('consent-gate:violation', events)
    gate({ site: 'pigi' })
    // Each write is checked as it happens, as a cookieStore change event does in a browser.
    for (let i = 0; i < 300; i++) {
      document.cookie = `stray${i}=1; Path=/`
      document.dispatchEvent(new Event('visibilitychange'))
    }
    await vi.waitFor(() => expect(events).toHaveBeenCalledTimes(300))
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0][0]).toBe(
      'consent-gate: 300 present without consent or declaration: cookie "stray0" (unknown), cookie "stray1" (unknown), cookie "stray2" (unknown), and 297 more',
    )

    // The next burst is a line of its own, about what is new.
    for (let i = 300; i < 305; i++) {
      document.cookie = `stray${i}=1; Path=/`
      document.dispatchEvent(new Event('visibilitychange'))
    }
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2))
    expect(warn.mock.calls[1][0]).toMatch(
      /^consent-gate: 5 present without consent or declaration: cookie "stray300" \(unknown\),/,
    )
    expect(events).toHaveBeenCalledTimes(305)
  })
})
