import { afterEach, describe, expect, it, vi } from 'vitest'
import { layer, scripts } from '../helpers'
import { warned } from './common'

/** Runs the script-tag entry as if loaded by `<script data-...>`. */
async function loadTag(attrs: Record<string, string>) {
  const tag = document.createElement('script')
  for (const [k, v] of Object.entries(attrs)) tag.setAttribute(k, v)
  document.head.appendChild(tag)
  vi.spyOn(document, 'currentScript', 'get').mockReturnValue(tag)
  vi.resetModules()
  await import('../../../src/script-tag')
  return window.ConsentGate!
}

afterEach(() => {
  window.ConsentGate?.destroy()
  delete window.ConsentGate
})

describe('the script tag names the new trackers', () => {
  it('data-gtm, data-clarity and data-uet turn them on', async () => {
    const g = await loadTag({ 'data-site': 'acme', 'data-gtm': 'GTM-AB12CD3', 'data-clarity': 'abc123', 'data-uet': '1234' })
    expect(g.getConsent().categories).toEqual(['analytics', 'marketing'])
    g.acceptAll()
    await vi.waitFor(() =>
      expect(scripts().filter(Boolean).sort()).toEqual([
        'https://bat.bing.com/bat.js',
        'https://www.clarity.ms/tag/abc123',
        'https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD3',
      ]),
    )
  })

  it('data-consent-mode="advanced" loads the container at once', async () => {
    warned()
    await loadTag({ 'data-site': 'acme', 'data-gtm': 'GTM-AB12CD3', 'data-consent-mode': 'advanced' })
    await vi.waitFor(() => expect(scripts().filter(Boolean)).toEqual(['https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD3']))
    expect(layer()[0].slice(0, 2)).toEqual(['consent', 'default'])
  })

  it('a bad id is refused by its option, and nothing loads', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await loadTag({ 'data-site': 'acme', 'data-uet': 'tag-1' })
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringContaining('option "uet.tagId"')))
    expect(window.ConsentGate).toBeUndefined()
  })
})
