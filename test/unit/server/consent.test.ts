// @vitest-environment node
// consent-gate/server reads the consent cookie from a Cookie header by the browser's own rules.
// The browser side of each rule has its own tests (record.test.ts, hostile.test.ts); these hold the
// server to the same outcome, on a runtime with no `document` and no `location`.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeRecord, type ConsentRecord } from '../../../src/consent/record'
import { preloadHints, readConsent, refreshCookie } from '../../../src/server'
import { DAY, NOW, record } from './fixtures'

const PISAMA = { site: 'pisama', ga4: { measurementId: 'G-XXXXXXXXXX' } }
const jar = (...records: (ConsentRecord | string)[]) =>
  records.map((r) => `consent_gate=${typeof r === 'string' ? r : encodeRecord(r)}`).join('; ')
const read = (header: string | undefined, options: object = PISAMA) => readConsent(header, options, NOW)

describe('readConsent', () => {
  it('runs without a document or a location, as on a server or an edge runtime', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined')
    expect(typeof (globalThis as { location?: unknown }).location).toBe('undefined')
  })

  it('reads a stored choice, with its id, times and way, as the receipt states them', () => {
    expect(read(`theme=dark; ${jar(record())}; _ga=GA1.1.1`)).toEqual({
      decided: true,
      choices: { functional: false, analytics: true, marketing: false },
      categories: ['analytics'],
      consentId: 'abcdefgh12345678',
      givenAt: new Date(NOW - DAY).toISOString(),
      expiresAt: new Date(NOW + 100 * DAY).toISOString(),
      revision: '1',
      via: 'banner',
      policy: 'opt-in',
    })
  })

  it("takes a site's own description, as the browser does: its categories, and nothing on a never site", () => {
    const acme = { $schema: './schema.json', site: 'acme', clarity: { projectId: 'acme12' }, uet: { tagId: '1234567' } }
    const marketing = record({ choices: { analytics: true, marketing: false } })
    expect(read(jar(marketing), acme)).toMatchObject({
      decided: true,
      categories: ['analytics', 'marketing'],
      choices: { analytics: true, marketing: false },
    })
    expect(read(jar(record()), { site: 'acme', never: true })).toMatchObject({ categories: [], choices: { analytics: false } })
    expect(() => read('', { site: 'acme', never: true, uet: { tagId: '1' } })).toThrow(/uet/)
  })

  it('answers "not decided, nothing granted" without a header, a cookie, or a readable one', () => {
    const none = {
      decided: false,
      choices: { functional: false, analytics: false, marketing: false },
      categories: ['analytics'],
      policy: 'opt-in',
    }
    for (const header of [undefined, '', 'theme=dark', 'xconsent_gate=' + encodeRecord(record()), 'consent_gate=junk'])
      expect(read(header), String(header)).toEqual(none)
  })

  it('reads the cookie name the options give', () => {
    const header = `site_consent=${encodeRecord(record())}`
    expect(read(header).decided).toBe(false)
    expect(read(header, { ...PISAMA, cookieName: 'site_consent' }).decided).toBe(true)
  })

  it('counts a choice only for the current revision', () => {
    expect(read(jar(record({ revision: '1' })), { ...PISAMA, revision: 2 }).decided).toBe(false)
    expect(read(jar(record({ revision: '2' })), { ...PISAMA, revision: 2 }).decided).toBe(true)
  })

  it('lets a choice last no longer than lifetimeDays, whatever expiry the record claims', () => {
    const old = record({ at: NOW - 40 * DAY, expires: NOW + 300 * DAY })
    expect(read(jar(old), { ...PISAMA, lifetimeDays: 30 }).decided).toBe(false)
    expect(read(jar(old), { ...PISAMA, lifetimeDays: 60 })).toMatchObject({
      decided: true,
      expiresAt: new Date(NOW + 20 * DAY).toISOString(),
    })
    expect(read(jar(record({ expires: NOW - 1 }))).decided).toBe(false)
  })

  it('never counts a record dated more than 5 minutes ahead, and it hides no valid record beside it', () => {
    const future = record({ at: NOW + 10 * 60e3, choices: { analytics: true } })
    expect(read(jar(future)).decided).toBe(false)
    expect(read(jar(record({ at: NOW + 60e3 }))).decided).toBe(true)
    expect(read(jar(future, record({ choices: { analytics: false } }))).choices.analytics).toBe(false)
  })

  it('takes the most restrictive of tossed copies that disagree: a planted record can refuse, never grant', () => {
    const ours = record({ choices: { analytics: false }, at: NOW - 2 * DAY })
    const planted = record({ choices: { analytics: true }, at: NOW - 1000 })
    for (const header of [jar(ours, planted), jar(planted, ours)]) {
      const consent = read(header)
      expect(consent.decided).toBe(true)
      expect(consent.choices.analytics).toBe(false)
      // The newer record's time and id, as the browser keeps them.
      expect(consent.givenAt).toBe(new Date(NOW - 1000).toISOString())
    }
    // Garbage beside a valid record hides nothing.
    expect(read(jar('junk', record(), '1~x')).choices.analytics).toBe(true)
  })

  it('refuses a tampered record: any character changed breaks its checksum', () => {
    const value = encodeRecord(record({ choices: { analytics: false } }))
    const edited = value.replace('~0--~', '~1--~')
    expect(edited).not.toBe(value)
    expect(read(jar(edited)).decided).toBe(false)
    fc.assert(
      fc.property(fc.nat(value.length - 1), fc.string({ minLength: 1, maxLength: 1 }), (at, c) => {
        const changed = value.slice(0, at) + c + value.slice(at + 1)
        fc.pre(changed !== value)
        expect(read(jar(changed)).choices.analytics).toBe(false)
      }),
    )
  })

  it('reads a value a server or proxy wrote quoted, or with ~ encoded as %7E', () => {
    const value = encodeRecord(record())
    expect(read(`consent_gate="${value}"`).decided).toBe(true)
    expect(read(`consent_gate=${value.replaceAll('~', '%7E')}`).decided).toBe(true)
    expect(read(`consent_gate=${value.replaceAll('~', '%7e')}`).decided).toBe(true)
    expect(read('consent_gate=%E0%A4%A').decided).toBe(false)
  })

  it('grants nothing on a site that offers nothing, whatever the record says, and reads none, as its page does', () => {
    const planted = jar(record({ choices: { analytics: true, marketing: true } }))
    for (const header of [planted, ''])
      expect(read(header, { site: 'pigi' })).toEqual({
        decided: true,
        choices: { functional: false, analytics: false, marketing: false },
        categories: [],
        policy: 'opt-in',
      })
    expect(refreshCookie(planted, { site: 'pigi' }, { secure: true })).toBeUndefined()
  })

  it('throws on a bad option, as createConsentGate does, and takes cookieDomain as given on a server', () => {
    expect(() => read('', { site: 'pisama', lifetimeDay: 30 })).toThrow(/lifetimeDay/)
    expect(() => read('', { site: 'no such site' })).toThrow(/site/)
    expect(read(jar(record()), { ...PISAMA, cookieDomain: 'example.com' }).decided).toBe(true)
  })

  it('agrees with settle() on any mix of records', () => {
    const arb = fc.array(
      fc.record({
        revision: fc.constantFrom('1', '2'),
        offset: fc.integer({ min: -400 * DAY, max: 2 * DAY }),
        span: fc.integer({ min: 1, max: 400 * DAY }),
        analytics: fc.boolean(),
      }),
      { maxLength: 4 },
    )
    fc.assert(
      fc.property(arb, (items) => {
        const records = items.map((i) =>
          record({
            revision: i.revision,
            at: NOW + i.offset,
            expires: NOW + i.offset + i.span,
            choices: { analytics: i.analytics },
          }),
        )
        const consent = read(jar(...records))
        const counting = records.filter(
          (r) => r.revision === '1' && r.at <= NOW + 3e5 && Math.min(r.expires, r.at + 182 * DAY) > NOW,
        )
        expect(consent.decided).toBe(counting.length > 0)
        expect(consent.choices.analytics).toBe(counting.length > 0 && counting.every((r) => r.choices.analytics))
      }),
    )
  })
})

