import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classify } from '../../../src/index'
import { PRESETS } from '../../../src/config/profiles'
import { OCD, sample } from '../catalogue/ocd'

describe('classify', () => {
  it.each([
    ['PHPSESSID', 'session'],
    ['JSESSIONID', 'session'],
    ['connect.sid', 'session'],
    ['laravel_session', 'session'],
    ['laravel-session', 'session'],
    ['sessionid', 'session'],
    ['ASP.NET_SessionId', 'session'],
    ['_myapp_session', 'session'],
    ['__Secure-next-auth.session-token', 'session'],
    ['sb-abcdef-auth-token', 'session'],
    ['XSRF-TOKEN', 'xsrf'],
    ['csrftoken', 'xsrf'],
    ['_csrf', 'xsrf'],
    ['__Host-next-auth.csrf-token', 'xsrf'],
    ['.AspNetCore.Antiforgery.abc123', 'xsrf'],
    ['_vercel_jwt', 'essential'],
    ['__cf_bm', 'essential'],
    ['_ga', 'analytics'],
    ['_ga_ABC123', 'analytics'],
    ['_gid', 'analytics'],
    ['_gat_UA-1', 'analytics'],
    ['_pk_id.1.abc', 'analytics'],
    ['_hjSessionUser_1', 'analytics'],
    ['ajs_anonymous_id', 'analytics'],
    ['ph_phc_x_posthog', 'analytics'],
    ['_clck', 'analytics'],
    ['_fbp', 'marketing'],
    ['_gcl_au', 'marketing'],
    ['IDE', 'marketing'],
    ['_uetsid', 'marketing'],
    ['li_gc', 'marketing'],
  ])('%s is %s', (name, cls) => {
    expect(classify(name)).toBe(cls)
  })

  it('calls an unrecognised name unknown, never essential', () => {
    expect(classify('my_random_cookie')).toBe('unknown')
    expect(classify('')).toBe('unknown')
  })

  it('does not make a cookie essential for its __Host- or __Secure- prefix alone', () => {
    expect(classify('__Host-whatever')).toBe('unknown')
    expect(classify('__Secure-tracker')).toBe('unknown')
  })

  it('lets the profile win over the built-in table', () => {
    const declared = [{ name: 'sessionid', class: 'marketing' as const, purpose: 'p', lifetime: 'l', provider: 'x' }]
    expect(classify('sessionid', declared)).toBe('marketing')
  })

  it('matches declared prefixes, exact names first', () => {
    const declared = [
      { name: 'app_*', class: 'analytics' as const, purpose: 'p', lifetime: 'l', provider: 'x' },
      { name: 'app_theme', class: 'essential' as const, purpose: 'p', lifetime: 'l', provider: 'x' },
    ]
    expect(classify('app_theme', declared)).toBe('essential')
    expect(classify('app_stats', declared)).toBe('analytics')
  })

  it('classifies the Pigi profile as the policy says', () => {
    const pigi = PRESETS.pigi.cookies
    expect(classify('XSRF-TOKEN', pigi)).toBe('xsrf')
    expect(classify('pigi_session', pigi)).toBe('session')
    expect(classify('theme', pigi)).toBe('essential')
  })

  it('never throws and always answers one of the seven classes', () => {
    const classes = ['essential', 'session', 'xsrf', 'functional', 'analytics', 'marketing', 'unknown']
    fc.assert(fc.property(fc.string(), (name) => classes.includes(classify(name))))
  })

  // The Open Cookie Database is a second opinion: where our table names a cookie it lists as
  // analytics or marketing, we must never call it essential. The repo keeps a derived copy (data/),
  // so this runs in every clone.
  it('never calls a catalogued tracker essential', () => {
    let checked = 0
    for (const row of OCD) {
      if (row.category !== 'Analytics' && row.category !== 'Marketing') continue
      const cls = classify(sample(row))
      if (cls === 'unknown') continue
      checked++
      if (['essential', 'xsrf'].includes(cls)) throw new Error(`${row.name} (${row.category}) classified ${cls}`)
    }
    expect(checked).toBeGreaterThan(20)
  })
})
