import { describe, expect, it, vi } from 'vitest'
import { flush, layer, scripts } from '../helpers'
import { acme, left, w, warned } from './common'

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-ABC123'
const CONTAINER = 'https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD3'

describe('Consent Mode "advanced"', () => {
  it('loads gtag.js and the container before a choice, everything denied, and says so once', async () => {
    const warn = warned()
    const g = acme({ ga4: { measurementId: 'G-ABC123' }, gtm: { containerId: 'GTM-AB12CD3' }, consentMode: 'advanced' })
    await vi.waitFor(() => expect(scripts().sort()).toEqual([CONTAINER, GTAG].sort()))
    expect(g.getConsent().decided).toBe(false)
    expect(layer()[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({ analytics_storage: 'denied', ad_storage: 'denied' }),
    ])
    // Denied is Consent Mode's to carry out: the opt-out switch would stop the cookieless pings.
    expect(w['ga-disable-G-ABC123']).toBeUndefined()
    expect(warn).toHaveBeenCalledOnce()
    expect(warn.mock.calls[0][0]).toMatch(/consentMode "advanced".*load before consent.*cookieless pings/)
    g.rejectAll()
    expect(await left()).toEqual(['consent_gate'])
    expect(w['ga-disable-G-ABC123']).toBeUndefined()
    expect(layer().at(-2)).toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'denied' })])
    expect(scripts()).toHaveLength(2)
  })

  it('is off by default, and loads nothing early for trackers outside Consent Mode', async () => {
    const warn = warned()
    acme({ ga4: { measurementId: 'G-ABC123' }, gtm: { containerId: 'GTM-AB12CD3' } })
    acme({ clarity: { projectId: 'abc' }, consentMode: 'advanced' }).destroy()
    await flush()
    expect(scripts()).toEqual([])
    expect(warn).not.toHaveBeenCalled()
  })

  it('is refused on a site that promises no trackers, by name', () => {
    expect(() => acme({ never: true, consentMode: 'advanced' })).toThrow(/option "consentMode"/)
    expect(() => acme({ never: true, clarity: { projectId: 'abc' } })).toThrow(/option "clarity"/)
    expect(() => acme({ never: true, uet: { tagId: '1' } })).toThrow(/option "uet"/)
    expect(() => acme({ never: true, gtm: { containerId: 'GTM-AB12CD3' } })).toThrow(/option "gtm"/)
  })
})
