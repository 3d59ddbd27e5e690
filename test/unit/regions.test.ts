// The gate under each policy (docs/regions.md): what runs before a choice, what GPC does, what the
// receipt says, and which hints it believes.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Options } from '../../src/config/options'
import { cookieNames } from '../../src/cookies/jar'
import { documentAccessor } from '../../src/document'
import { flush, GA, gate, layer, scripts } from './helpers'

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-TEST1234'
const ACME: Options = { site: 'acme', ga4: GA, uet: { tagId: '12345678' }, policies: { 'us-privacy': 'opt-out', JP: 'notice' } }
const host = () => document.querySelector('[data-consent-gate-host]')
const gpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })
/** The page's cookies as the browser would show them, with a region cookie only the site's own host could set. */
const withCookie = (extra: string) => {
  const real = documentAccessor('cookie')
  vi.spyOn(document, 'cookie', 'get').mockImplementation(() => [real.get!.call(document), extra].filter(Boolean).join('; '))
}

afterEach(() => gpc(undefined))

describe('opt-out (a US state with a privacy law)', () => {
  it('runs the trackers before any choice, asks nothing, and tells Consent Mode they are granted', async () => {
    const g = gate({ ...ACME, regionHint: 'US-CA:opt-out' })
    await vi.waitFor(() => expect(scripts()).toContain(GTAG))
    expect(g.getConsent()).toMatchObject({ policy: 'opt-out', decided: true, choices: { analytics: true, marketing: true } })
    expect(layer().find((e) => e[0] == 'consent' && e[1] == 'update')?.[2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'granted' })
    expect(g.receipt()).toBeUndefined()
  })

  it('stops on an opt-out and removes the cookies, with a receipt that says where and under which rules', async () => {
    const onConsent = vi.fn()
    const g = gate({ ...ACME, regionHint: 'US-CA:opt-out', onConsent })
    await vi.waitFor(() => expect(scripts()).toContain(GTAG))
    document.cookie = '_ga=GA1.1.1; Path=/'
    g.update({ analytics: false, marketing: false })
    await vi.waitFor(() => expect(cookieNames()).not.toContain('_ga'))
    expect(g.getConsent().choices).toMatchObject({ analytics: false, marketing: false })
    expect(onConsent).toHaveBeenCalledWith(expect.objectContaining({ via: 'api', region: 'US-CA', policy: 'opt-out', choices: { analytics: false, marketing: false } }))
  })

  it('takes a Global Privacy Control signal as the opt-out of sale and sharing, without asking', async () => {
    gpc(true)
    const onConsent = vi.fn()
    const g = gate({ ...ACME, categories: ['functional'], regionHint: 'US-CA:opt-out', onConsent })
    await flush()
    expect(scripts()).not.toContain(GTAG)
    expect(g.getConsent()).toMatchObject({ decided: true, choices: { analytics: false, marketing: false, functional: true } })
    expect(onConsent).toHaveBeenCalledWith(expect.objectContaining({ via: 'gpc', gpc: true, region: 'US-CA', policy: 'opt-out' }))
    expect(layer().filter((e) => e[0] == 'consent' && e[1] == 'update').at(-1)?.[2]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'denied' })
  })

  it("keeps a visitor's stored choice: an opt-in given in the EU still counts, and so does a refusal", async () => {
    const g = gate({ ...ACME, regionHint: 'US-CA:opt-out' })
    g.update({ analytics: false })
    g.destroy()
    const again = gate({ ...ACME, regionHint: 'US-CA:opt-out' })
    await flush()
    expect(again.getConsent().choices).toMatchObject({ analytics: false, marketing: true })
  })
})

describe('opt-in, an unknown region, and hints not to believe', () => {
  it('asks first in the EU: nothing runs before a yes', async () => {
    const g = gate({ ...ACME, regionHint: 'DE:opt-in' })
    await vi.waitFor(() => expect(host()).not.toBeNull())
    expect(scripts()).not.toContain(GTAG)
    expect(g.getConsent()).toMatchObject({ policy: 'opt-in', decided: false, choices: { analytics: false } })
  })

  it('gives a visitor without a hint, or with a malformed one, the strictest rules the site uses', async () => {
    for (const regionHint of [undefined, 'US-CA', 'us-ca:opt-out', 'US-CA:maybe']) {
      const g = gate({ ...ACME, regionHint })
      expect(g.getConsent(), String(regionHint)).toMatchObject({ policy: 'opt-in', decided: false })
      g.destroy()
    }
    await flush()
    expect(scripts()).not.toContain(GTAG)
  })

  it('reads the region cookie only under its __Host- name, which no sibling subdomain can set', async () => {
    withCookie('consent-region=US-CA:opt-out; __Secure-consent-region=US-CA:opt-out')
    expect(gate(ACME).getConsent().policy).toBe('opt-in')
  })

  it('takes the region cookie of its own host, and the strictest when it and the tag disagree', () => {
    withCookie('__Host-consent-region=US-CA:opt-out')
    const g = gate(ACME)
    expect(g.getConsent().policy).toBe('opt-out')
    g.destroy()
    expect(gate({ ...ACME, regionHint: 'DE:opt-in' }).getConsent().policy).toBe('opt-in')
  })

  it('shows a notice visitor nothing to choose first, and runs what the site runs', async () => {
    const g = gate({ ...ACME, regionHint: 'JP:notice' })
    await vi.waitFor(() => expect(scripts()).toContain(GTAG))
    expect(g.getConsent()).toMatchObject({ policy: 'notice', decided: false, choices: { analytics: true } })
  })

  it('leaves a site without policies as it was: opt-in, whatever a hint says', async () => {
    withCookie('__Host-consent-region=US-CA:opt-out')
    const g = gate({ site: 'acme', ga4: GA, regionHint: 'US-CA:opt-out' })
    await flush()
    expect(g.getConsent()).toMatchObject({ policy: 'opt-in', decided: false, choices: { analytics: false } })
    expect(scripts()).not.toContain(GTAG)
  })
})
