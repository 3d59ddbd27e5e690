import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveConfig, type Options } from '../../../src/config/options'
import { createTrackers } from '../../../src/trackers/index'
import { gatedScripts } from '../../../src/trackers/scripts'
import { addGatedTag, scripts } from '../helpers'

const setup = (options: Omit<Options, 'site'>, over = {}) => ({
  config: resolveConfig({ site: 'pisama', ...options }),
  version: '0.1.0',
  gtag: vi.fn(),
  granted: () => ({ analytics: true, marketing: false, functional: false }),
  ...over,
})
// Trackers watch the page for gated tags while something is granted; each test stops its own.
const made: { stop(): void }[] = []
afterEach(() => made.splice(0).forEach((t) => t.stop()))
const trackers = (s: ReturnType<typeof setup>) => {
  const t = createTrackers(s)
  made.push(t)
  return t
}
const NONE = { functional: false, analytics: false, marketing: false }
const ANALYTICS = { functional: false, analytics: true, marketing: false }

describe('Vercel Web Analytics', () => {
  it('sets up the va queue and script only on grant, with a beforeSend that drops events after withdrawal', () => {
    const { apply } = trackers(setup({ vercel: true }))
    apply(NONE)
    expect(scripts()).toEqual([])
    apply(ANALYTICS)
    apply(ANALYTICS)
    expect(scripts()).toEqual(['http://www.pisama.test/_vercel/insights/script.js'])
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
    trackers(setup({ ga4: { measurementId: 'G-ABC' }, nonce: 'n0nce' }, { gtag })).apply(ANALYTICS)
    const el = document.querySelector('script')!
    expect(el.src).toBe('https://www.googletagmanager.com/gtag/js?id=G-ABC')
    expect(el.nonce).toBe('n0nce')
    expect(gtag.mock.calls.map((c) => c[0])).toEqual(['js', 'config'])
    expect(gtag.mock.calls[1][1]).toBe('G-ABC')
  })

  it('re-enables GA after a withdrawal without loading gtag.js again', () => {
    const { apply } = trackers(setup({ ga4: { measurementId: 'G-ABC', scriptUrl: '/gtag.js' } }))
    const w = window as unknown as Record<string, unknown>
    apply(ANALYTICS)
    apply(NONE)
    expect(w['ga-disable-G-ABC']).toBe(true)
    apply(ANALYTICS)
    expect(w['ga-disable-G-ABC']).toBe(false)
    expect(scripts()).toEqual(['http://www.pisama.test/gtag.js?id=G-ABC'])
  })
})

describe('gated script tags', () => {
  it('activates a granted category once, copying attributes and inline code', () => {
    document.body.innerHTML =
      '<script type="text/plain" data-consent="analytics" src="/a.js" data-x="1"></script>' +
      '<script type="text/plain" data-consent="analytics">window.__ran = (window.__ran || 0) + 1</script>' +
      '<script type="text/plain" data-consent="marketing" src="/m.js"></script>'
    const run = gatedScripts((c) => c === 'analytics')
    run(false)
    run(false)
    const all = Array.from(document.querySelectorAll('script'))
    expect(all.map((s) => s.type)).toEqual(['', '', 'text/plain'])
    expect(all[0].getAttribute('src')).toBe('/a.js')
    expect(all[0].dataset.x).toBe('1')
    expect(all[0].dataset.consentActivated).toBe('analytics')
    expect(all[1].text).toContain('__ran')
  })
})

describe('gated tags added later', () => {
  it('runs a tag an app inserts while its category is granted, and stops watching once refused', async () => {
    let allowed = true
    const run = gatedScripts((c) => allowed && c === 'analytics')
    made.push(run)
    run(true)
    const late = addGatedTag('analytics', '/late.js')
    await vi.waitFor(() => expect(document.querySelector('script[data-consent-activated]')?.getAttribute('src')).toBe('/late.js'))
    allowed = false
    run(false)
    const later = late.cloneNode() as HTMLScriptElement
    later.setAttribute('type', 'text/plain')
    later.setAttribute('data-consent', 'analytics')
    later.removeAttribute('data-consent-activated')
    document.body.append(later)
    await new Promise((r) => setTimeout(r))
    expect(later.isConnected && later.type).toBe('text/plain')
  })

  it('stops watching when the gate is destroyed', async () => {
    const run = gatedScripts((c) => c === 'analytics')
    run(true)
    run.stop()
    document.body.innerHTML = '<script type="text/plain" data-consent="analytics" src="/x.js"></script>'
    await new Promise((r) => setTimeout(r))
    expect(document.querySelector('script')!.type).toBe('text/plain')
  })

  it('runs one tag even when another is refused by the browser', () => {
    document.body.innerHTML =
      '<script type="text/plain" data-consent="analytics" src="/a.js"></script><script type="text/plain" data-consent="analytics" src="/b.js"></script>'
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const real = HTMLScriptElement.prototype.setAttribute
    vi.spyOn(HTMLScriptElement.prototype, 'setAttribute').mockImplementationOnce(() => {
      throw new TypeError('refused')
    })
    void real
    gatedScripts((c) => c === 'analytics')(false)
    expect(error).toHaveBeenCalledTimes(1)
    expect(document.querySelectorAll('script[data-consent-activated]')).toHaveLength(1)
  })
})

describe('gated tags and the page nonce', () => {
  it('leaves a tag without the page nonce alone on a page that uses one: injected markup is not the site', () => {
    document.body.innerHTML =
      '<script type="text/plain" data-consent="analytics" src="/a.js" nonce="n0nce"></script><script type="text/plain" data-consent="analytics" src="/evil.js"></script>'
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    gatedScripts((c) => c === 'analytics', 'n0nce')(false)
    expect(Array.from(document.querySelectorAll('script[data-consent-activated]'), (s) => s.getAttribute('src'))).toEqual([
      '/a.js',
    ])
    expect(error).toHaveBeenCalledTimes(1)
  })

  it('asks what is granted when a tag appears, so a withdrawal in the same task is honoured', async () => {
    let allowed = true
    const run = gatedScripts((c) => allowed && c === 'analytics')
    made.push(run)
    run(true)
    const late = addGatedTag('analytics')
    allowed = false
    await new Promise((r) => setTimeout(r))
    expect(late.isConnected && late.type).toBe('text/plain')
  })
})
