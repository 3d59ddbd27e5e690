import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeRecord, effectiveChoices, encodeRecord, isCurrent, newId, type ConsentRecord } from '../../../src/consent/record'

const NOW = Date.UTC(2026, 10, 24)
const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  revision: '3',
  id: 'abcdefgh12345678',
  at: NOW,
  expires: NOW + 182 * 864e5,
  choices: { analytics: true, marketing: false },
  via: 'banner',
  ...over,
})

describe('consent record', () => {
  it('round-trips', () => {
    expect(decodeRecord(encodeRecord(record()))).toEqual(record())
  })

  it('round-trips any valid record', () => {
    const arb = fc.record({
      revision: fc.stringMatching(/^[\w.-]{1,32}$/),
      id: fc.stringMatching(/^[a-z0-9]{8,32}$/),
      at: fc.integer({ min: 1, max: 4e12 }),
      span: fc.integer({ min: 1, max: 4e10 }),
      analytics: fc.option(fc.boolean(), { nil: undefined }),
      marketing: fc.option(fc.boolean(), { nil: undefined }),
      via: fc.constantFrom('banner', 'dialog', 'api', 'gpc' as const),
    })
    fc.assert(
      fc.property(arb, (a) => {
        const choices: ConsentRecord['choices'] = {}
        if (a.analytics !== undefined) choices.analytics = a.analytics
        if (a.marketing !== undefined) choices.marketing = a.marketing
        const r: ConsentRecord = { revision: a.revision, id: a.id, at: a.at, expires: a.at + a.span, choices, via: a.via }
        expect(decodeRecord(encodeRecord(r))).toEqual(r)
      }),
    )
  })

  it('fits comfortably in a cookie', () => {
    expect(encodeRecord(record({ revision: 'x'.repeat(32), id: 'a'.repeat(32) })).length).toBeLessThan(120)
  })

  it.each([
    ['nothing', undefined],
    ['a number', 42],
    ['empty', ''],
    ['garbage', 'not a record'],
    ['JSON', '{"analytics":true}'],
    ['an oversized value', '1~' + 'x'.repeat(5000)],
    ['another schema', encodeRecord(record()).replace(/^1/, '2')],
  ])('reads %s as no choice', (_, value) => {
    expect(decodeRecord(value)).toBeUndefined()
  })

  it('rejects a tampered record: a flipped choice breaks the checksum', () => {
    const good = encodeRecord(record({ choices: { analytics: false } }))
    const parts = good.split('~')
    parts[5] = '1-'
    expect(decodeRecord(parts.join('~'))).toBeUndefined()
  })

  it('rejects every truncation of a valid record', () => {
    const good = encodeRecord(record())
    for (let i = 0; i < good.length; i++) expect(decodeRecord(good.slice(0, i))).toBeUndefined()
  })

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => decodeRecord(s) === undefined || typeof decodeRecord(s) === 'object'),
    )
  })

  it('counts only for the current revision, before expiry, and not from the future', () => {
    expect(isCurrent(record(), '3', NOW + 1000)).toBe(true)
    expect(isCurrent(record(), '4', NOW)).toBe(false)
    expect(isCurrent(record(), '3', NOW + 183 * 864e5)).toBe(false)
    expect(isCurrent(record({ at: NOW + 10 * 864e5, expires: NOW + 20 * 864e5 }), '3', NOW)).toBe(false)
    expect(isCurrent(undefined, '3', NOW)).toBe(false)
  })

  it('makes distinct random ids', () => {
    const ids = new Set(Array.from({ length: 100 }, newId))
    expect(ids.size).toBe(100)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{20}$/)
  })

  it('grants only offered categories that were explicitly granted', () => {
    expect(effectiveChoices(['analytics'], { analytics: true, marketing: true })).toEqual({ analytics: true, marketing: false })
    expect(effectiveChoices([], { analytics: true })).toEqual({ analytics: false, marketing: false })
    expect(effectiveChoices(['analytics'], undefined)).toEqual({ analytics: false, marketing: false })
  })
})
