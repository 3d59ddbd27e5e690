import { afterEach, describe, expect, it, vi } from 'vitest'
import { documentAccessor } from '../../../src/document'
import { cookieNames, removeCookie, setCookie } from '../../../src/cookies/jar'
import { scopes } from '../../../src/cookies/scopes'

const shadow = () => Object.defineProperty(document, 'cookie', { value: 'shadow', writable: true, configurable: true })
afterEach(() => {
  delete (document as unknown as Record<string, unknown>).cookie
  vi.restoreAllMocks()
})

describe('the cookie jar', () => {
  it('removes a cookie host-only and on every parent domain, never on the bare TLD', () => {
    vi.spyOn(window, 'location', 'get').mockReturnValue({
      protocol: 'https:',
      hostname: 'www.a.example.com',
      pathname: '/',
    } as Location)
    const set = vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {})
    removeCookie('_ga')
    const writes = set.mock.calls.map((c) => String(c[0]))
    expect(writes.map((w) => w.match(/domain=([^;]*)/i)?.[1] ?? 'host')).toEqual([
      'host',
      '.www.a.example.com',
      '.a.example.com',
      '.example.com',
    ])
    for (const w of writes) {
      expect(w).toMatch(/^_ga=;.*Path=\/;.*; Secure$/)
      expect(Date.parse(w.match(/expires=([^;]*)/i)![1])).toBeLessThan(Date.now())
    }
  })

  it('reads and writes through the document’s own accessor when markup shadows document.cookie', () => {
    const accessor = documentAccessor('cookie')
    shadow()
    setCookie('kept', '1', Date.now() + 864e5)
    expect(cookieNames()).toContain('kept')
    removeCookie('kept')
    expect(cookieNames()).not.toContain('kept')
    expect(accessor.get!.call(document)).not.toContain('kept')
  })
})

describe('cookie scopes', () => {
  it('names every path prefix of the page on the host and each parent domain', () => {
    expect(scopes('app.pisama.test', '/app/x')).toEqual(
      [undefined, '.app.pisama.test', '.pisama.test'].flatMap((d) =>
        ['/', '/app', '/app/', '/app/x', '/app/x/'].map((p) => [d, p]),
      ),
    )
  })

  it('removes a _ga_ cookie written with a deeper Path than the page root', () => {
    vi.spyOn(window, 'location', 'get').mockReturnValue({
      protocol: 'http:',
      hostname: 'www.pisama.test',
      pathname: '/app/x',
    } as Location)
    const set = vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {})
    removeCookie('_ga_X')
    const paths = set.mock.calls.map((c) => String(c[0]).match(/path=([^;]*)/i)![1])
    expect(paths).toContain('/app')
    expect(paths).toContain('/app/x')
  })
})
