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

describe('the look after load, on a site that offers nothing', () => {
  const events = vi.fn()
  const read = () => vi.spyOn(document, 'cookie', 'get')
  const store = (getAll: () => Promise<unknown>) =>
    Object.defineProperty(window, 'cookieStore', {
      configurable: true,
      value: { getAll: vi.fn(getAll), addEventListener() {}, removeEventListener() {} },
    })
  const strays = () => events.mock.calls.map(([e]) => (e as CustomEvent).detail.name)
  afterEach(() => {
    removeEventListener('consent-gate:violation', events)
    events.mockClear()
    delete (window as { cookieStore?: unknown }).cookieStore
    document.cookie = 'stray=; Max-Age=-1; Path=/'
  })

  // Nothing has read the jar yet in such a page: a first document.cookie read blocks it on the browser.
  it('reads the names through cookieStore, never document.cookie, and still finds a stray', async () => {
    document.cookie = 'stray=1; Path=/'
    store(async () => [{ name: 'stray', value: '1' }])
    const get = read()
    addEventListener('consent-gate:violation', events)
    gate({ site: 'pigi' })
    await vi.waitFor(() => expect(strays()).toEqual(['stray']))
    expect(get).not.toHaveBeenCalled()
  })

  it.each([
    ['fails', () => Promise.reject(new DOMException('no', 'SecurityError'))],
    ['answers no list', async () => 0],
    ['answers a list of nothing', async () => [null]],
  ])('reads document.cookie where cookieStore %s', async (_, getAll) => {
    document.cookie = 'stray=1; Path=/'
    store(getAll)
    const get = read()
    const error = vi.spyOn(console, 'error')
    addEventListener('consent-gate:violation', events)
    gate({ site: 'pigi' })
    await vi.waitFor(() => expect(strays()).toEqual(['stray']))
    expect(get).toHaveBeenCalled()
    expect(error).not.toHaveBeenCalled()
  })

  it('names a nameless cookie as document.cookie shows it: by what its value holds before "="', async () => {
    store(async () => [{ name: '', value: '_ga=GA1.1.planted' }])
    addEventListener('consent-gate:violation', events)
    gate({ site: 'pigi' })
    await vi.waitFor(() => expect(strays()).toEqual(['_ga']))
  })
})
