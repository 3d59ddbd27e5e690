import { afterEach, describe, expect, it, vi } from 'vitest'
import { flush, layer, scripts } from './helpers'

/** Runs the script-tag entry as if loaded by `<script data-...>`. */
async function loadTag(attrs: Record<string, string>, config?: object) {
  const tag = document.createElement('script')
  for (const [k, v] of Object.entries(attrs)) tag.setAttribute(k, v)
  document.head.appendChild(tag)
  vi.spyOn(document, 'currentScript', 'get').mockReturnValue(tag)
  if (config) window.ConsentGateConfig = config as never
  vi.resetModules()
  await import('../../src/script-tag')
  return window.ConsentGate
}

afterEach(() => {
  window.ConsentGate?.destroy()
  delete window.ConsentGate
  delete window.ConsentGateConfig
})

describe('script tag', () => {
  it('reads its data-* attributes and exposes window.ConsentGate', async () => {
    const g = await loadTag({ 'data-site': 'pisama', 'data-ga4': 'G-TAG123', 'data-vercel': '', 'data-revision': '4' })
    expect(g).toBeDefined()
    expect(g!.getConsent().categories).toEqual(['analytics'])
    expect(layer()[0].slice(0, 2)).toEqual(['consent', 'default'])
    g!.acceptAll()
    expect(g!.receipt()).toMatchObject({ site: 'pisama', revision: '4' })
    await vi.waitFor(() =>
      expect(scripts()).toEqual(
        expect.arrayContaining([
          'https://www.googletagmanager.com/gtag/js?id=G-TAG123',
          'http://www.pisama.test/_vercel/insights/script.js',
        ]),
      ),
    )
  })

  it('lets window.ConsentGateConfig override the attributes', async () => {
    const g = await loadTag({ 'data-site': 'pisama' }, { site: 'pigi' })
    expect(g!.receipt()).toBeUndefined()
    g!.acceptAll()
    expect(g!.receipt()!.site).toBe('pigi')
    expect(g!.hasConsent('analytics')).toBe(false)
  })

  it('logs one clear error and loads nothing on a bad config', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const g = await loadTag({ 'data-site': 'pigi', 'data-ga4': 'G-TAG123' })
    expect(g).toBeUndefined()
    // The wording is a chunk of its own, fetched only on failure: the error follows it.
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    await flush()
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0][0]).toMatch(/consent-gate: option "ga4" is not allowed on profile "pigi"/)
    expect(layer()).toEqual([])
  })

  it('reports a malformed measurement ID by name', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await loadTag({ 'data-site': 'pisama', 'data-ga4': 'UA-1234-1' })
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    expect(error.mock.calls[0][0]).toBe('consent-gate: option "ga4.measurementId" must look like "G-XXXXXXXXXX", got "UA-1234-1"')
  })

  it('data-ui="off" is headless mode: no banner, and openPreferences fires consent-gate:open', async () => {
    const opened = vi.fn()
    window.addEventListener('consent-gate:open', opened)
    const g = await loadTag({ 'data-site': 'pisama', 'data-ga4': 'G-TAG123', 'data-ui': 'off' })
    await g!.openPreferences()
    window.removeEventListener('consent-gate:open', opened)
    expect(opened).toHaveBeenCalledTimes(1)
    await flush()
    expect(document.querySelector('[data-consent-gate-host]')).toBeNull()
  })
})
