// What a visitor under opt-out or notice rules sees (docs/ui.md#opt-out-and-notice): the "Your
// privacy choices" link, the dialog's opt-out, and the notice. Through the whole gate, so the
// chunks, texts and choices are the ones a page gets.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Options } from '../../../src/config/options'
import { LANGUAGES } from '../../../src/ui/language'
import en from '../../../src/ui/messages/en-choices'
import { GA, gate } from '../helpers'

const ACME: Options = {
  site: 'acme',
  ga4: GA,
  uet: { tagId: '12345678' },
  categories: ['functional', 'analytics', 'marketing'],
  policyUrl: '/privacy',
  policies: { 'us-privacy': 'opt-out', JP: 'notice' },
}
const OPT_OUT: Options = { ...ACME, regionHint: 'US-CA:opt-out' }
const NOTICE: Options = { ...ACME, regionHint: 'JP:notice' }

const gpc = (value: boolean | undefined) =>
  Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })
afterEach(() => gpc(undefined))

// Generous: on a loaded machine a chunk may take its time.
const until = (check: () => void) => vi.waitFor(check, { timeout: 15_000 })
const root = () => document.querySelector('[data-consent-gate-host]')?.shadowRoot
const $ = <T extends HTMLElement = HTMLElement>(sel: string) => root()?.querySelector<T>(sel) ?? null
const text = (sel: string) => $(sel)?.textContent
const corner = () => $('[data-action="open-preferences"]')
const dialog = () => $('[data-consent-gate="preferences"]')
const switches = () => Object.fromEntries(Array.from(dialog()!.querySelectorAll('input')).map((i) => [i.name, i.checked]))

describe('the "Your privacy choices" link under opt-out', () => {
  it('is a small link of ours in a corner where the page has no place for it, and no banner shows', async () => {
    gate(OPT_OUT)
    await until(() => expect(corner()?.textContent).toBe(en.choicesLink))
    expect($('[data-consent-gate="banner"]')).toBeNull()
    expect($('[data-consent-gate="notice"]')).toBeNull()
    corner()!.click()
    await until(() => expect(dialog()).not.toBeNull())
    expect(text('#cg-prefs')).toBe(en.choicesTitle)
    expect(dialog()!.textContent).toContain(en.choicesBody)
  })

  it("goes in the page's own [data-consent-choices]: a link kept as it is, labelled where empty, and no corner link", async () => {
    document.body.innerHTML =
      '<footer><a href="/privacy#choices" data-consent-choices></a> <a href="/x" data-consent-choices>Opt-out</a></footer>'
    const onOpen = vi.fn()
    gate(OPT_OUT)
    const [empty, worded] = Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-consent-choices]'))
    await until(() => expect(empty.textContent).toBe(en.choicesLink))
    expect(worded.textContent).toBe('Opt-out')
    expect(corner()).toBeNull()
    // The link opens the dialog rather than leaving the page.
    window.addEventListener('click', onOpen)
    worded.click()
    await until(() => expect(dialog()).not.toBeNull())
    expect(onOpen.mock.calls[0][0].defaultPrevented).toBe(true)
    window.removeEventListener('click', onOpen)
  })

  it('puts a button inside any other element, and takes it away with the gate', async () => {
    document.body.innerHTML = '<footer><span data-consent-choices></span></footer>'
    const g = gate(OPT_OUT)
    const place = document.querySelector('[data-consent-choices]')!
    await until(() => expect(place.querySelector('button')?.textContent).toBe(en.choicesLink))
    place.querySelector('button')!.click()
    await until(() => expect(dialog()).not.toBeNull())
    g.destroy()
    expect(place.innerHTML).toBe('')
  })
})

describe("the dialog's opt-out", () => {
  it('refuses exactly what is sold or shared (analytics and marketing), via the dialog, and says so', async () => {
    const onConsent = vi.fn()
    const g = gate({ ...OPT_OUT, onConsent })
    await until(() => expect(corner()).not.toBeNull())
    g.update({ functional: false })
    await g.openPreferences()
    expect(switches()).toEqual({ functional: false, analytics: true, marketing: true })
    expect(text('[data-consent-gate="opted-out"]')).toBeUndefined()
    $('[data-action="opt-out"]')!.click()
    // The receipt goes after the next paint; the opt-out, a withdrawal, counts at once.
    expect(g.getConsent().choices).toMatchObject({ functional: false, analytics: false, marketing: false })
    await until(() => expect(onConsent).toHaveBeenCalledTimes(2))
    expect(onConsent).toHaveBeenLastCalledWith(
      expect.objectContaining({
        via: 'dialog',
        policy: 'opt-out',
        choices: { functional: false, analytics: false, marketing: false },
      }),
    )
    expect(g.getConsent().choices).toMatchObject({ functional: false, analytics: false, marketing: false })
    // The dialog stays, saying it is done, with its switches drawn afresh and focus on what it says.
    expect(text('[data-consent-gate="opted-out"]')).toBe(en.optedOut)
    expect($('[data-action="opt-out"]')).toBeNull()
    expect(switches()).toEqual({ functional: false, analytics: false, marketing: false })
    expect(root()!.activeElement).toBe($('[data-consent-gate="opted-out"]'))
  })

  it('leaves a functional choice alone: the opt-out is of sale and sharing only', async () => {
    const onConsent = vi.fn()
    gate({ ...OPT_OUT, onConsent })
    await until(() => expect(corner()).not.toBeNull())
    corner()!.click()
    await until(() => expect(dialog()).not.toBeNull())
    $('[data-action="opt-out"]')!.click()
    await until(() => expect(onConsent).toHaveBeenCalled())
    expect(onConsent.mock.calls.at(-1)![0].choices).toEqual({ analytics: false, marketing: false })
    expect(switches().functional).toBe(true)
  })

  it('says that a Global Privacy Control signal was honoured, and offers no opt-out to repeat it', async () => {
    gpc(true)
    const g = gate(OPT_OUT)
    await until(() => expect(corner()).not.toBeNull())
    expect(g.receipt()?.via).toBe('gpc')
    await g.openPreferences()
    expect(text('[data-consent-gate="opted-out"]')).toBe(en.gpcHonoured)
    expect($('[data-action="opt-out"]')).toBeNull()
    expect(switches()).toEqual({ functional: true, analytics: false, marketing: false })
  })

  it('no longer credits the signal once the visitor chose in the dialog', async () => {
    gpc(true)
    const g = gate(OPT_OUT)
    await until(() => expect(corner()).not.toBeNull())
    await g.openPreferences()
    $('[data-action="save"]')!.click()
    await g.openPreferences()
    expect(text('[data-consent-gate="opted-out"]')).toBe(en.optedOut)
  })
})

