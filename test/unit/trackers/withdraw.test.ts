import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveConfig } from '../../../src/config/options'
import { cookieNames } from '../../../src/cookies/declared'
import { scopes } from '../../../src/cookies/scopes'
import type { Trackers } from '../../../src/trackers/setup'
import '../helpers'

const NONE = { functional: false, analytics: false, marketing: false }
const ANALYTICS = { functional: false, analytics: true, marketing: false }
const w = window as unknown as Record<string, unknown> & { vaq?: IArguments[] }

/**
 * A tracker chunk of its own, with the withdrawal chunk behind a door the test controls: `fetched`
 * counts its imports, and while `offline` is set the import fails as a network error would.
 */
async function tracker() {
  const door = { fetched: 0, offline: false }
  vi.resetModules()
  vi.doMock('../../../src/trackers/withdraw', async (original) => {
    door.fetched++
    if (door.offline) throw new TypeError('Failed to fetch dynamically imported module: withdraw-x1y2z3w4.js')
    return original()
  })
  const { createTrackers } = await import('../../../src/trackers/index')
  const trackers = createTrackers({
    config: resolveConfig({ site: 'pisama', ga4: { measurementId: 'G-ABC' }, vercel: true }),
    version: '0.1.0',
    gtag: vi.fn(),
    cookieNames,
    scopes,
    granted: () => NONE,
  })
  made.push(trackers)
  return { ...trackers, door }
}
const made: Trackers[] = []
afterEach(() => {
  made.splice(0).forEach((t) => t.stop())
  vi.doUnmock('../../../src/trackers/withdraw')
})

const plant = () => {
  for (const c of ['_ga=GA1.1.1', '_ga_ABC=GS1', '_gid=GA1', 'keepme=1']) document.cookie = c + '; Path=/'
}
const beforeSend = () => Array.from(w.vaq![0])[1] as (event: unknown) => unknown
/** A gated tag the page adds now: it runs only while the trackers watch the page. */
const lateTag = () => {
  const tag = document.createElement('script')
  tag.type = 'text/plain'
  tag.setAttribute('data-consent', 'analytics')
  tag.setAttribute('src', '/late.js')
  document.body.append(tag)
  return tag
}

describe('the withdrawal chunk', () => {
  it('is never fetched while consent stands, nor by a withdrawal with no Google cookie to remove', async () => {
    const { apply, door } = await tracker()
    document.cookie = 'keepme=1; Path=/'
    await apply(ANALYTICS)
    await apply(ANALYTICS)
    await apply(NONE)
    expect(door.fetched).toBe(0)
    expect(w['ga-disable-G-ABC']).toBe(true)
  })

  it('removes every Google cookie, and only once GA4, Vercel and the gated tags are stopped', async () => {
    const { apply, door } = await tracker()
    await apply(ANALYTICS)
    plant()
    const done = apply(NONE)
    // Every tracker is off before the chunk is even there; the cookies go when it is.
    expect(w['ga-disable-G-ABC']).toBe(true)
    expect(beforeSend()({ type: 'pageview' })).toBeNull()
    const tag = lateTag()
    expect(cookieNames()).toContain('_ga')
    await done
    expect(door.fetched).toBe(1)
    expect(cookieNames().sort()).toEqual(['keepme'])
    expect(tag.type).toBe('text/plain')
  })

  it('expires each Google cookie on every Domain and Path the page may have written it with', async () => {
    const { apply } = await tracker()
    await apply(ANALYTICS)
    document.cookie = '_ga=GA1.1.1; Path=/'
    const set = vi.spyOn(document, 'cookie', 'set')
    await apply(NONE)
    const writes = set.mock.calls.map((c) => String(c[0]))
    expect(writes.map((c) => [c.match(/domain=([^;]*)/i)?.[1], c.match(/path=([^;]*)/i)![1]])).toEqual(scopes())
    for (const c of writes) {
      expect(c).toMatch(/^_ga=;/)
      expect(Date.parse(c.match(/expires=([^;]*)/i)![1])).toBeLessThan(Date.now())
    }
  })

  it('fails closed: a chunk that cannot load is logged once and leaves every tracker stopped', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { apply, door } = await tracker()
    await apply(ANALYTICS)
    plant()
    door.offline = true
    // Two withdrawals while one fetch is under way share it, and its failure.
    await Promise.all([apply(NONE), apply(NONE)])
    expect(door.fetched).toBe(1)
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0][0]).toBe('consent-gate: could not remove Google Analytics cookies')
    expect(error.mock.calls[0][1]).toBeInstanceOf(Error)
    expect(w['ga-disable-G-ABC']).toBe(true)
    expect(beforeSend()({ type: 'pageview' })).toBeNull()
    const tag = lateTag()
    await new Promise((r) => setTimeout(r))
    expect(tag.type).toBe('text/plain')
    expect(cookieNames()).toContain('_ga')

    // The next withdrawal tries again.
    door.offline = false
    await apply(NONE)
    expect(cookieNames().sort()).toEqual(['keepme'])
    expect(error).toHaveBeenCalledTimes(1)
  })

  it('keeps the cookies when analytics is granted again before the chunk arrives: gtag.js uses them', async () => {
    const { apply } = await tracker()
    await apply(ANALYTICS)
    plant()
    const withdrawn = apply(NONE)
    await apply(ANALYTICS)
    await withdrawn
    expect(cookieNames()).toEqual(expect.arrayContaining(['_ga', '_ga_ABC', '_gid']))
    expect(w['ga-disable-G-ABC']).toBe(false)
  })
})
