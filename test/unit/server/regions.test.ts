// @vitest-environment node
// Where the visitor is and which rules apply, on the site's own server (docs/regions.md): the
// preset groups, the most specific entry of `policies`, the platforms' headers read as hostile,
// and the hint the page carries.
import { IncomingMessage } from 'node:http'
import { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { POLICY_KEY, rulesOf, type Policies } from '../../../src/config/regions'
import { platformHeaders, policyFor, regionCookie, regionHint, regionOf, REGION_GROUPS } from '../../../src/server'

const ACME = { site: 'acme', ga4: { measurementId: 'G-ACME12345' } }
const POLICIES: Policies = { eea: 'opt-in', uk: 'opt-in', ch: 'opt-in', 'us-privacy': 'opt-out', '*': 'notice' }

describe('REGION_GROUPS', () => {
  it('are exactly the groups a site may name in policies', () => {
    const named = POLICY_KEY.source.match(/\|[a-z][a-z-]*/g)!.map((g) => g.slice(1))
    expect(Object.keys(REGION_GROUPS).sort()).toEqual(named.sort())
  })

  it.each(Object.entries(REGION_GROUPS))('%s: members are region codes, with a law, an https source and a date', (_, group) => {
    expect(group.members.length).toBeGreaterThan(0)
    for (const m of group.members) expect(m).toMatch(/^[A-Z]{2}(-[A-Z\d]{1,3})?$/)
    expect(new Set(group.members).size).toBe(group.members.length)
    expect(group.law).not.toBe('')
    expect(group.source).toMatch(/^https:\/\//)
    expect(group.checked).toMatch(/^\d{4}-\d\d-\d\d$/)
  })

  it('holds the EU 27 with Iceland, Liechtenstein and Norway, and the 19 US states', () => {
    expect(REGION_GROUPS.eea.members).toEqual(expect.arrayContaining(['DE', 'FR', 'GR', 'IS', 'LI', 'NO']))
    expect(REGION_GROUPS.eea.members).not.toContain('GB')
    expect(REGION_GROUPS['us-privacy'].members).toHaveLength(19)
    expect(REGION_GROUPS['us-privacy'].members).toContain('US-CA')
  })
})

describe('policyFor', () => {
  it('takes the most specific entry: subdivision, its group, country, its group, then *', () => {
    const p: Policies = { ...POLICIES, 'US-TX': 'notice', US: 'opt-in', FR: 'opt-out', 'FR-GF': 'notice' }
    expect(policyFor(p, 'US-TX')).toBe('notice')
    expect(policyFor(p, 'US-CA')).toBe('opt-out')
    expect(policyFor(p, 'US-NY')).toBe('opt-in')
    expect(policyFor(p, 'US')).toBe('opt-in')
    expect(policyFor(p, 'FR-GF')).toBe('notice')
    expect(policyFor(p, 'FR-75')).toBe('opt-out')
    expect(policyFor(p, 'DE-BY')).toBe('opt-in')
    expect(policyFor(p, 'GB-ENG')).toBe('opt-in')
    expect(policyFor(p, 'JP')).toBe('notice')
  })

  it('gives opt-in where nothing reaches, and ignores groups the site did not name', () => {
    expect(policyFor({ 'us-privacy': 'opt-out' }, 'JP')).toBe('opt-in')
    expect(policyFor({ eea: 'opt-in', '*': 'opt-out' }, 'US-CA')).toBe('opt-out')
  })

  it.each([undefined, '', 'XX', 'T1', 'ZZ', 'us-ca', 'US-', 'USA', 'US-CALI', 'US_CA', '__proto__', 'constructor'])(
    'gives the strictest policy the site uses for %j, as the browser does for an unknown region',
    (region) => {
      for (const p of [POLICIES, { 'us-privacy': 'opt-out', '*': 'notice' } as Policies, { '*': 'notice' } as Policies])
        expect(policyFor(p, region)).toBe(rulesOf(p, []).policy)
      expect(policyFor({ 'us-privacy': 'opt-out', '*': 'notice' }, region)).toBe('opt-out')
    },
  )

  it('reads only the site’s own entries, never an inherited one', () => {
    const polluted = Object.create({ JP: 'notice', '*': 'notice' }) as Policies
    expect(policyFor(polluted, 'JP')).toBe('opt-in')
  })
})

describe('regionOf', () => {
  it('reads Vercel, Cloudflare and CloudFront, in any case of name', () => {
    expect(regionOf({ 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'CA' })).toEqual({ region: 'US-CA', gpc: false })
    expect(regionOf({ 'CF-IPCountry': 'DE', 'CF-Region-Code': 'BY' })).toEqual({ region: 'DE-BY', gpc: false })
    expect(regionOf({ 'CloudFront-Viewer-Country': 'GB' })).toEqual({ region: 'GB', gpc: false })
    expect(regionOf(new Headers({ 'CloudFront-Viewer-Country': 'us', 'CloudFront-Viewer-Country-Region': 'tx' }))).toEqual({
      region: 'US-TX',
      gpc: false,
    })
  })

  it("reads Node's IncomingMessage.headers", () => {
    const req = new IncomingMessage(new Socket())
    req.headers = { 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'VA', 'sec-gpc': '1' }
    expect(regionOf(req.headers)).toEqual({ region: 'US-VA', gpc: true })
  })

  it('takes Sec-GPC: 1 as the signal, and nothing else', () => {
    expect(regionOf({ 'Sec-GPC': '1' }).gpc).toBe(true)
    expect(regionOf(new Headers({ 'sec-gpc': ' 1 ' })).gpc).toBe(true)
    for (const v of ['0', 'true', '', '11', '1, 1']) expect(regionOf({ 'sec-gpc': v }).gpc).toBe(false)
    expect(regionOf({}).gpc).toBe(false)
  })

  it.each([
    ['no header', {}],
    ['Cloudflare unknown', { 'cf-ipcountry': 'XX' }],
    ['Cloudflare Tor', { 'cf-ipcountry': 'T1' }],
    ['Fastly unknown', { 'client-geo-country': '**' }],
    ['a long country', { 'x-vercel-ip-country': 'USA' }],
    ['a script', { 'x-vercel-ip-country': '<script>' }],
    ['a hint smuggled in', { 'x-vercel-ip-country': 'US:opt-out' }],
    ['a subdivision with a space', { 'x-vercel-ip-country': 'AX', 'x-vercel-ip-country-region': 'NO REGION' }],
    ['a subdivision too long', { 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'CALI' }],
    ['a repeated header', { 'x-vercel-ip-country': ['US', 'DE'] }],
    ['a non-ASCII letter', { 'x-vercel-ip-country': 'DÉ' }],
    ['platforms that disagree', { 'x-vercel-ip-country': 'DE', 'cf-ipcountry': 'US', 'cf-region-code': 'CA' }],
    [
      'subdivisions that disagree',
      { 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'NY', 'cf-ipcountry': 'US', 'cf-region-code': 'CA' },
    ],
    ['a good one beside a bad one', { 'x-vercel-ip-country': 'US', 'cf-ipcountry': 'XX' }],
  ])('gives no region for %s', (_, headers) => {
    expect(regionOf(headers as Record<string, string>).region).toBeUndefined()
  })

  it('takes the subdivision one platform adds to the country another names', () => {
    expect(regionOf({ 'cf-ipcountry': 'US', 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'CA' }).region).toBe(
      'US-CA',
    )
    expect(regionOf({ 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'CA', 'cf-ipcountry': 'US' }).region).toBe(
      'US-CA',
    )
  })

  it("with the site's own header, reads that alone", () => {
    const headers = { 'x-vercel-ip-country': 'DE', 'X-Geo': 'us-ca', 'client-geo-country': 'US', 'client-geo-region': 'OR' }
    expect(regionOf(headers, { header: 'x-geo' }).region).toBe('US-CA')
    expect(regionOf(headers, { header: ['Client-Geo-Country', 'Client-Geo-Region'] }).region).toBe('US-OR')
    expect(regionOf({ 'x-geo': 'US-CA-1' }, { header: 'x-geo' }).region).toBeUndefined()
    expect(regionOf({ 'x-vercel-ip-country': 'DE' }, { header: 'x-geo' }).region).toBeUndefined()
  })
})

describe('platformHeaders', () => {
  it('are what every platform would send, and read back as the region', () => {
    for (const region of ['US-CA', 'DE', 'GB-ENG']) expect(regionOf(platformHeaders(region)).region).toBe(region)
    expect(platformHeaders('US-CA')).toMatchObject({
      'x-vercel-ip-country': 'US',
      'cf-region-code': 'CA',
      'cloudfront-viewer-country': 'US',
    })
  })

  it.each(['', 'us-ca', 'XX', 'US-CA\r\nX-Evil: 1'])('refuses %j', (region) => {
    expect(() => platformHeaders(region)).toThrow(/a region is a country code/)
  })
})

describe('regionHint', () => {
  const options = { ...ACME, policies: POLICIES }
  it.each([
    [{ 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'CA' }, 'US-CA:opt-out'],
    [{ 'x-vercel-ip-country': 'FR' }, 'FR:opt-in'],
    [{ 'x-vercel-ip-country': 'JP' }, 'JP:notice'],
    [{ 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'NY' }, 'US-NY:notice'],
    [{ 'cf-ipcountry': 'XX' }, 'opt-in'],
    [{}, 'opt-in'],
  ])('%j gives %s', (headers, hint) => {
    expect(regionHint(headers, options)).toBe(hint)
  })

  it('is what the browser believes: its policy decides there', () => {
    for (const region of ['US-CA', 'FR', 'JP', 'XX', undefined]) {
      const hint = regionHint(region ? { 'x-geo': region } : {}, options, { header: 'x-geo' })
      expect(rulesOf(POLICIES, [hint]).policy).toBe(policyFor(POLICIES, region))
    }
  })

  it('throws on bad options as createConsentGate does', () => {
    expect(() => regionHint({}, { site: 'acme', policies: { Europe: 'opt-in' } } as never)).toThrow(/policies/)
  })
})

describe('regionCookie', () => {
  it('sets a __Host- session cookie over https only', () => {
    expect(regionCookie('US-CA:opt-out', { secure: true })).toBe(
      '__Host-consent-region=US-CA:opt-out; Path=/; Secure; SameSite=Lax',
    )
    expect(regionCookie('opt-in', { secure: true })).toBe('__Host-consent-region=opt-in; Path=/; Secure; SameSite=Lax')
    expect(regionCookie('US-CA:opt-out', { secure: false })).toBeUndefined()
  })

  it.each([
    '',
    'allow',
    'US-CA:opt-out; Domain=example.com',
    'US-CA:opt-out:x',
    'us-ca:opt-out',
    'XX:opt-out',
    ':opt-in',
    'US-CA:\nopt-in',
  ])('refuses %j, naming what it takes', (hint) => {
    expect(() => regionCookie(hint, { secure: true })).toThrow(/regionCookie takes a hint/)
  })
})
