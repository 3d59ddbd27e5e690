import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeRecord,
  effectiveChoices,
  encodeRecord,
  isCurrent,
  newId,
  settle,
  type ConsentRecord,
} from '../../../src/consent/record'

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
      span: fc.integer({ min: 1, max: 400 * 864e5 }),
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
    expect(isCurrent(record(), '3', 182, NOW + 1000)).toBe(true)
    expect(isCurrent(record(), '4', 182, NOW)).toBe(false)
    expect(isCurrent(record(), '3', 182, NOW + 183 * 864e5)).toBe(false)
    expect(isCurrent(record({ at: NOW + 10 * 864e5, expires: NOW + 20 * 864e5 }), '3', 182, NOW)).toBe(false)
    expect(isCurrent(undefined, '3', 182, NOW)).toBe(false)
  })

  it('tolerates a few minutes of clock drift, and no more', () => {
    expect(isCurrent(record({ at: NOW + 60_000 }), '3', 182, NOW)).toBe(true)
    expect(isCurrent(record({ at: NOW + 10 * 60_000 }), '3', 182, NOW)).toBe(false)
  })

  it("enforces the site's lifetimeDays whatever expiry the record claims", () => {
    const long = record({ expires: NOW + 5000 * 864e5 })
    expect(isCurrent(long, '3', 182, NOW + 181 * 864e5)).toBe(true)
    expect(isCurrent(long, '3', 182, NOW + 183 * 864e5)).toBe(false)
    expect(isCurrent(long, '3', 30, NOW + 31 * 864e5)).toBe(false)
  })

  it('makes distinct random ids', () => {
    const ids = new Set(Array.from({ length: 100 }, newId))
    expect(ids.size).toBe(100)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{20}$/)
  })

  it('grants nothing through a polluted Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>
    proto.analytics = true
    try {
      expect(effectiveChoices(['analytics'], {})).toEqual({ functional: false, analytics: false, marketing: false })
      expect(decodeRecord(encodeRecord(record({ choices: {} })))!.choices.analytics).toBeUndefined()
    } finally {
      delete proto.analytics
    }
  })

  it('grants only offered categories that were explicitly granted', () => {
    expect(effectiveChoices(['analytics'], { analytics: true, marketing: true })).toEqual({
      functional: false,
      analytics: true,
      marketing: false,
    })
    expect(effectiveChoices([], { analytics: true })).toEqual({ functional: false, analytics: false, marketing: false })
    expect(effectiveChoices(['analytics'], undefined)).toEqual({ functional: false, analytics: false, marketing: false })
  })
})

