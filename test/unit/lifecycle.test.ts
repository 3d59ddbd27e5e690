import { afterEach, describe, expect, it, vi } from 'vitest'
import { violations } from '../../src/cookies/tripwire'
import { createConsentGate } from '../../src/gate'
import { GA, gate, settle } from './helpers'

const setGpc = (value: boolean | undefined) =>
  Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })

afterEach(() => setGpc(undefined))

describe('Global Privacy Control', () => {
  it('records a refusal given by the signal, loads nothing, and shows the banner once to say so', async () => {
    setGpc(true)
    const g = gate({ site: 'pisama', ga4: GA })
    await settle()
    expect(g.getConsent()).toMatchObject({ decided: true, choices: { analytics: false } })
    expect(g.receipt()!.via).toBe('gpc')
    expect(document.querySelector('script[src*="googletagmanager"]')).toBeNull()
    expect(document.querySelector('[data-consent-gate-host]')).not.toBeNull()
  })

  it('still lets the visitor opt in explicitly afterwards', () => {
    setGpc(true)
    const g = gate({ site: 'pisama', ga4: GA })
    g.update({ analytics: true })
    expect(g.hasConsent('analytics')).toBe(true)
  })

  it('is ignored when the site turns it off, and when the signal is not exactly true', () => {
    setGpc(true)
    expect(createConsentGate({ site: 'pisama', ga4: GA, gpc: false }).getConsent().decided).toBe(false)
    createConsentGate({ site: 'pisama' }).destroy()
    setGpc('1' as never)
    expect(gate({ site: 'pisama', ga4: GA }).getConsent().decided).toBe(false)
  })
})

describe('receipts', () => {
  it('posts each receipt as JSON without credentials, and a failing endpoint changes nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('offline'))
    const g = gate({ site: 'pisama', ga4: GA, receiptUrl: 'https://proof.example/receipts' })
    g.rejectAll()
    await settle()
    expect(fetch).toHaveBeenCalledTimes(1)
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('https://proof.example/receipts')
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit', keepalive: true })
    expect(JSON.parse(init.body as string)).toEqual(g.receipt())
    expect(g.getConsent().decided).toBe(true)
  })

  it('survives an onConsent callback that throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const g = gate({ site: 'pisama', ga4: GA, onConsent: () => { throw new Error('boom') } })
    g.acceptAll()
    expect(g.hasConsent('analytics')).toBe(true)
    expect(error).toHaveBeenCalled()
  })
})

describe('tripwire', () => {
  const entry = (name: string, cls: string, declared = false) => ({ name, storage: 'cookie' as const, class: cls as never, declared })

  it('flags ungranted categories and undeclared unknowns only', () => {
    const found = violations(
      [entry('_ga', 'analytics'), entry('_fbp', 'marketing'), entry('mystery', 'unknown'), entry('declared', 'unknown', true), entry('PHPSESSID', 'session')],
      { analytics: true, marketing: false },
    )
    expect(found.map((e) => e.name)).toEqual(['_fbp', 'mystery'])
  })

  it('warns once and fires consent-gate:violation for a planted _ga cookie on Pigi', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const seen: string[] = []
    const on = (e: Event) => seen.push((e as CustomEvent).detail.name)
    window.addEventListener('consent-gate:violation', on)
    document.cookie = '_ga=GA1.1.123; Path=/'
    const g = gate({ site: 'pigi' })
    g.acceptAll()
    document.dispatchEvent(new Event('visibilitychange'))
    window.removeEventListener('consent-gate:violation', on)
    expect(seen).toEqual(['_ga'])
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0][0]).toMatch(/cookie "_ga" \(analytics\)/)
  })

  it('stays quiet about declared essentials and granted analytics', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    document.cookie = 'pisama_session=1; Path=/'
    const g = gate({ site: 'pisama', ga4: GA })
    g.acceptAll()
    await settle()
    document.cookie = '_ga=GA1.1.1; Path=/'
    document.dispatchEvent(new Event('visibilitychange'))
    expect(warn.mock.calls).toEqual([])
  })
})

describe('cross-tab', () => {
  it('picks up a choice made in another tab', async () => {
    const g = gate({ site: 'pisama', ga4: GA })
    const changes: boolean[] = []
    g.subscribe((c) => changes.push(c.decided))
    // Another tab writes the cookie and says so on the channel.
    const other = new BroadcastChannel('consent-gate')
    const { encodeRecord } = await import('../../src/consent/record')
    document.cookie = `consent_gate=${encodeRecord({ revision: '1', id: 'othertab12345678', at: Date.now(), expires: Date.now() + 864e5, choices: { analytics: true }, via: 'banner' })}; Path=/`
    other.postMessage(1)
    await settle()
    other.close()
    expect(g.hasConsent('analytics')).toBe(true)
    expect(changes).toEqual([true])
  })
})