describe('the notice', () => {
  it('informs on a first visit: its title and text, the policy link, the choices and one OK, and takes focus', async () => {
    gate(NOTICE)
    await until(() => expect($('[data-consent-gate="notice"]')).not.toBeNull())
    const notice = $('[data-consent-gate="notice"]')!
    expect(notice.getAttribute('role')).toBe('region')
    expect(text('#cg-title')).toBe(en.noticeTitle)
    expect(notice.textContent).toContain(en.noticeBody)
    expect(notice.querySelector('a')!.getAttribute('href')).toMatch(/\/privacy$/)
    expect(Array.from(notice.querySelectorAll('button')).map((b) => [b.dataset.action, b.textContent])).toEqual([
      ['choices', en.choicesLink],
      ['ok', en.ok],
    ])
    expect(root()!.activeElement).toBe(notice)
    expect(corner()).toBeNull()
  })

  it('records an empty choice on OK, closes, and never shows again', async () => {
    const onConsent = vi.fn()
    const g = gate({ ...NOTICE, onConsent })
    await until(() => expect($('[data-action="ok"]')).not.toBeNull())
    $('[data-action="ok"]')!.click()
    await until(() => expect(onConsent).toHaveBeenCalled())
    expect(onConsent).toHaveBeenCalledWith(expect.objectContaining({ via: 'banner', policy: 'notice', choices: {}, lang: 'en' }))
    // Not the banner's wording, which it did not show (the server's wordingOf knows no notice).
    expect(onConsent.mock.calls[0][0]).not.toHaveProperty('wording')
    expect($('[data-consent-gate="notice"]')).toBeNull()
    // What the site runs keeps running; the link stays for a later change of mind.
    expect(g.getConsent()).toMatchObject({ decided: true, choices: { analytics: true, marketing: true } })
    expect(corner()?.textContent).toBe(en.choicesLink)
    g.destroy()
    gate(NOTICE)
    await until(() => expect(corner()).not.toBeNull())
    expect($('[data-consent-gate="notice"]')).toBeNull()
  })

  it('comes back when its dialog closes without a choice, and goes once one is made there', async () => {
    gate(NOTICE)
    await until(() => expect($('[data-action="choices"]')).not.toBeNull())
    $('[data-action="choices"]')!.focus()
    $('[data-action="choices"]')!.click()
    await until(() => expect(dialog()).not.toBeNull())
    $('[role=dialog] .x')!.click()
    expect($('[data-consent-gate="notice"]')).not.toBeNull()
    expect(root()!.activeElement).toBe($('[data-action="choices"]'))
    $('[data-action="choices"]')!.click()
    await until(() => expect(dialog()).not.toBeNull())
    $('[data-action="opt-out"]')!.click()
    $('[role=dialog] .x')!.click()
    expect($('[data-consent-gate="notice"]')).toBeNull()
  })
})

describe('texts', () => {
  it("are the site's where it gives them, for one language or all", async () => {
    gate({ ...NOTICE, strings: { noticeTitle: 'About cookies', ok: 'Got it' }, texts: { en: { choicesLink: '<b>Choices</b>' } } })
    await until(() => expect(text('#cg-title')).toBe('About cookies'))
    expect(text('[data-action="ok"]')).toBe('Got it')
    // As text, never as HTML.
    expect(text('[data-action="choices"]')).toBe('<b>Choices</b>')
    expect($('b')).toBeNull()
  })

  it('are English for a language without its own yet, and its own where it has them', async () => {
    const own = await Promise.all(LANGUAGES.map((l) => import(`../../../src/ui/messages/${l}.ts`).then((m) => [l, !!m.choices])))
    for (const [lang, has] of own.filter(([l]) => l != 'en')) {
      const g = gate({ ...NOTICE, lang: lang as string })
      await until(() => expect($('[data-consent-gate="notice"]')).not.toBeNull())
      const title = text('#cg-title')
      if (has) expect(title, lang as string).not.toBe(en.noticeTitle)
      else expect(title, lang as string).toBe(en.noticeTitle)
      g.destroy()
    }
  })
})

describe.each(LANGUAGES)('%s', (lang) => {
  // The translations land file by file: a language without its file shows English (above). One
  // with it must say so in its banner module, as it does for its details.
  it.runIf(existsSync(join(import.meta.dirname, `../../../src/ui/messages/${lang}-choices.ts`)))(
    'loads its own texts for opt-out and notice visitors from its banner module',
    async () => {
      const m = await import(`../../../src/ui/messages/${lang}.ts`)
      expect(m.choices, `src/ui/messages/${lang}.ts has no "choices" export`).toBeTypeOf('function')
      expect((await m.choices()).default).toBe((await import(`../../../src/ui/messages/${lang}-choices.ts`)).default)
    },
  )
})