describe('settling several records (cookie tossing)', () => {
  const at = (minutes: number) => NOW + minutes * 60_000
  const mine = record({ at: at(-60), choices: { analytics: false, marketing: false } })

  it('takes the one current record, or the latest of several that agree', () => {
    expect(settle([mine], '3', 182, NOW)).toEqual({ record: mine, conflict: false })
    const later = record({ at: at(-1), choices: { analytics: false, marketing: false } })
    expect(settle([mine, later, undefined], '3', 182, NOW)).toEqual({ record: later, conflict: false })
  })

  it('never lets a planted grant turn a refusal into a grant, whatever its date', () => {
    const planted = record({ id: 'planted000000', at: at(4), choices: { analytics: true, marketing: true } })
    const r = settle([planted, mine], '3', 182, NOW)
    expect(r.record!.id).not.toBe('planted000000')
    expect(r.conflict).toBe(true)
    expect(r.record!.choices).toEqual({ analytics: false, marketing: false })
    expect(settle([mine, planted], '3', 182, NOW).record!.choices).toEqual({ analytics: false, marketing: false })
  })

  it('ignores a record dated far ahead, and it hides no valid record beside it', () => {
    const ahead = record({ at: at(60 * 24 * 30), expires: at(60 * 24 * 400), choices: { analytics: true } })
    expect(settle([ahead, mine], '3', 182, NOW)).toEqual({ record: mine, conflict: false })
    expect(settle([ahead], '3', 182, NOW).record).toBeUndefined()
  })

  it('keeps a category refused when any current record refuses it, and unasked when none says', () => {
    const a = record({ at: at(-2), choices: { analytics: true } })
    const b = record({ at: at(-1), choices: { analytics: true, marketing: false } })
    expect(settle([a, b], '3', 182, NOW).record!.choices).toEqual({ analytics: true, marketing: false })
  })

  it('counts a record of another revision for nothing, not even to pre-tick the dialog', () => {
    expect(settle([record({ revision: '2', at: at(-60), choices: { analytics: true } })], '3', 182, NOW)).toEqual({
      record: undefined,
      conflict: false,
    })
  })

  it("keeps nothing of a planted record's own: a fresh id and the site's lifetime, however short it claims", () => {
    const planted = record({ id: 'attacker000000', at: at(1), expires: at(2), choices: { analytics: true } })
    const r = settle([mine, planted], '3', 182, NOW)
    expect(r.record).toMatchObject({ id: expect.stringMatching(/^[a-z0-9]{8,14}$/), at: at(1), expires: at(1) + 182 * 864e5 })
    expect(r.record!.id).not.toBe(mine.id)
    expect(r.record!.id).not.toBe('attacker000000')
    expect(decodeRecord(encodeRecord(r.record!))).toEqual(r.record)
  })

  it('settles the same copies to the same record, id included, in any order: a server reading the header agrees', () => {
    const planted = record({ id: 'attacker000000', at: at(1), choices: { analytics: true, marketing: false } })
    const other = record({ id: 'other000000000', at: at(-5), choices: { analytics: false } })
    const first = settle([mine, planted, other], '3', 182, NOW)
    for (const order of [
      [planted, mine, other],
      [other, planted, mine],
      [mine, undefined, other, planted],
    ])
      expect(settle(order, '3', 182, NOW)).toEqual(first)
    // Copies alike but for their id, of the same millisecond: the same one wins whatever the order.
    const twin = record({ ...mine, id: 'twin0000000000' })
    expect(settle([mine, twin], '3', 182, NOW).record).toEqual(settle([twin, mine], '3', 182, NOW).record)
  })

  it('keeps the settled record as it is when a copy it was settled from stays behind (HttpOnly, another path)', () => {
    const planted = record({ id: 'attacker000000', at: at(1), choices: { analytics: true, marketing: true } })
    const settled = settle([mine, planted], '3', 182, NOW).record!
    expect(settle([settled, planted], '3', 182, NOW + 60_000).record).toEqual(settled)
    expect(settle([planted, settled, mine], '3', 182, NOW).record).toEqual(settled)
  })

  it('draws different ids from different copies', () => {
    const planted = record({ at: at(1), choices: { analytics: true } })
    const ids = new Set(
      Array.from(
        { length: 200 },
        (_, i) => settle([record({ ...mine, id: `visitor${String(i).padStart(5, '0')}` }), planted], '3', 182, NOW).record!.id,
      ),
    )
    expect(ids.size).toBe(200)
  })

  it('reads a record that claims more than 400 days as none of ours', () => {
    expect(decodeRecord(encodeRecord(record({ expires: NOW + 401 * 864e5 })))).toBeUndefined()
  })

  it('settles any mix of records to something no more generous than each current one', () => {
    const choice = fc.option(fc.boolean(), { nil: undefined })
    const arb = fc.array(fc.record({ minutes: fc.integer({ min: -600, max: 600 }), analytics: choice, marketing: choice }), {
      maxLength: 5,
    })
    fc.assert(
      fc.property(arb, (specs) => {
        const records = specs.map((s) => {
          const choices: ConsentRecord['choices'] = {}
          if (s.analytics !== undefined) choices.analytics = s.analytics
          if (s.marketing !== undefined) choices.marketing = s.marketing
          return record({ at: at(s.minutes), choices })
        })
        const settled = settle(records, '3', 182, NOW).record
        const current = records.filter((r) => isCurrent(r, '3', 182, NOW))
        for (const c of ['analytics', 'marketing'] as const)
          if (settled?.choices[c]) expect(current.every((r) => r.choices[c] === true)).toBe(true)
        expect(!!settled).toBe(current.length > 0)
      }),
    )
  })
})
