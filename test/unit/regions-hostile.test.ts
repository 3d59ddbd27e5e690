// What a visitor's rules must never become, whatever the page, a signal or a stored record says
// (docs/regions.md): looser than the site's own server said, even for a moment.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Options } from '../../src/config/options'
import { REGION_COOKIE } from '../../src/consent/region'
import { cookieValues } from '../../src/cookies/codec'
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

describe('a choice made under opt-out, read under opt-in (a visitor who travelled)', () => {
  const OPT_OUT: Options = { ...ACME, categories: ['functional', 'analytics', 'marketing'], regionHint: 'US-CA:opt-out' }
  const $ = <T extends HTMLElement = HTMLElement>(sel: string) =>
    document.querySelector('[data-consent-gate-host]')?.shadowRoot?.querySelector<T>(sel) ?? null
  const until = (check: () => void) => vi.waitFor(check, { timeout: 15_000 })

  it('is no consent where the visitor only saved the switches as the opt-out rules set them', async () => {
    const g = gate(OPT_OUT)
    await until(() => expect($('[data-action="open-preferences"]')).not.toBeNull())
    await g.openPreferences()
    // Under opt-out every switch starts on; the visitor turns marketing off and saves.
    $<HTMLInputElement>('input[name=marketing]')!.click()
    $('[data-action="save"]')!.click()
    expect(g.getConsent().choices).toMatchObject({ functional: true, analytics: true, marketing: false })
    g.destroy()
    // In the EU, a switch the visitor found ticked is no opt-in (pre-ticked boxes are no consent):
    // asked again, nothing granted but the refusal kept.
    const eu = gate({ ...OPT_OUT, regionHint: 'DE:opt-in' })
    expect(eu.getConsent()).toMatchObject({ decided: false, choices: { functional: false, analytics: false, marketing: false } })
  })

  it('still is where the visitor turned a refused category on again', async () => {
    const g = gate(OPT_OUT)
    g.update({ analytics: false })
    await until(() => expect($('[data-action="open-preferences"]')).not.toBeNull())
    await g.openPreferences()
    $<HTMLInputElement>('input[name=analytics]')!.click()
    $('[data-action="save"]')!.click()
    g.destroy()
    expect(gate({ ...OPT_OUT, regionHint: 'DE:opt-in' }).getConsent().choices).toMatchObject({
      analytics: true,
      marketing: false,
    })
  })
})

describe('what held', () => {
  it('asks an EU visitor who saw the notice in Japan: its empty choice is no consent', async () => {
    const g = gate({ ...ACME, regionHint: 'JP:notice' })
    g.update({})
    expect(g.getConsent()).toMatchObject({ policy: 'notice', decided: true })
    g.destroy()
    const eu = gate({ ...ACME, regionHint: 'DE:opt-in' })
    expect(eu.getConsent()).toMatchObject({ policy: 'opt-in', decided: false, choices: { analytics: false, marketing: false } })
    await vi.waitFor(() =>
      expect(
        document.querySelector('[data-consent-gate-host]')?.shadowRoot?.querySelector('[data-consent-gate="banner"]'),
      ).toBeTruthy(),
    )
  })

  it('takes no look-alike, padded or doubled hint, and no polluted prototype, as a looser policy', () => {
    const proto = Object.prototype as Record<string, unknown>
    proto['*'] = 'notice'
    proto.DE = 'opt-out'
    try {
      for (const regionHint of [
        'US-CA:opt\u2010out',
        '\uff35\uff33-CA:opt-out',
        ' US-CA:opt-out',
        'US-CA:opt-out\n',
        'US-CA:opt-out US-CA:opt-out',
        'US-CA:OPT-OUT',
        'notice ',
      ]) {
        const g = gate({ ...ACME, regionHint })
        expect(g.getConsent().policy, JSON.stringify(regionHint)).toBe('opt-in')
        g.destroy()
      }
    } finally {
      delete proto['*']
      delete proto.DE
    }
  })

  it('refuses a policies key that is no region, group or `*`, naming it', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'de', 'EEA'])
      expect(() => gate({ ...ACME, policies: JSON.parse(`{"${key}": "opt-out"}`) }), key).toThrow(/policies/)
  })

  it('keeps a never site and a preset to themselves: no hint or region cookie offers anything', async () => {
    vi.spyOn(document, 'cookie', 'get').mockReturnValue('__Host-consent-region=US-CA:opt-out')
    for (const site of ['pigi', 'pisama']) {
      const g = gate({ site, regionHint: 'US-CA:notice' })
      expect(g.getConsent(), site).toMatchObject({ policy: 'opt-in', choices: { analytics: false, marketing: false } })
      g.destroy()
      expect(() => gate({ site, policies: { '*': 'notice' } }), site).toThrow(/policies/)
    }
    await flush()
    expect(layer().filter((e) => e[0] == 'consent' && e[1] == 'update')).toEqual([])
  })
})

describe('cookie names as the browser keeps them', () => {
  it('are not trimmed of Unicode spaces: a sibling may set "\\u00a0__Host-consent-region", which is no __Host- cookie', () => {
    for (const space of ['\u2000', '\u00a0', '\ufeff', '\u3000', '\u2028', '\v', '\f'])
      expect(cookieValues(`a=1; ${space}${REGION_COOKIE}=US-CA:opt-out`, REGION_COOKIE), JSON.stringify(space)).toEqual([])
    // The spaces and tabs around a cookie in a Cookie header or document.cookie are no part of it.
    expect(cookieValues(`a=1;\t${REGION_COOKIE}=US-CA:opt-out ;${REGION_COOKIE}=opt-in`, REGION_COOKIE)).toEqual([
      'US-CA:opt-out',
      'opt-in',
    ])
  })
})
