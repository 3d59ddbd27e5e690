// What a visitor's rules must never become, whatever the page, a signal or a stored record says
// (docs/regions.md): looser than the site's own server said, even for a moment.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Options } from '../../src/config/options'
import { flush, GA, gate, layer } from './helpers'

const ACME: Options = { site: 'acme', ga4: GA, uet: { tagId: '12345678' }, policies: { 'us-privacy': 'opt-out', JP: 'notice' } }
const gpc = (value: boolean | undefined) =>
  Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })
const updates = () => layer().filter((e) => e[0] == 'consent' && e[1] == 'update')

afterEach(() => gpc(undefined))

describe('Global Privacy Control under opt-out and notice', () => {
  it('refuses sale and sharing before anything is granted: Consent Mode never hears "granted" for them', async () => {
    gpc(true)
    // A page's own Google tag acts on each update as it is pushed, so a "granted" followed by a
    // "denied" lets its tags fire in between.
    for (const regionHint of ['US-CA:opt-out', 'JP:notice']) {
      const g = gate({ ...ACME, regionHint })
      await flush()
      expect(g.getConsent().choices, regionHint).toMatchObject({ analytics: false, marketing: false })
      expect(updates().length, regionHint).toBeGreaterThan(0)
      for (const [, , u] of updates()) expect(u, regionHint).toMatchObject({ analytics_storage: 'denied', ad_storage: 'denied' })
      g.destroy()
      delete (window as { dataLayer?: unknown }).dataLayer
    }
  })
})
