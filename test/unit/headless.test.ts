import { beforeEach, describe, expect, it, vi } from 'vitest'
import { resolveConfig } from '../../src/config/options'
import { encodeRecord } from '../../src/consent/record'
import { mount } from '../../src/ui/index'
import { flush, GA, gate, layer } from './helpers'

// The real UI chunk, watched, so a test can tell it was never used.
vi.mock('../../src/ui/index', async (real) => {
  const m = await real<typeof import('../../src/ui/index')>()
  return { ...m, mount: vi.fn(m.mount) }
})
beforeEach(() => {
  vi.mocked(mount).mockClear()
})

const host = () => document.querySelector('[data-consent-gate-host]')
const FUNCTIONAL = { site: 'pisama', ga4: GA, categories: ['functional' as const] }

describe('headless mode (ui: false)', () => {
  it('is an option checked like the others', () => {
    expect(resolveConfig({ site: 'pisama' }).ui).toBe(true)
    expect(resolveConfig({ site: 'pisama', ui: false }).ui).toBe(false)
    expect(() => resolveConfig({ site: 'pisama', ui: 'off' as never })).toThrow(/option "ui"/)
  })

  it('fetches no banner or dialog, and says a choice is needed through the API', async () => {
    const g = gate({ site: 'pisama', ga4: GA, ui: false })
    await flush()
    expect(mount).not.toHaveBeenCalled()
    expect(host()).toBeNull()
    const c = g.getConsent()
    expect(c.decided === false && c.categories.length > 0).toBe(true)
  })

  it('carries out a choice from the site’s own banner: Consent Mode, receipts, listeners', async () => {
    const seen = vi.fn()
    const g = gate({ site: 'pisama', ga4: GA, ui: false })
    g.subscribe(seen)
    g.acceptAll()
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ decided: true }))
    expect(layer().at(-2)).toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'granted' })])
    expect(g.receipt()).toMatchObject({ via: 'api', choices: { analytics: true } })
    await flush()
    expect(mount).not.toHaveBeenCalled()
  })

  it('openPreferences fires consent-gate:open for the site’s own dialog, also from [data-consent-open]', async () => {
    const opened = vi.fn()
    window.addEventListener('consent-gate:open', opened)
    try {
      const g = gate({ site: 'pisama', ga4: GA, ui: false })
      await g.openPreferences()
      expect(opened).toHaveBeenCalledTimes(1)
      expect((opened.mock.calls[0][0] as CustomEvent).detail).toMatchObject({ decided: false, categories: ['analytics'] })
      document.body.innerHTML = '<button data-consent-open>Cookies</button>'
      document.querySelector('button')!.click()
      expect(opened).toHaveBeenCalledTimes(2)
      await flush()
      expect(mount).not.toHaveBeenCalled()
    } finally {
      window.removeEventListener('consent-gate:open', opened)
    }
  })

  it('fires no open event on a site with nothing to ask', async () => {
    const opened = vi.fn()
    window.addEventListener('consent-gate:open', opened)
    await gate({ site: 'pigi', ui: false }).openPreferences()
    window.removeEventListener('consent-gate:open', opened)
    expect(opened).not.toHaveBeenCalled()
  })

  it('still shows embeds’ placeholders', async () => {
    document.body.innerHTML =
      '<iframe data-consent="marketing" data-src="https://player.vimeo.com/video/1" title="Video"></iframe>'
    gate({ site: 'pisama', ga4: GA, categories: ['marketing'], ui: false })
    await vi.waitFor(() => expect(document.querySelector('[data-consent-placeholder]')).not.toBeNull())
    expect(mount).not.toHaveBeenCalled()
  })
})

describe('a returning visitor and a newly offered category', () => {
  const plant = (choices: object) => {
    const at = Date.now()
    document.cookie = `consent_gate=${encodeRecord({ revision: '1', id: 'planted12345678', at, expires: at + 864e5, choices, via: 'banner' })}; Path=/`
  }

  it('keeps the old choices and shows the banner again, whose buttons set only the new category', async () => {
    plant({ analytics: true, marketing: false })
    const g = gate(FUNCTIONAL)
    expect(g.getConsent()).toMatchObject({ decided: false, choices: { functional: false, analytics: true } })
    expect(g.hasConsent('analytics')).toBe(true)
    await vi.waitFor(() => expect(host()?.shadowRoot?.querySelector('[data-action="reject-all"]')).toBeTruthy())
    host()!.shadowRoot!.querySelector<HTMLElement>('[data-action="reject-all"]')!.click()
    expect(g.getConsent()).toMatchObject({ decided: true, choices: { functional: false, analytics: true } })
    expect(g.receipt()!.choices).toEqual({ functional: false, analytics: true })
  })

  it('shows no banner to a visitor who chose every offered category', async () => {
    plant({ analytics: true })
    const g = gate({ site: 'pisama', ga4: GA })
    await flush()
    expect(g.getConsent().decided).toBe(true)
    expect(mount).not.toHaveBeenCalled()
  })

  it('with GPC, refuses only the new category', async () => {
    plant({ analytics: true })
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
    try {
      const g = gate(FUNCTIONAL)
      expect(g.getConsent()).toMatchObject({ decided: true, choices: { functional: false, analytics: true } })
      expect(g.receipt()!.via).toBe('gpc')
    } finally {
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true })
    }
  })

  it('Consent Mode defaults deny functional storage and grant security storage', () => {
    gate(FUNCTIONAL)
    expect(layer()[0][2]).toMatchObject({
      functionality_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'granted',
      analytics_storage: 'denied',
    })
  })
})
