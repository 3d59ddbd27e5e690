import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cookieText, cookieValues, decodeCookie, parseCookies } from '../../../src/cookies/codec'

describe('the cookie codec', () => {
  it('parses a Cookie header or document.cookie in order, with "=" inside values and odd spacing', () => {
    expect(parseCookies('')).toEqual([])
    expect(parseCookies('a=1; b=x=y;c=3 ;  d=')).toEqual([
      ['a', '1'],
      ['b', 'x=y'],
      ['c', '3'],
      ['d', ''],
    ])
    // A cookie written without "=" still shows up, so the tripwire can see it.
    expect(parseCookies('bare; e=5')).toEqual([['bare'], ['e', '5']])
  })

  it('finds every value of one name, decoded, and no look-alike', () => {
    expect(cookieValues('cg=1; xcg=2; cg="a~b"; cg=a%7Eb; cg=%E0%A4%A; cgx=3', 'cg')).toEqual(['1', 'a~b', 'a~b', '%E0%A4%A'])
    expect(decodeCookie('"quoted"')).toBe('quoted')
  })

  it('builds a cookie with its attributes, and a removal that expires it at that Domain and Path', () => {
    // In whole seconds from now, as Max-Age: no date to format.
    const now = Date.UTC(2027, 0, 1)
    expect(cookieText('cg', 'v', now + 864e5 + 400, true, 'example.com', '/', now)).toBe(
      'cg=v; Max-Age=86400; Path=/; SameSite=Lax; Domain=example.com; Secure',
    )
    // Any past moment removes it; browsers take a negative Max-Age as "expired".
    expect(cookieText('_ga', '', 0, false, undefined, '/app', now)).toBe(`_ga=; Max-Age=${-now / 1e3}; Path=/app; SameSite=Lax`)
    expect(cookieText('_ga', '', 0, false)).toMatch(/^_ga=; Max-Age=-\d+; Path=\/; SameSite=Lax$/)
  })

  it('reads back what it writes, beside any other cookies', () => {
    const name = fc.stringMatching(/^[\w-]{1,20}$/)
    const value = fc.stringMatching(/^[\w.~-]{0,40}$/)
    fc.assert(
      fc.property(name, value, fc.array(fc.tuple(name, value), { maxLength: 4 }), (n, v, others) => {
        // What a browser sends back of a cookie it was given: the part before the first `;`.
        const text = [...others.map(([a, b]) => `${a}=${b}`), cookieText(n, v, 0, false).split(';')[0]].join('; ')
        expect(cookieValues(text, n).at(-1)).toBe(v)
      }),
    )
  })
})
