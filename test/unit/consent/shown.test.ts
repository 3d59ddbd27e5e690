import { createHash } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import type { Banner, Details } from '../../../src/config/strings'
import { serialise, shownTexts, wording } from '../../../src/consent/shown'
import en from '../../../src/ui/messages/en'
import enDetails from '../../../src/ui/messages/en-details'

const SITE = { categories: ['analytics'] as const, policyUrl: 'https://www.acme.example/privacy?v=2#cookies' }
const ORIGIN = ['https://www.acme.example']
const sha = (text: string) => createHash('sha256').update(text).digest('base64url')

describe('what a surface showed, as one text', () => {
  it('is the same text whatever order the texts were given in', () => {
    const reversed = Object.fromEntries(Object.entries(en).reverse()) as Banner
    const strings = { title: 'Cookies at Acme', acceptAll: 'Yes' }
    const a = shownTexts('en', en, undefined, strings, SITE, ORIGIN)
    const b = shownTexts('en', reversed, undefined, { acceptAll: 'Yes', title: 'Cookies at Acme' }, SITE, ORIGIN)
    expect(serialise(a)).toBe(serialise(b))
    expect(Object.keys(a.texts)).not.toEqual(Object.keys(b.texts))
  })

  it("puts the site's texts over ours, and changes with any of them", () => {
    const plain = shownTexts('en', en, undefined, {}, SITE, ORIGIN)
    const site = shownTexts('en', en, undefined, { title: 'Cookies at Acme' }, SITE, ORIGIN)
    expect(site.texts.title).toBe('Cookies at Acme')
    expect(plain.texts.title).toBe(en.title)
    expect(serialise(site)).not.toBe(serialise(plain))
    expect(serialise(shownTexts('de', en, undefined, {}, SITE, ORIGIN))).not.toBe(serialise(plain))
    expect(serialise(shownTexts('en', en, undefined, {}, { ...SITE, policyUrl: undefined }, ORIGIN))).not.toBe(serialise(plain))
  })

  it('holds the banner texts for the banner, every text for the dialog, and only offered categories', () => {
    const banner = shownTexts('en', en, undefined, { prefsTitle: 'Not on the banner' }, SITE, ORIGIN)
    expect(Object.keys(banner.texts).sort()).toEqual(
      Object.keys(en)
        .filter((k) => !/^(marketing|functional)/.test(k))
        .sort(),
    )
    expect(banner.texts.analyticsLine).toBe(en.analyticsLine)
    expect(banner.texts).not.toHaveProperty('marketingLine')
    expect(banner.categories).toEqual(['analytics'])

    const dialog = shownTexts('en', en, enDetails as Details, { about: { acme_cart: 'Keeps your cart' } }, SITE, ORIGIN)
    expect(dialog.texts).toMatchObject({
      prefsTitle: enDetails.prefsTitle,
      analytics: enDetails.analytics,
      analyticsBody: enDetails.analyticsBody,
      'about._ga': enDetails.about._ga,
      'about.acme_cart': 'Keeps your cart',
    })
    expect(dialog.texts).not.toHaveProperty('marketingBody')
    expect(dialog.texts).not.toHaveProperty('about')
  })

  it('writes a policy on the page’s own origin as its path, and one elsewhere in full', () => {
    expect(shownTexts('en', en, undefined, {}, SITE, ORIGIN).policyUrl).toBe('/privacy?v=2#cookies')
    expect(shownTexts('en', en, undefined, {}, SITE, ['https://other.example']).policyUrl).toBe(SITE.policyUrl)
    expect(shownTexts('en', en, undefined, {}, { ...SITE, policyUrl: undefined }, ORIGIN).policyUrl).toBe('')
  })

  it('is JSON of a versioned array, its texts sorted by key', () => {
    const text = serialise({ lang: 'en', policyUrl: '/p', categories: ['analytics'], texts: { b: '2', a: '1\u2028"' } })
    expect(text).toBe('["consent-gate wording 1","en","/p",["analytics"],[["a","1\u2028\\""],["b","2"]]]')
  })
})

describe('the wording digest', () => {
  it('is SHA-256 of that text, in base64url without padding', async () => {
    const shown = shownTexts('ja', en, enDetails as Details, { title: 'クッキー 🍪' }, SITE, ORIGIN)
    const digest = await wording(shown)
    expect(digest).toMatch(/^[\w-]{43}$/)
    expect(digest).toBe(sha(serialise(shown)))
  })

  it('is left out where the browser has no crypto.subtle (a page on plain http)', async () => {
    vi.stubGlobal('crypto', {})
    try {
      expect(await wording(shownTexts('en', en, undefined, {}, SITE, ORIGIN))).toBeUndefined()
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
