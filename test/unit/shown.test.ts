// Receipts say what was shown: every choice's receipt, grant, refusal, GPC refusal or withdrawal,
// is told and sent, with the language and the digest of the texts of the surface it was made in,
// and the server's wordingOf gives the same digest for the same options.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Options } from '../../src/config/options'
import { encodeRecord } from '../../src/consent/record'
import type { Receipt } from '../../src/consent/receipt'
import { wordingOf } from '../../src/server'
import { BUILT_IN } from '../../src/server/texts'
import { LANGUAGES } from '../../src/ui/language'
import { flush, GA, gate } from './helpers'
import { layout } from './ui/embeds/layout'

const setGpc = (value: boolean | undefined) =>
  Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })
afterEach(() => setGpc(undefined))

const root = () => document.querySelector('[data-consent-gate-host]')?.shadowRoot
const press = async (surface: string, action: string) => {
  await vi.waitFor(() => expect(root()?.querySelector(`[data-consent-gate="${surface}"] [data-action="${action}"]`)).toBeTruthy())
  root()!.querySelector<HTMLElement>(`[data-consent-gate="${surface}"] [data-action="${action}"]`)!.click()
  // What a click starts, its receipt included, waits for the next frame.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r)))
}

/** A gate whose receipts are collected as POSTed and as `onConsent` heard them. */
function site(options: Options) {
  const posted: Receipt[] = []
  const heard: Receipt[] = []
  vi.spyOn(window, 'fetch').mockImplementation(async (_url, init) => {
    posted.push(JSON.parse(String((init as RequestInit).body)))
    return new Response(null, { status: 204 })
  })
  const g = gate({ receiptUrl: '/receipts', onConsent: (r) => heard.push(r), ...options })
  return { g, posted, heard }
}

const PISAMA: Options = { site: 'pisama', ga4: GA, policyUrl: '/privacy' }