describe('refreshCookie', () => {
  const setCookie = (header: string, options: object = PISAMA, secure = true) =>
    refreshCookie(header, options, { secure, now: NOW })

  it('re-issues the current record for the rest of its lifetime, with the attributes the browser writes', () => {
    const r = record({ at: NOW - 40 * DAY, expires: NOW + 300 * DAY })
    expect(setCookie(jar(r), { ...PISAMA, lifetimeDays: 60 })).toBe(
      `consent_gate=${encodeRecord(r)}; Max-Age=${(20 * DAY) / 1e3}; Path=/; SameSite=Lax; Secure`,
    )
  })

  it('names the shared domain, and leaves Secure off for plain http', () => {
    expect(setCookie(jar(record()), { ...PISAMA, cookieDomain: 'example.com' }, false)).toBe(
      `consent_gate=${encodeRecord(record())}; Max-Age=${(100 * DAY) / 1e3}; Path=/; SameSite=Lax; Domain=example.com`,
    )
  })

  it('re-issues a __Host- cookie over https only, as browsers take it only so', () => {
    const header = `__Host-consent_gate=${encodeRecord(record())}`
    const options = { ...PISAMA, cookieName: '__Host-consent_gate' }
    expect(setCookie(header, options, false)).toBeUndefined()
    expect(setCookie(header, options, true)).toMatch(/^__Host-consent_gate=.*; Path=\/; SameSite=Lax; Secure$/)
  })

  it('writes the settled record when copies disagree: the most restrictive, never a planted grant', () => {
    const ours = record({ choices: { analytics: false }, at: NOW - 2 * DAY })
    const planted = record({ choices: { analytics: true }, at: NOW - 1000 })
    const value = setCookie(jar(planted, ours))!.split(';')[0].slice('consent_gate='.length)
    expect(readConsent(`consent_gate=${value}`, PISAMA, NOW).choices.analytics).toBe(false)
  })

  it('re-issues nothing when nothing counts: no cookie, another revision, lapsed, future, tampered', () => {
    for (const header of [
      '',
      jar(record({ revision: '0' })),
      jar(record({ expires: NOW - 1 })),
      jar(record({ at: NOW + 10 * 60e3, expires: NOW + 20 * DAY })),
      jar(encodeRecord(record()).replace(/.$/, '_')),
    ])
      expect(setCookie(header), header).toBeUndefined()
  })
})

