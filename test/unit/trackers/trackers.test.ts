import { describe, expect, it, vi } from 'vitest'
import { resolveConfig, type Options } from '../../../src/config/options'
import { clearCookie } from '../../../src/cookies/clear'
import { createTrackers } from '../../../src/trackers/index'
import { activateScripts } from '../../../src/trackers/scripts'
import { scripts } from '../helpers'

const setup = (options: Omit<Options, 'site'>, over = {}) => ({
  config: resolveConfig({ site: 'pisama', ...options }),
  version: '0.1.0',
  gtag: vi.fn(),
  cookieNames: () => [],
  ...over,
})
const NONE = { analytics: false, marketing: false }
const ANALYTICS = { analytics: true, marketing: false }

describe('Vercel Web Analytics', () => {
  it('sets up the va queue and script only on grant, with a beforeSend that drops events after withdrawal', () => {
    const apply = createTrackers(setup({ vercel: true }))
    apply(NONE)
    expect(scripts()).toEqual([])
    apply(ANALYTICS)
    apply(ANALYTICS)
    expect(scripts()).toEqual(['/_vercel/insights/script.js'])
    const el = document.querySelector('script')!
    expect(el.dataset.sdkn).toBe('consent-gate')
    expect(el.async).toBe(true)
    const w = window as unknown as { vaq: IArguments[] }
    const [name, beforeSend] = Array.from(w.vaq[0]) as [string, (e: unknown) => unknown]
    expect(name).toBe('beforeSend')
    expect(beforeSend({ type: 'pageview' })).toEqual({ type: 'pageview' })
    apply(NONE)
    expect(beforeSend({ type: 'pageview' })).toBeNull()
  })
})

describe('GA4', () => {
  it('injects gtag.js with the page nonce and sends js then config', () => {
    const gtag = vi.fn()
    createTrackers(setup({ ga4: { measurementId: 'G-ABC' }, nonce: 'n0nce' }, { gtag }))(ANALYTICS)
    const el = document.querySelector('script')!
    expect(el.src).toBe('https://www.googletagmanager.com/gtag/js?id=G-ABC')
    expect(el.nonce).toBe('n0nce')
    expect(gtag.mock.calls.map((c) => c[0])).toEqual(['js', 'config'])
    expect(gtag.mock.calls[1][1]).toBe('G-ABC')
  })

  it('re-enables GA after a withdrawal without loading gtag.js again', () => {
    const apply = createTrackers(setup({ ga4: { measurementId: 'G-ABC', scriptUrl: '/gtag.js' } }))
    const w = window as unknown as Record<string, unknown>
    apply(ANALYTICS)
    apply(NONE)
    expect(w['ga-disable-G-ABC']).toBe(true)
    apply(ANALYTICS)
    expect(w['ga-disable-G-ABC']).toBe(false)
    expect(scripts()).toEqual(['/gtag.js?id=G-ABC'])
  })
})

describe('gated script tags', () => {
  it('activates a granted category once, copying attributes and inline code', () => {
    document.body.innerHTML =
      '<script type="text/plain" data-consent="analytics" src="/a.js" data-x="1"></script>' +
      '<script type="text/plain" data-consent="analytics">window.__ran = (window.__ran || 0) + 1</script>' +
      '<script type="text/plain" data-consent="marketing" src="/m.js"></script>'
    activateScripts((c) => c === 'analytics')
    activateScripts((c) => c === 'analytics')
    const all = Array.from(document.querySelectorAll('script'))
    expect(all.map((s) => s.type)).toEqual(['', '', 'text/plain'])
    expect(all[0].getAttribute('src')).toBe('/a.js')
    expect(all[0].dataset.x).toBe('1')
    expect(all[0].dataset.consentActivated).toBe('analytics')
    expect(all[1].text).toContain('__ran')
  })
})

describe('clearCookie', () => {
  it('expires the cookie host-only and on every parent domain, never on the bare TLD', () => {
    const set = vi.spyOn(document, 'cookie', 'set')
    clearCookie('_ga', 'www.a.example.com')
    const writes = set.mock.calls.map((c) => String(c[0]))
    expect(writes.map((w) => w.match(/domain=([^;]*)/i)?.[1] ?? 'host')).toEqual([
      'host',
      '.www.a.example.com',
      '.a.example.com',
      '.example.com',
    ])
    for (const w of writes) {
      expect(w).toMatch(/^_ga=;.*path=\//i)
      expect(Date.parse(w.match(/expires=([^;]*)/i)![1])).toBeLessThan(Date.now())
    }
  })
})