describe('receipts say what was shown', () => {
  it("a banner choice: the banner's language and wording, no GPC signal, the same everywhere", async () => {
    const { g, posted, heard } = site(PISAMA)
    await press('banner', 'reject-all')
    const receipt = g.receipt()!
    const { digest } = await wordingOf(PISAMA, 'en')
    expect(receipt).toMatchObject({ via: 'banner', lang: 'en', wording: digest, gpc: false, choices: { analytics: false } })
    expect(posted).toEqual([receipt])
    expect(heard).toEqual([receipt])
  })

  it("a dialog choice: the dialog's wording, which differs from the banner's", async () => {
    const { g, posted } = site(PISAMA)
    await g.openPreferences()
    await press('preferences', 'save')
    const dialog = await wordingOf(PISAMA, 'en', { surface: 'dialog' })
    expect(posted).toEqual([expect.objectContaining({ via: 'dialog', lang: 'en', wording: dialog.digest, gpc: false })])
    expect(dialog.digest).not.toBe((await wordingOf(PISAMA, 'en')).digest)
  })

  it("in the visitor's language, with the site's own texts for it, and in a language the site added", async () => {
    const options: Options = {
      ...PISAMA,
      lang: 'de',
      texts: { de: { title: 'Cookies bei Pisama' }, sw: { acceptAll: 'Kubali zote' } },
    }
    const de = site(options)
    await press('banner', 'accept-all')
    expect(de.posted[0]).toMatchObject({ lang: 'de', wording: (await wordingOf(options, 'de')).digest })
    expect((await wordingOf(options, 'de')).texts.title).toBe('Cookies bei Pisama')
    de.g.destroy()
    document.cookie = 'consent_gate=; Max-Age=0; Path=/'

    const sw = site({ ...options, lang: 'sw' })
    await press('banner', 'accept-all')
    expect(sw.posted[0]).toMatchObject({ lang: 'sw', wording: (await wordingOf(options, 'sw')).digest })
    expect((await wordingOf(options, 'sw')).texts).toMatchObject({ acceptAll: 'Kubali zote', rejectAll: 'Reject all' })
  })

  it.each([
    ['the embed’s wording', true],
    ['on a headless site, which never fetches the banner’s chunk, the language alone', false],
  ])("an embed's always-allow: %s", async (_, ui) => {
    layout()
    document.body.innerHTML = `<iframe data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315"></iframe>`
    const options: Options = { ...PISAMA, categories: ['marketing'], ui }
    const { posted } = site(options)
    const placeholder = () => document.querySelector<HTMLElement>('[data-consent-placeholder]')
    await vi.waitFor(() => expect(placeholder()).toBeTruthy())
    placeholder()!.shadowRoot!.querySelector<HTMLElement>('[data-action="allow-embed"]')!.click()
    const allow = () =>
      document.querySelector('[data-consent-confirm]')?.shadowRoot?.querySelector<HTMLButtonElement>('[data-action="allow"]')
    // Allow is pressable half a second after it shows.
    await vi.waitFor(() => expect(allow()?.disabled).toBe(false), { timeout: 5000 })
    allow()!.click()
    await vi.waitFor(() => expect(posted).toHaveLength(1))
    const embed = await wordingOf(options, 'en', { surface: 'embed' })
    expect(posted[0]).toMatchObject({ via: 'embed', lang: 'en', choices: { marketing: true } })
    expect(posted[0].wording).toBe(ui ? embed.digest : undefined)
  })

  it('a choice through the API was shown nothing: no language, no wording', () => {
    const { g, posted } = site(PISAMA)
    g.acceptAll()
    expect(posted).toEqual([g.receipt()])
    expect(posted[0]).toMatchObject({ via: 'api', gpc: false })
    expect(posted[0]).not.toHaveProperty('lang')
    expect(posted[0]).not.toHaveProperty('wording')
  })

  it('a GPC refusal, and a grant made over it, each say the signal was there', async () => {
    setGpc(true)
    const { g, posted, heard } = site(PISAMA)
    await vi.waitFor(() => expect(posted).toHaveLength(1))
    expect(posted[0]).toMatchObject({ via: 'gpc', gpc: true, choices: { analytics: false } })
    expect(posted[0]).not.toHaveProperty('wording')
    await g.openPreferences()
    root()!.querySelector<HTMLInputElement>('input[name="analytics"]')!.click()
    await press('preferences', 'save')
    expect(posted[1]).toMatchObject({ via: 'dialog', gpc: true, lang: 'en', choices: { analytics: true } })
    expect(heard).toEqual(posted)
  })

  it('a grant, then its withdrawal, are two receipts, both sent', async () => {
    const { g, posted } = site(PISAMA)
    await press('banner', 'accept-all')
    g.update({ analytics: false })
    expect(posted.map((r) => [r.via, r.choices.analytics])).toEqual([
      ['banner', true],
      ['api', false],
    ])
    expect(new Set(posted.map((r) => r.consentId)).size).toBe(1)
  })

  it('a choice made in another tab is sent by that tab only; here receipt() proves it without what this tab did not see', async () => {
    const { g, posted } = site(PISAMA)
    await press('banner', 'accept-all')
    expect(posted).toHaveLength(1)
    dispatchEvent(new Event('pointerdown'))
    await flush()
    const other = new BroadcastChannel('consent-gate')
    document.cookie = `consent_gate=${encodeRecord({ revision: '1', id: g.receipt()!.consentId, at: Date.now() + 1, expires: Date.now() + 864e5, choices: { analytics: false }, via: 'dialog' })}; Path=/`
    other.postMessage(1)
    await vi.waitFor(() => expect(g.hasConsent('analytics')).toBe(false))
    other.close()
    await flush()
    expect(posted).toHaveLength(1)
    const receipt = g.receipt()!
    expect(receipt).toMatchObject({ via: 'dialog', choices: { analytics: false } })
    expect(Object.keys(receipt)).not.toEqual(expect.arrayContaining(['lang']))
    expect(Object.keys(receipt)).not.toEqual(expect.arrayContaining(['wording']))
    expect(Object.keys(receipt)).not.toEqual(expect.arrayContaining(['gpc']))
  })
})

describe('wordingOf', () => {
  it("knows every language's texts, as the browser loads them", async () => {
    expect(Object.keys(BUILT_IN).sort()).toEqual([...LANGUAGES].sort())
    for (const lang of LANGUAGES) {
      const [banner, details] = BUILT_IN[lang]
      expect(banner).toEqual((await import(`../../src/ui/messages/${lang}.ts`)).default)
      expect(details).toEqual((await (await import(`../../src/ui/messages/${lang}.ts`)).details()).default)
    }
  })

  it('refuses a language neither shipped nor added, a surface that shows nothing, and bad options', async () => {
    await expect(wordingOf(PISAMA, 'xx')).rejects.toThrow(/"xx" is not a language/)
    await expect(wordingOf(PISAMA, 'en', { surface: 'api' as never })).rejects.toThrow(/surface must be/)
    await expect(wordingOf({ ...PISAMA, policyUrl: 'javascript:alert(1)' }, 'en')).rejects.toThrow(/policyUrl/)
  })

  it("writes the site's own policy as a path, given its origin", async () => {
    const full = { ...PISAMA, policyUrl: 'https://www.acme.example/privacy' }
    const elsewhere = await wordingOf(full, 'en')
    expect(elsewhere.policyUrl).toBe('https://www.acme.example/privacy')
    const own = await wordingOf(full, 'en', { origin: 'https://www.acme.example' })
    expect(own.policyUrl).toBe('/privacy')
    // As the page on www.acme.example hashes it, whether its option said the path or the full URL.
    expect(own.digest).toBe((await wordingOf(PISAMA, 'en')).digest)
    expect(own.digest).not.toBe(elsewhere.digest)
  })
})
