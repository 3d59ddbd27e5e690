import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../../src/config/options'
import { decide } from '../../../src/consent/choice'
import { toReceipt } from '../../../src/consent/receipt'
import { decodeRecord, encodeRecord, settle, unchosen, type ConsentRecord } from '../../../src/consent/record'
import { signals } from '../../../src/trackers/consent-mode'

const NOW = Date.UTC(2026, 10, 25)
const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  revision: '1',
  id: 'abcdefgh12345678',
  at: NOW,
  expires: NOW + 182 * 864e5,
  choices: { analytics: true, marketing: false },
  via: 'banner',
  ...over,
})
/** A record as the version before `functional` wrote it: two flags. */
const checksum = (text: string) => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}
const twoFlags = (flags: string, via = 0) => {
  const body = ['1', '1', 'abcdefgh12345678', NOW.toString(36), (NOW + 864e5).toString(36), flags, via].join('~')
  return body + '~' + checksum(body)
}

describe('a functional category', () => {
  it('is offered only when the profile declares something functional, before analytics and marketing', () => {
    expect(resolveConfig({ site: 'pisama', ga4: { measurementId: 'G-X1' } }).categories).toEqual(['analytics'])
    const config = resolveConfig({
      site: 'pisama',
      ga4: { measurementId: 'G-X1' },
      cookies: [{ name: 'chat_prefs', class: 'functional' }],
      categories: ['marketing'],
    })
    expect(config.categories).toEqual(['functional', 'analytics', 'marketing'])
  })

  it('is refused on pigi, whose policy promises no cookie that needs consent', () => {
    expect(() => resolveConfig({ site: 'pigi', cookies: [{ name: 'chat', class: 'functional' }] })).toThrow(/"cookies"/)
    expect(() => resolveConfig({ site: 'pigi', categories: ['functional'] })).toThrow(/"categories"/)
  })

  it('reads a record written before functional existed: its two choices keep applying, functional is not chosen', () => {
    const r = decodeRecord(twoFlags('10'))!
    expect(r.choices).toEqual({ analytics: true, marketing: false })
    expect(Object.getPrototypeOf(r.choices)).toBeNull()
    expect(decodeRecord(twoFlags('-1', 3))).toMatchObject({ choices: { marketing: true }, via: 'gpc' })
    expect(unchosen(['functional', 'analytics'], r)).toEqual(['functional'])
    expect(unchosen(['analytics', 'marketing'], r)).toEqual([])
  })

  it('writes three flags, the new one last, so older flags keep their place', () => {
    const text = encodeRecord(record({ choices: { functional: true, analytics: false } }))
    expect(text.split('~')[5]).toBe('0-1')
    expect(decodeRecord(text)!.choices).toEqual({ functional: true, analytics: false })
    for (const bad of ['1', '1010', '1x']) expect(decodeRecord(twoFlags(bad))).toBeUndefined()
  })

  it('records via "embed" after the older vias, which keep their numbers', () => {
    const text = encodeRecord(record({ via: 'embed' }))
    expect(text.split('~')[6]).toBe('4')
    expect(decodeRecord(text)!.via).toBe('embed')
    expect(decodeRecord(twoFlags('10', 1))!.via).toBe('dialog')
    expect(decodeRecord(twoFlags('10', 5))).toBeUndefined()
  })

  it('asks a returning visitor only about the new category: a choice keeps the old ones', () => {
    const config = resolveConfig({ site: 'pisama', ga4: { measurementId: 'G-X1' }, categories: ['functional'] })
    const old = decodeRecord(twoFlags('10'))!
    const next = decide({ functional: true }, 'banner', config, old, NOW)
    expect(next.choices).toEqual({ functional: true, analytics: true })
    expect(next.id).toBe(old.id)
  })

  it('leaves a category neither given nor chosen before unchosen, so the visitor is still asked', () => {
    const config = resolveConfig({ site: 'pisama', ga4: { measurementId: 'G-X1' }, categories: ['functional', 'marketing'] })
    const r = decide({ marketing: true }, 'embed', config, undefined, NOW)
    expect(r.choices).toEqual({ marketing: true })
    expect(unchosen(config.categories, r)).toEqual(['functional', 'analytics'])
  })

  it('settles an old record beside a new one to what both grant: a lone grant is not chosen, a lone refusal counts', () => {
    const old = record({ at: NOW - 6e4, choices: { analytics: true, marketing: true } })
    const grantsFunctional = record({ at: NOW - 3e4, choices: { functional: true, analytics: true, marketing: true } })
    expect(settle([old, grantsFunctional], '1', 182, NOW).record!.choices).toEqual({ analytics: true, marketing: true })
    const refusesFunctional = record({ at: NOW - 3e4, choices: { functional: false, analytics: true, marketing: true } })
    expect(settle([old, refusesFunctional], '1', 182, NOW).record!.choices).toEqual({
      functional: false,
      analytics: true,
      marketing: true,
    })
  })

  it('lists only offered categories in a receipt', () => {
    const r = record({ choices: { functional: true, analytics: true, marketing: false } })
    expect(toReceipt(r, 'pisama', '1.0.0', ['analytics']).choices).toEqual({ analytics: true })
    expect(toReceipt(r, 'pisama', '1.0.0', ['functional', 'analytics']).choices).toEqual({ functional: true, analytics: true })
  })
})

describe('Consent Mode signals', () => {
  it('functionality_storage and personalization_storage follow functional; security_storage is always granted', () => {
    expect(signals({ functional: true, analytics: false, marketing: false })).toEqual({
      analytics_storage: 'denied',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      functionality_storage: 'granted',
      personalization_storage: 'granted',
      security_storage: 'granted',
    })
    expect(signals({ functional: false, analytics: true, marketing: true })).toMatchObject({
      analytics_storage: 'granted',
      ad_storage: 'granted',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'granted',
    })
  })
})
