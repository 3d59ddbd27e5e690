// The rules by region, as the browser reads them from the site's server's hints (docs/regions.md).
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../../src/config/options'
import { rulesOf } from '../../../src/config/regions'
import { explain } from '../../../src/config/explain'

const US = { 'us-privacy': 'opt-out' } as const
const WORLD = { eea: 'opt-in', uk: 'opt-in', ch: 'opt-in', 'us-privacy': 'opt-out', '*': 'notice' } as const

describe('rulesOf', () => {
  it("takes the server's word when it names a policy the site uses", () => {
    expect(rulesOf(US, ['US-CA:opt-out'])).toEqual({ policy: 'opt-out', region: 'US-CA' })
    expect(rulesOf(US, ['DE:opt-in'])).toEqual({ policy: 'opt-in', region: 'DE' })
    expect(rulesOf(WORLD, ['JP:notice'])).toEqual({ policy: 'notice', region: 'JP' })
    // The server may know the rules but not the place.
    expect(rulesOf(WORLD, ['opt-out'])).toEqual({ policy: 'opt-out', region: undefined })
  })

  it('gives a visitor without a hint the strictest policy the site uses anywhere', () => {
    expect(rulesOf(US, [])).toEqual({ policy: 'opt-in' })
    expect(rulesOf(WORLD, [])).toEqual({ policy: 'opt-in' })
    // Where `*` reaches every region the site did not name, opt-in may be used nowhere.
    expect(rulesOf({ 'US-CA': 'opt-out', '*': 'notice' }, [])).toEqual({ policy: 'opt-out' })
    expect(rulesOf({ '*': 'notice' }, [])).toEqual({ policy: 'notice' })
  })

  it('reads a malformed or forged hint as an unknown region: the strictest, never looser', () => {
    for (const hint of ['', 'US-CA', 'us-ca:opt-out', 'US-CA:OPT-OUT', 'US-CA:opt-out ', 'XX:optout', 'US-CA:opt-out;x', '__proto__', 'A'.repeat(100)])
      expect(rulesOf(US, [hint]).policy, hint).toBe('opt-in')
    // A policy the site uses nowhere: `notice` on a site that uses opt-in and opt-out only.
    expect(rulesOf(US, ['US-CA:notice'])).toEqual({ policy: 'opt-in' })
    expect(rulesOf({ '*': 'notice', 'US-CA': 'opt-out' }, ['DE:opt-in'])).toEqual({ policy: 'opt-out' })
  })

  it('gives the strictest of hints that disagree, so a second hint can only take rights away', () => {
    expect(rulesOf(US, ['US-CA:opt-out', 'DE:opt-in'])).toEqual({ policy: 'opt-in', region: 'DE' })
    expect(rulesOf(US, ['DE:opt-in', 'US-CA:opt-out'])).toEqual({ policy: 'opt-in', region: 'DE' })
    expect(rulesOf(WORLD, ['JP:notice', 'US-CA:opt-out'])).toEqual({ policy: 'opt-out', region: 'US-CA' })
    expect(rulesOf(US, ['US-CA:opt-out', 'garbage'])).toEqual({ policy: 'opt-in' })
  })

  it('reads own entries only: a polluted Object.prototype adds no policy', () => {
    const proto = Object.prototype as Record<string, unknown>
    proto['*'] = 'notice'
    try {
      expect(rulesOf(US, ['JP:notice'])).toEqual({ policy: 'opt-in' })
      expect(resolveConfig({ site: 'acme', ga4: { measurementId: 'G-A1' } }).policies).toBeUndefined()
    } finally {
      delete proto['*']
    }
  })
})

describe('the policies and regionHint options', () => {
  const ga4 = { measurementId: 'G-A1' }
  const refusal = (options: object): string => {
    try {
      resolveConfig({ site: 'acme', ga4, ...options })
      return 'accepted'
    } catch (e) {
      return (explain(e) as Error).message
    }
  }

  it('takes region codes, groups and `*`, each with one of the three policies', () => {
    const config = resolveConfig({ site: 'acme', ga4, policies: WORLD, regionHint: 'US-CA:opt-out' })
    expect({ ...config.policies }).toEqual(WORLD)
    expect(config.regionHint).toBe('US-CA:opt-out')
    expect(resolveConfig({ site: 'acme', ga4, policies: { DE: 'notice', 'US-CA': 'opt-out', 'FR-75': 'opt-in' } }).policies).toBeTruthy()
  })

  it('refuses a place or a policy it does not know, by its path', () => {
    expect(refusal({ policies: { Europe: 'opt-in' } })).toMatch(/option "policies.Europe" must be "opt-in", "opt-out" or "notice", under a region code/)
    expect(refusal({ policies: { 'us-ca': 'opt-out' } })).toMatch(/"policies.us-ca"/)
    expect(refusal({ policies: { 'US-CA': 'optout' } })).toMatch(/"policies.US-CA" .* got "optout"/)
    expect(refusal({ policies: { 'US-CA': true } })).toMatch(/"policies.US-CA"/)
    expect(refusal({ policies: 'opt-out' })).toMatch(/option "policies" must be an object of policies by region/)
    expect(refusal({ policies: ['opt-out'] })).toMatch(/option "policies"/)
    expect(refusal({ regionHint: 5 })).toMatch(/option "regionHint"/)
    expect(refusal({ regionHint: 'x'.repeat(101) })).toMatch(/option "regionHint"/)
  })

  it('refuses policies on a site that promises no trackers and on a preset, in every form', () => {
    expect(() => resolveConfig({ site: 'acme', never: true, policies: { '*': 'opt-in' } })).toThrow(/"policies"/)
    expect(() => resolveConfig({ site: 'pigi', policies: US })).toThrow(/"policies"/)
    expect(() => resolveConfig({ site: 'pisama', ga4, policies: US })).toThrow(/"policies"/)
    expect(() => resolveConfig({ profile: { name: 'acme', trackers: [] }, policies: US })).toThrow(/"policies"/)
    let message = ''
    try {
      resolveConfig({ site: 'pisama', ga4, policies: US })
    } catch (e) {
      message = (explain(e) as Error).message
    }
    expect(message).toMatch(/cannot be given on site "pisama", a preset that asks first everywhere/)
  })
})
