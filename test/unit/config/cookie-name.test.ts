import { describe, expect, it } from 'vitest'
import { explain } from '../../../src/config/explain'
import { resolveConfig, type Options } from '../../../src/config/options'
import { GOOGLE_COOKIE } from '../../../src/config/profiles'

const GA = { measurementId: 'G-TEST1234' }
const words = (options: Options) => {
  try {
    resolveConfig(options, 'www.pisama.test')
    return 'accepted'
  } catch (e) {
    return (explain(e) as Error).message
  }
}

describe('the consent cookie’s name', () => {
  it.each(['_gid', '_ga_X', '_ga', '_gat', '_gat_UA-1234-1', '_dc_gtm_UA-1', '_gcl_au', '_gac_UA-1'])(
    'is refused when a withdrawal would remove it with Google’s cookies: %s',
    (name) => {
      expect(GOOGLE_COOKIE.test(name)).toBe(true)
      for (const options of [{ site: 'pisama', ga4: GA }, { site: 'pisama' }, { site: 'pigi' }])
        expect(() => resolveConfig({ ...options, cookieName: name }), name).toThrow(/option "cookieName"/)
    },
  )

  it('says why, in the wording fetched for a refused option', () => {
    expect(words({ site: 'pisama', ga4: GA, cookieName: '_gid' })).toBe(
      'consent-gate: option "cookieName" must not be a name Google Analytics uses (_ga, _ga_*, _gid, _gat*, _gcl_*…): a withdrawal removes those, got "_gid"',
    )
  })

  it('takes any other name, including ones that only start like Google’s', () => {
    for (const name of ['consent_gate', 'ga_choice', '_gateway', '_gaa', '_gid2', 'cg-1'])
      expect(words({ site: 'pisama', ga4: GA, cookieName: name }), name).toBe('accepted')
  })
})
