// One Cookie header, two readers: the browser's gate (document.cookie) and consent-gate/server
// (the request's header). For the same header both must give the same answer: decided or not, the
// same choices, the same consent id, time and way, and the same record written back, however
// hostile the header (repeated copies, garbage, huge values, copies planted on a parent domain).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Options } from '../../../src/config/options'
import { encodeRecord, type ConsentRecord } from '../../../src/consent/record'
import { readConsent, refreshCookie } from '../../../src/server'
import { gate } from '../helpers'
import { DAY, NOW, record } from './fixtures'

const c = (r: ConsentRecord | string) => `consent_gate=${typeof r === 'string' ? r : encodeRecord(r)}`

/** A record as the version before `functional` wrote it: two flags, its checksum FNV-1a as the codec's. */
const twoFlags = (flags: string) => {
  const body = ['1', '1', 'abcdefgh12345678', (NOW - DAY).toString(36), (NOW + 100 * DAY).toString(36), flags, 0].join('~')
  let h = 0x811c9dc5
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 0x01000193)
  return body + '~' + (h >>> 0).toString(36)
}

const ours = record({ choices: { analytics: false, marketing: false } })
// What a sibling subdomain can set on the parent domain: a grant, minted with the public codec.
const planted = record({ id: 'planted0000000', at: NOW - 60e3, choices: { analytics: true, marketing: true, functional: true } })
const twin = record({ ...ours, id: 'twin0000000000' })

const HEADERS: [string, string][] = [
  ['no header', ''],
  ['no consent cookie', 'theme=dark; _ga=GA1.1.1'],
  ['one record', c(record())],
  ['a refusal', c(ours)],
  ['an old two-flag record', c(twoFlags('10'))],
  ['an old two-flag refusal', c(twoFlags('00'))],
  ['the same record twice', `${c(record())}; ${c(record())}`],
  ['our refusal, then a planted grant', `${c(ours)}; ${c(planted)}`],
  ['a planted grant, then our refusal', `${c(planted)}; ${c(ours)}`],
  ['three copies that disagree', `${c(record({ at: NOW - 2 * DAY }))}; ${c(planted)}; ${c(ours)}`],
  ['copies alike but for their id', `${c(ours)}; ${c(twin)}`],
  ['the same, the other way round', `${c(twin)}; ${c(ours)}`],
  ['a planted grant dated in the future', `${c(record({ at: NOW + 3600e3, expires: NOW + 9 * DAY }))}; ${c(ours)}`],
  ['a record of another revision', c(record({ revision: '0' }))],
  ['a record claiming a long life', c(record({ at: NOW - 100 * DAY, expires: NOW + 290 * DAY }))],
  ['garbage', 'consent_gate=junk; consent_gate=; consent_gate=%E0%A4%A; consent_gate=1~x'],
  ['garbage beside a record', `consent_gate=junk; ${c(ours)}; consent_gate==`],
  [
    'a quoted and an encoded copy',
    `consent_gate="${encodeRecord(ours)}"; consent_gate=${encodeRecord(planted).replaceAll('~', '%7E')}`,
  ],
  ['a huge value', `consent_gate=${'1~'.repeat(20000)}; ${c(record())}`],
  ['300 other cookies', Array.from({ length: 300 }, (_, i) => `x${i}=${'v'.repeat(50)}`).join('; ') + '; ' + c(ours)],
  ['prototype names', `__proto__=1; constructor=2; ${c(record())}`],
  ['a near name', `xconsent_gate=${encodeRecord(record())}; consent_gatex=${encodeRecord(record())}`],
]

const PISAMA: Options = { site: 'pisama', ga4: { measurementId: 'G-XXXXXXXXXX' }, ui: false }
// Offers functional and marketing too: an old two-flag record has no choice for functional.
const WIDE: Options = { ...PISAMA, cookies: [{ name: 'chat_prefs', class: 'functional' }], categories: ['marketing'] }

/** What the browser's gate makes of a jar holding exactly `header`, and the record it writes back. */
function browser(header: string, options: Options) {
  const written: string[] = []
  vi.spyOn(document, 'cookie', 'get').mockReturnValue(header)
  vi.spyOn(document, 'cookie', 'set').mockImplementation((text) => void written.push(text))
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  const g = gate(options)
  const value = written
    .map((t) => t.slice(0, t.indexOf(';')))
    .filter((t) => t !== 'consent_gate=')
    .at(-1)
  return { consent: g.getConsent(), receipt: g.receipt(), value }
}

beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'], now: NOW }))
afterEach(() => void vi.useRealTimers())

describe('the same Cookie header in the browser and on the server', () => {
  for (const [options, name] of [
    [PISAMA, 'analytics offered'],
    [WIDE, 'functional, analytics and marketing offered'],
  ] as const)
    it.each(HEADERS)(`${name}: %s`, (_, header) => {
      const server = readConsent(header, options, NOW)
      expect(readConsent(header, options, NOW), 'a second read').toEqual(server)
      const { consent, receipt, value } = browser(header, options)
      expect({ decided: server.decided, choices: server.choices, categories: server.categories, policy: server.policy }).toEqual(
        consent,
      )
      expect(server.consentId).toBe(receipt?.consentId)
      expect(server.givenAt).toBe(receipt?.givenAt)
      expect(server.via).toBe(receipt?.via)
      expect(server.revision).toBe(receipt?.revision)
      // The browser writes back only copies that disagreed; the server's cookie is then the same record.
      const refreshed = refreshCookie(header, options, { secure: true, now: NOW })
      if (value) expect(refreshed?.slice(0, refreshed.indexOf(';'))).toBe(value)
      expect(refreshed === undefined).toBe(receipt === undefined)
    })
})

// A site with rules by region (docs/regions.md): the page's hint, the region cookie in the same
// header, and Global Privacy Control give the same rules and choices in the browser as on the server.
const POLICIES = { eea: 'opt-in', 'us-privacy': 'opt-out', '*': 'notice' } as const
const REGIONAL: Options = {
  site: 'acme',
  ga4: { measurementId: 'G-ACME12345' },
  uet: { tagId: '12345678' },
  ui: false,
  policies: POLICIES,
}
const region = (hint: string) => `__Host-consent-region=${hint}`
const REGION_HEADERS: [string, string][] = [
  ['no header', ''],
  ['an analytics grant only', c(record())],
  ['a refusal', c(record({ choices: { analytics: false, marketing: false } }))],
  ['a grant of both', c(record({ choices: { analytics: true, marketing: true } }))],
  ['the region cookie of a California visitor', region('US-CA:opt-out')],
  ['a region cookie saying opt-in beside a refusal', `${region('FR:opt-in')}; ${c(ours)}`],
  ['two region cookies that disagree', `${region('US-CA:opt-out')}; ${region('JP:notice')}`],
  ['a malformed region cookie', `${region('US-CA:allow')}; ${c(record())}`],
  ['a region cookie with a policy the site does not use', region('opt-in-ish')],
  ['a huge region cookie', region('US-CA:opt-out'.repeat(1000))],
]
const HINTS: [string, string | undefined][] = [
  ['no hint', undefined],
  ['California', 'US-CA:opt-out'],
  ['France', 'FR:opt-in'],
  ['Japan', 'JP:notice'],
  ['unknown region', 'opt-in'],
  ['forged: a policy the site does not use', 'US-CA:opt-in-please'],
  ['malformed', 'us-ca:opt-out'],
]

describe('the same request with rules by region, in the browser and on the server', () => {
  for (const gpc of [false, true])
    for (const [hintName, hint] of HINTS)
      it.each(REGION_HEADERS)(`${gpc ? 'GPC, ' : ''}${hintName}: %s`, (_, header) => {
        const server = readConsent(header, REGIONAL, { now: NOW, hint, gpc })
        Object.defineProperty(navigator, 'globalPrivacyControl', { value: gpc, configurable: true })
        try {
          const { consent, receipt } = browser(header, { ...REGIONAL, ...(hint !== undefined && { regionHint: hint }) })
          expect({
            decided: server.decided,
            choices: server.choices,
            categories: server.categories,
            policy: server.policy,
          }).toEqual(consent)
          // GPC's refusal is a record the browser makes, under an id of its own; otherwise the stored one.
          if (receipt?.via !== 'gpc') expect(server.consentId).toBe(receipt?.consentId)
        } finally {
          Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true })
        }
      })

  it('takes a number as the time, as before', () => {
    expect(readConsent(c(record()), PISAMA, NOW)).toEqual(readConsent(c(record()), PISAMA, { now: NOW }))
    expect(readConsent(c(record()), PISAMA, NOW + 200 * DAY).decided).toBe(false)
  })
})
