import { afterEach, describe, expect, it, vi } from 'vitest'
import { documentAccessor } from '../../../src/document'
import { cookieNames, removeCookie, setCookie } from '../../../src/cookies/jar'
import { scopes } from '../../../src/cookies/scopes'

const shadow = () => Object.defineProperty(document, 'cookie', { value: 'shadow', writable: true, configurable: true })
/** The page at this address; every cookie write caught (and not made), to read back. */
const at = (protocol: string, hostname: string, pathname: string) => {
  vi.spyOn(window, 'location', 'get').mockReturnValue({ protocol, hostname, pathname } as Location)
  const set = vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {})
  return () => set.mock.calls.map((c) => String(c[0]))
}
afterEach(() => {
  delete (document as unknown as Record<string, unknown>).cookie
  vi.restoreAllMocks()
})

describe('the cookie jar', () => {
  it('removes a cookie host-only and on every parent domain, never on the bare TLD', () => {
    const written = at('https:', 'www.a.example.com', '/')
    removeCookie('_ga')
    const writes = written()
    expect(writes.map((w) => w.match(/domain=([^;]*)/i)?.[1] ?? 'host')).toEqual([
      'host',
      '.www.a.example.com',
      '.a.example.com',
      '.example.com',
    ])
    for (const w of writes) {
      expect(w).toMatch(/^_ga=;.*Path=\/;.*; Secure$/)
      expect(Number(w.match(/max-age=([^;]*)/i)![1])).toBeLessThan(0)
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
    const written = at('http:', 'www.pisama.test', '/app/x')
    removeCookie('_ga_X')
    const paths = written().map((w) => w.match(/path=([^;]*)/i)![1])
    expect(paths).toContain('/app')
    expect(paths).toContain('/app/x')
  })
})