describe('preloadHints', () => {
  const manifest = {
    ui: 'chunks/ui-AAAA1111.js',
    'lang-en': 'chunks/lang-en-BBBB2222.js',
    'lang-de': 'chunks/lang-de-CCCC3333.js',
    'lang-pt': 'chunks/lang-pt-CCCC3333.js',
    'lang-pt-br': 'chunks/lang-pt-br-CCCC3333.js',
  }
  const hints = (header: string, options: object = PISAMA, more: object = {}) =>
    preloadHints(header, options, { base: '/consent-gate/', manifest, ...more })

  it('names the banner chunk and its texts for a visitor without a choice', () => {
    expect(hints('theme=dark')).toBe(
      '<link rel="modulepreload" href="/consent-gate/chunks/ui-AAAA1111.js" />' +
        '<link rel="modulepreload" href="/consent-gate/chunks/lang-en-BBBB2222.js" />',
    )
  })

  it('names nothing when a choice counts, or when the site never asks', () => {
    expect(hints(jar(record()))).toBe('')
    expect(hints('', { site: 'pigi' })).toBe('')
    // A choice that no longer counts asks again: the banner will show.
    expect(hints(jar(record({ revision: '0' })))).toContain('ui-AAAA1111')
  })

  it('names nothing for a site that draws its own banner (ui: false): the page never fetches ours', () => {
    expect(hints('', { ...PISAMA, ui: false })).toBe('')
  })

  it('names the banner for a choice given before a category was offered: the page asks about the new one', () => {
    const wide = { ...PISAMA, cookies: [{ name: 'chat_prefs', class: 'functional' }] }
    expect(hints(jar(record({ choices: { analytics: true } })), wide)).toContain('ui-AAAA1111')
  })

  it('picks the language as the banner does: the lang option, then the page, as BCP 47 with fallbacks, else English', () => {
    expect(hints('', PISAMA, { lang: 'de-AT' })).toContain('lang-de-CCCC3333')
    expect(hints('', PISAMA, { lang: 'pt-BR' })).toContain('lang-pt-br-CCCC3333')
    expect(hints('', PISAMA, { lang: 'pt-PT' })).toContain('lang-pt-CCCC3333')
    expect(hints('', { ...PISAMA, lang: 'de' }, { lang: 'en' })).toContain('lang-de-CCCC3333')
    expect(hints('', { ...PISAMA, lang: 'xx' }, { lang: ['yy', 'DE'] })).toContain('lang-de-CCCC3333')
    expect(hints('', PISAMA, { lang: 'xx' })).toContain('lang-en-BBBB2222')
    // A prototype key is no language.
    expect(hints('', PISAMA, { lang: '__proto__' })).toContain('lang-en-BBBB2222')
    // A language we ship that this manifest lacks (a build of its own): English, which every build has.
    expect(hints('', PISAMA, { lang: 'fi' })).toContain('lang-en-BBBB2222')
  })

  it('writes a Link header for middleware, and escapes what it writes', () => {
    expect(hints('', PISAMA, { format: 'header' })).toBe(
      '</consent-gate/chunks/ui-AAAA1111.js>; rel=modulepreload, </consent-gate/chunks/lang-en-BBBB2222.js>; rel=modulepreload',
    )
    expect(hints('', PISAMA, { base: '/a"><script>/' })).not.toContain('<script>')
    expect(hints('', PISAMA, { base: '/a b>/', format: 'header' })).toContain('</a%20b%3E/chunks/')
  })

  describe('by region (docs/regions.md)', () => {
    const ACME = {
      site: 'acme',
      ga4: { measurementId: 'G-ACME12345' },
      policies: { eea: 'opt-in', 'us-privacy': 'opt-out', '*': 'notice' },
    }
    const choices = { ...manifest, 'lang-en-choices': 'chunks/lang-en-choices-DDDD4444.js' }

    it('names the banner under opt-out and notice even once a choice counts: it draws the choices link or the notice', () => {
      for (const hint of ['US-CA:opt-out', 'JP:notice']) {
        expect(hints(jar(record()), ACME, { hint })).toContain('ui-AAAA1111')
        expect(hints('', ACME, { hint })).toContain('ui-AAAA1111')
      }
      expect(hints(jar(record()), ACME, { hint: 'FR:opt-in' })).toBe('')
    })

    it('takes the region cookie the request carries, as the page will', () => {
      expect(hints(`__Host-consent-region=US-CA:opt-out; ${jar(record())}`, ACME)).toContain('ui-AAAA1111')
      // Beside it, a hint for opt-in: the strictest of the two decides, and a choice counts there.
      expect(hints(`__Host-consent-region=US-CA:opt-out; ${jar(record())}`, ACME, { hint: 'FR:opt-in' })).toBe('')
    })

    it("names the policies' texts where the build has them, and only where they apply", () => {
      expect(hints('', ACME, { hint: 'US-CA:opt-out', manifest: choices })).toContain('lang-en-choices-DDDD4444')
      expect(hints('', ACME, { hint: 'JP:notice', manifest: choices })).toContain('lang-en-choices-DDDD4444')
      expect(hints('', ACME, { hint: 'FR:opt-in', manifest: choices })).not.toContain('choices')
      expect(hints('', ACME, { hint: 'US-CA:opt-out' })).not.toContain('choices')
    })
  })

  it('says what is missing when it has no manifest (the source, not the build)', () => {
    expect(() => preloadHints('', PISAMA, { base: '/' })).toThrow(/manifest/)
  })
})
