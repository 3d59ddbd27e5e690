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
    expect(cookieText('cg', 'v', Date.UTC(2027, 0, 2), true, 'example.com')).toBe(
      'cg=v; Expires=Sat, 02 Jan 2027 00:00:00 GMT; Path=/; SameSite=Lax; Domain=example.com; Secure',
    )
    expect(cookieText('_ga', '', 0, false, undefined, '/app')).toBe(
      '_ga=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/app; SameSite=Lax',
    )
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
