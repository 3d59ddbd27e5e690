// @vitest-environment node
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { summarise, type Visit } from '../../../src/scan/findings'
import { renderReport } from '../../../src/scan/report'
import { writtenCookie } from '../../../src/scan/writes'
import { plainPage } from './fixtures'

const NOW = Date.parse('2026-12-05T10:00:00Z')
const at = (url: string) => new URL(url)
const written = (text: string, url = 'https://www.pisama.example/shop/item') => writtenCookie(text, at(url), NOW)

describe('a cookie a page writes', () => {
  it('is read with its attributes, whatever their case; the last of each counts', () => {
    expect(written('_ga=GA1.1.1; path=/; MAX-AGE=600; Max-Age=60; Secure; HttpOnly; samesite=strict')).toEqual({
      name: '_ga',
      domain: 'www.pisama.example',
      path: '/',
      expires: NOW / 1000 + 60,
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    })
    expect(written('_fbp=1; Domain=.Pisama.example; Expires=Wed, 01 Jan 2031 00:00:00 GMT')).toMatchObject({
      domain: '.pisama.example',
      path: '/shop',
      expires: Date.parse('2031-01-01T00:00:00Z') / 1000,
      sameSite: 'Lax',
    })
    // Without a path, the page's directory (RFC 6265 5.1.4); a path not starting with / is none.
    expect(written('a=1; Path=x', 'https://www.pisama.example/')).toMatchObject({ path: '/', expires: -1 })
    // An IP address is never a parent domain.
    expect(written('a=1; Domain=127.0.0.1', 'http://127.0.0.1:8080/x')).toMatchObject({ domain: '127.0.0.1' })
  })

  it('is no cookie when it removes one, has no name, is too long or is for a domain the page is not on', () => {
    for (const text of [
      '_ga=; Max-Age=0',
      '_ga=x; Max-Age=-1; Expires=Wed, 01 Jan 2031 00:00:00 GMT',
      '_ga=; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
      '=x; Path=/',
      '',
      ';;',
      '_ga=1; Domain=google.com',
      '_ga=1; Domain=example',
      'a'.repeat(4000) + '=' + 'b'.repeat(100),
    ])
      expect(written(text), text).toBeUndefined()
    // A Max-Age that is not a number is ignored, as browsers do: the Expires decides.
    expect(written('_ga=1; Max-Age=soon; Expires=Wed, 01 Jan 2031 00:00:00 GMT')).toMatchObject({ name: '_ga' })
  })

  it('never throws, and keeps names inside the longest a browser stores, whatever the page wrote', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20_000 }), (text) => {
        const c = written(text)
        if (c) expect(c.name.length).toBeLessThanOrEqual(4096)
      }),
    )
    const huge = 'x'.repeat(5_000_000) + '=1'
    expect(written(huge)).toBeUndefined()
    expect(written('__proto__=1; __proto__=2; constructor')).toMatchObject({ name: '__proto__' })
  })
})

describe('a cookie set, then removed', () => {
  const PAGE = 'https://www.pisama.example/'
  const page = plainPage(PAGE)
  const ga = written('_ga=GA1.1.1; Path=/; Max-Age=600', PAGE)!
  const visits: Visit[] = [{ page: PAGE, phase: 'before', cookies: [{ ...ga, gone: true }], storage: [], requests: [] }]
  const report = summarise(visits, [page], new Date(NOW))

  it('is a violation like any tracker cookie before consent, marked in the JSON and the text', () => {
    expect(report.violations).toEqual([
      { kind: 'cookie', name: '_ga', phase: 'before', page: PAGE, class: 'analytics', gone: true },
    ])
    expect(report.cookies[0]).toMatchObject({ name: '_ga', phases: ['before'], gone: ['before'] })
    const text = renderReport(report, visits)
    expect(text).toMatch(/^ {4}before {2}cookie \(set, then removed\) {2}_ga /m)
    expect(text).toMatch(/^ {4}_ga .* set, then removed {2}no /m)
  })

  it('is undeclared on a consent-gate page only when the gate said so: gone before it was asked, it is unknown', () => {
    const gone = { ...ga, gone: true as const }
    const asked = (cookies: Record<string, { class: 'analytics'; declared: boolean }>) =>
      summarise(
        [{ ...visits[0], cookies: [gone], site: { cookies, storage: {} } }],
        [{ ...page, consentGate: true }],
        new Date(NOW),
      )
    expect(asked({}).violations.map((v) => v.kind)).toEqual(['cookie'])
    expect(asked({}).cookies[0].declared).toBeNull()
    expect(asked({ _ga: { class: 'analytics', declared: false } }).violations.map((v) => v.kind)).toEqual([
      'cookie',
      'undeclared',
    ])
  })
})
