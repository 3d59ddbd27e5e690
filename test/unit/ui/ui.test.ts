import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveConfig, type Options } from '../../../src/config/options'
import type { Category } from '../../../src/config/profiles'
import type { UiContext, UiHandle } from '../../../src/ui/context'
import { mount, pageTheme } from '../../../src/ui/index'
import { CHAT } from '../helpers'
import { en } from '../messages'

let handle: UiHandle | undefined
afterEach(() => {
  handle?.destroy()
  handle = undefined
  document.body.innerHTML = ''
})

/** A site declaring its own worded cookies: one analytics, one sign-in. */
const ACME = {
  name: 'acme',
  cookies: [
    { name: '_ga', class: 'analytics', purpose: 'Counts visits', lifetime: '2 years', provider: 'Google Analytics' },
    { name: 'pisama_session', class: 'session', purpose: 'Signs you in', lifetime: 'Session', provider: 'Pisama' },
  ],
} satisfies Options['profile']

const ui = ({ options = {}, ...over }: Partial<Omit<UiContext, 'config'>> & { options?: Options } = {}) => {
  const onChoose = vi.fn()
  handle = mount({
    config: resolveConfig({ profile: ACME, theme: 'auto', floatingButton: false, ...options }),
    choices: {},
    lang: 'en',
    messages: en,
    strings: {},
    details: () => Promise.resolve(en),
    gpc: false,
    asked: () => ['analytics', 'marketing'],
    onChoose,
    ...over,
  })
  const root = document.querySelector('[data-consent-gate-host]')!.shadowRoot!
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T & HTMLElement>(sel)
  return { onChoose, root, $, h: handle }
}

const key = (target: Element, k: string, shiftKey = false) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true }))

describe('banner', () => {
  it('shows nothing until asked, then a labelled region with three buttons and the policy link', () => {
    const { $, h, root } = ui({ options: { policyUrl: '/privacy' } })
    expect($('[data-consent-gate]')).toBeNull()
    h.showBanner()
    const banner = $('[data-consent-gate="banner"]')!
    expect(banner.getAttribute('role')).toBe('region')
    expect(root.getElementById(banner.getAttribute('aria-labelledby')!)!.textContent).toBe(en.title)
    expect(Array.from(banner.querySelectorAll('button')).map((b) => b.dataset.action)).toEqual([
      'accept-all',
      'reject-all',
      'customise',
    ])
    expect($<HTMLAnchorElement>('a')!.getAttribute('href')).toBe('http://www.pisama.test/privacy')
  })

  it('accepts and rejects every offered category with one click, via the banner', () => {
    const { $, h, onChoose, root } = ui({ options: { categories: ['analytics', 'marketing'] } })
    h.showBanner()
    $('[data-action="accept-all"]')!.click()
    expect(onChoose).toHaveBeenLastCalledWith({ analytics: true, marketing: true }, 'banner')
    // The click only hides the banner; it goes with the gate's update, after the next paint.
    expect((root.host as HTMLElement).style.display).toBe('none')
    h.update({ analytics: true, marketing: true }, true)
    expect($('[data-consent-gate="banner"]')).toBeNull()
    expect((root.host as HTMLElement).style.display).toBe('')
    h.showBanner()
    $('[data-action="reject-all"]')!.click()
    expect(onChoose).toHaveBeenLastCalledWith({ analytics: false, marketing: false }, 'banner')
  })

  it('mentions Global Privacy Control only when the signal was honoured', () => {
    const a = ui()
    a.h.showBanner()
    expect(a.$('[data-consent-gate="banner"]')!.textContent).not.toContain('Global Privacy Control')
    a.h.destroy()
    const b = ui({ gpc: true })
    b.h.showBanner()
    expect(b.$('[data-consent-gate="banner"]')!.textContent).toContain('Global Privacy Control')
  })

  it('renders string overrides as text, never as HTML', () => {
    const { $, h, root } = ui({ messages: { ...en, title: '<img src=x onerror=alert(1)>' } })
    h.showBanner()
    expect(root.querySelector('img')).toBeNull()
    expect($('h2')!.textContent).toBe('<img src=x onerror=alert(1)>')
  })

  it('takes focus to the banner when it appears, so the first Tabs reach its buttons', () => {
    document.body.innerHTML = '<a href="/">Home</a>'
    const { $, h, root } = ui()
    h.showBanner()
    expect(root.activeElement).toBe($('[data-consent-gate="banner"]'))
    expect($('[data-consent-gate="banner"]')!.tabIndex).toBe(-1)
  })

  it.each([
    ['an input', '<input id="field">'],
    ['a textarea', '<textarea id="field"></textarea>'],
    ['a select', '<select id="field"><option>a</option></select>'],
    ['editable text', '<div id="field" contenteditable="true" tabindex="0"></div>'],
  ])('leaves focus in %s, where the visitor may be typing', (_, html) => {
    document.body.innerHTML = html
    const field = document.getElementById('field')!
    field.focus()
    const { h, root } = ui()
    h.showBanner()
    expect(document.activeElement).toBe(field)
    expect(root.activeElement).toBeNull()
  })

  it("leaves focus in a field inside another component's shadow root", () => {
    const other = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' })
    other.innerHTML = '<input>'
    other.querySelector('input')!.focus()
    const { h } = ui()
    h.showBanner()
    expect(other.activeElement).toBe(other.querySelector('input'))
  })

  it('hides the banner when a choice is made elsewhere', () => {
    const { $, h } = ui()
    h.showBanner()
    h.update({ analytics: true }, true)
    expect($('[data-consent-gate="banner"]')).toBeNull()
  })
})

describe('what the banner says Accept all grants', () => {
  const lines = (asked: Category[], categories: Category[] = asked) => {
    handle?.destroy()
    const { $, h } = ui({ asked: () => asked, options: { categories } })
    h.showBanner()
    return Array.from($('[data-consent-gate="banner"]')!.querySelectorAll('li')).map((li) => li.textContent)
  }

  it('is one line per category it asks about, in their order, after the intro and before the right to change', () => {
    expect(lines(['analytics'])).toEqual([en.analyticsLine])
    expect(lines(['analytics', 'marketing'])).toEqual([en.analyticsLine, en.marketingLine])
    expect(lines(['functional'])).toEqual([en.functionalLine])
    expect(lines(['functional', 'analytics', 'marketing'])).toEqual([en.functionalLine, en.analyticsLine, en.marketingLine])
    handle!.destroy()
    const { $ } = ui({ asked: () => ['analytics'] })
    handle!.showBanner()
    const text = $('[data-consent-gate="banner"]')!.textContent!
    expect(text.indexOf(en.body)).toBeLessThan(text.indexOf(en.analyticsLine))
    expect(text.indexOf(en.analyticsLine)).toBeLessThan(text.indexOf(en.anytime))
  })

  it('never reads as measuring visits only where Accept all also grants marketing', () => {
    expect(lines(['analytics', 'marketing']).join(' ')).toMatch(/Marketing:.*ads/)
    expect(lines(['analytics']).join(' ')).not.toMatch(/Marketing|\bads\b/)
  })

  it('is every offered category when nothing is left to ask (the notice that GPC was honoured)', () => {
    expect(lines([], ['analytics', 'marketing'])).toEqual([en.analyticsLine, en.marketingLine])
  })
})

describe('layout and theme', () => {
  afterEach(() => {
    document.head.innerHTML = ''
  })
  const host = () => document.querySelector('[data-consent-gate-host]')!

  it('is a box at the bottom unless the site says bar or top', () => {
    ui()
    expect([host().getAttribute('data-layout'), host().getAttribute('data-position')]).toEqual(['box', 'bottom'])
    handle!.destroy()
    ui({ options: { layout: 'bar', position: 'top' } })
    expect([host().getAttribute('data-layout'), host().getAttribute('data-position')]).toEqual(['bar', 'top'])
  })

  it.each([
    ['light', 'light'],
    ['only light', 'light'],
    ['dark', 'dark'],
    ['light dark', 'auto'],
    ['dark light', 'auto'],
    ['normal', 'auto'],
  ])('follows a page whose <meta name="color-scheme"> says %j: %s', (content, theme) => {
    document.head.innerHTML = `<meta name="color-scheme" content="${content}">`
    expect(pageTheme()).toBe(theme)
    ui()
    handle!.showBanner()
    expect(host().getAttribute('data-theme')).toBe(theme)
  })

  it("follows the visitor's scheme on a page that declares none, and a forced theme over the page's", () => {
    ui()
    handle!.showBanner()
    expect(host().getAttribute('data-theme')).toBe('auto')
    handle!.destroy()
    document.head.innerHTML = '<meta name="color-scheme" content="light">'
    ui({ options: { theme: 'dark' } })
    handle!.showBanner()
    expect(host().getAttribute('data-theme')).toBe('dark')
  })
})

describe('preferences dialog', () => {
  it('does not open once a choice was made while its chunk was on the way', async () => {
    const { $, h, onChoose } = ui()
    h.showBanner()
    const opening = h.openPreferences()
    $('[data-action="accept-all"]')!.click()
    await opening
    expect(onChoose).toHaveBeenCalledTimes(1)
    expect($('[data-consent-gate="preferences"]')).toBeNull()
  })

  it.each([
    ['fetched', () => Promise.reject(new Error('offline'))],
    ['worded', () => Promise.resolve(undefined as never)],
  ])('says so when its texts cannot be %s, and opens on the next try', async (_, first) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const details = vi.fn().mockImplementationOnce(first).mockResolvedValue(en)
    const { $, h } = ui({ details })
    await h.openPreferences()
    expect($('[data-consent-gate="preferences"]')).toBeNull()
    expect(error.mock.calls[0][0]).toMatch(/could not load the preferences/)
    await h.openPreferences()
    expect($('[data-consent-gate="preferences"]')).not.toBeNull()
    expect(details).toHaveBeenCalledTimes(2)
  })

  it('opens from Customise as a labelled modal dialog with nothing pre-ticked', async () => {
    const { $, h, root } = ui()
    h.showBanner()
    $('[data-action="customise"]')!.click()
    await vi.waitFor(() => expect($('[data-consent-gate="preferences"]')).not.toBeNull())
    const dialog = $('[data-consent-gate="preferences"]')!
    expect(dialog.getAttribute('role')).toBe('dialog')
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe(en.prefsTitle)
    expect($<HTMLInputElement>('input[name=analytics]')!.checked).toBe(false)
    expect($('[data-consent-gate="banner"]')).toBeNull()
  })

  it('lists the cookies of each category and the essential ones as always on', async () => {
    const { $, h } = ui()
    await h.openPreferences()
    const text = $('[data-consent-gate="preferences"]')!.textContent!
    expect(text).toContain('_ga')
    expect(text).toContain('Counts visits')
    expect(text).toContain('pisama_session')
    expect(text).toContain(en.alwaysOn)
  })

  it('fills a declaration given by name alone from the catalogue, as the cookie table does', async () => {
    const { lookup } = await import('../../../src/catalogue/index')
    const { $, h } = ui({ options: { cookies: [{ name: '_hjSessionUser_*' }] } })
    await h.openPreferences()
    const row = Array.from($('[data-consent-gate="preferences"]')!.querySelectorAll('tr')).find(
      (tr) => tr.cells[0].textContent === '_hjSessionUser_*',
    )!
    // In the analytics section, which ACME offers for its _ga.
    expect(row.closest('.c')!.querySelector('input')!.name).toBe('analytics')
    expect(Array.from(row.cells, (c) => c.textContent)).toEqual([
      '_hjSessionUser_*',
      lookup('_hjSessionUser_1')!.purpose,
      lookup('_hjSessionUser_1')!.retention,
      'Hotjar',
    ])
  })

  it('shows a functional switch first, with its cookies and wording, when the profile has one', async () => {
    const { $, h } = ui({ options: { profile: { ...ACME, cookies: [...ACME.cookies, CHAT] } }, choices: { analytics: true } })
    await h.openPreferences()
    const names = Array.from(
      document.querySelector('[data-consent-gate-host]')!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name]'),
    )
    expect(names.map((i) => [i.name, i.checked])).toEqual([
      ['functional', false],
      ['analytics', true],
    ])
    const text = $('[data-consent-gate="preferences"]')!.textContent!
    expect(text).toContain(en.functional)
    expect(text).toContain(en.functionalBody)
    expect(text).toContain('Keeps the chat open')
  })

  it('the banner sets only the categories still to choose; the dialog sets them all', async () => {
    const { $, h, onChoose } = ui({ asked: () => ['functional'], choices: { analytics: true } })
    h.showBanner()
    $('[data-action="reject-all"]')!.click()
    expect(onChoose).toHaveBeenLastCalledWith({ functional: false }, 'banner')
  })

  it("words the built-in declarations from the visitor's messages", async () => {
    const { $, h } = ui({ options: { profile: undefined, site: 'pisama', ga4: { measurementId: 'G-TEST1234' } } })
    await h.openPreferences()
    const text = $('[data-consent-gate="preferences"]')!.textContent!
    expect(text).toContain('_ga_*')
    expect(text).toContain(en.about._ga)
    expect(text).toContain(en.about.pisama_session)
    expect(text).toContain(en.about.consent_gate)
  })

  it('pre-fills from the current choices and saves the toggles via the dialog', async () => {
    const { $, h, onChoose, root } = ui({ choices: { analytics: true } })
    await h.openPreferences()
    const toggle = $<HTMLInputElement>('input[name=analytics]')!
    expect(toggle.checked).toBe(true)
    toggle.click()
    $('[data-consent-gate="preferences"] [data-action="save"]')!.click()
    expect(onChoose).toHaveBeenCalledWith({ analytics: false }, 'dialog')
    expect((root.host as HTMLElement).style.display).toBe('none')
    h.update({ analytics: false }, true)
    expect($('[data-consent-gate="preferences"]')).toBeNull()
  })

  it('accepts all from the dialog via the dialog', async () => {
    const { $, h, onChoose } = ui()
    await h.openPreferences()
    $('[data-consent-gate="preferences"] [data-action="accept-all"]')!.click()
    expect(onChoose).toHaveBeenCalledWith({ analytics: true }, 'dialog')
  })

  it('closes on Escape without a choice, and the banner comes back', async () => {
    const { $, h, onChoose } = ui()
    h.showBanner()
    $('[data-action="customise"]')!.click()
    await vi.waitFor(() => expect($('[data-consent-gate="preferences"]')).not.toBeNull())
    key($('[data-consent-gate="preferences"]')!, 'Escape')
    expect($('[data-consent-gate="preferences"]')).toBeNull()
    expect($('[data-consent-gate="banner"]')).not.toBeNull()
    expect(onChoose).not.toHaveBeenCalled()
  })

  it('traps Tab inside and gives focus back on close', async () => {
    document.body.innerHTML = '<button id="page">Cookie settings</button>'
    const { h, root } = ui()
    h.update({ analytics: false }, true)
    const page = document.getElementById('page')!
    page.focus()
    await h.openPreferences()
    const items = Array.from(
      root.querySelectorAll<HTMLElement>('[role=dialog] a[href],[role=dialog] button,[role=dialog] input,[role=dialog] summary'),
    )
    expect(root.activeElement).toBe(items[0])
    items.at(-1)!.focus()
    key(items.at(-1)!, 'Tab')
    expect(root.activeElement).toBe(items[0])
    key(items[0], 'Tab', true)
    expect(root.activeElement).toBe(items.at(-1))
    key(items[0], 'Escape')
    expect(document.activeElement).toBe(page)
  })

  it('offers a floating button once a choice exists, which opens the dialog', async () => {
    const { $, h, root } = ui({ options: { floatingButton: true } })
    expect($('[data-action="open-preferences"]')).toBeNull()
    h.update({ analytics: true }, true)
    $<HTMLButtonElement>('[data-action="open-preferences"]')!.focus()
    $('[data-action="open-preferences"]')!.click()
    await vi.waitFor(() => expect($('[data-consent-gate="preferences"]')).not.toBeNull())
    // Closing gives the focus back to the floating button, drawn anew once the dialog is gone.
    key($('[role=dialog]')!, 'Escape')
    expect(root.activeElement).toBe($('[data-action="open-preferences"]'))
  })
})

describe('isolation', () => {
  it('renders in an open shadow root with an adopted stylesheet and no inline style', async () => {
    const { $, h, root } = ui({ options: { theme: 'dark' } })
    h.showBanner()
    const sheets = () => root.adoptedStyleSheets.length + root.querySelectorAll('style').length
    expect(sheets()).toBe(1)
    expect(root.querySelector('[style]')).toBeNull()
    expect($('[data-consent-gate="banner"]')!.classList.contains('p')).toBe(true)
    // The dialog brings its own rules, adopted once, next to the banner's.
    await h.openPreferences()
    await h.openPreferences()
    expect(sheets()).toBe(2)
    expect(root.querySelector('[style]')).toBeNull()
    expect($('[data-consent-gate="preferences"]')!.classList.contains('p')).toBe(true)
    const host = document.querySelector('[data-consent-gate-host]')!
    expect(host.getAttribute('data-theme')).toBe('dark')
    expect(host.getAttribute('lang')).toBe('en')
    // Inside too: the host's `all: initial` stops its language at the shadow root.
    expect(root.firstElementChild!.getAttribute('lang')).toBe('en')
  })

  it('removes itself on destroy', () => {
    const { h } = ui()
    h.showBanner()
    h.destroy()
    expect(document.querySelector('[data-consent-gate-host]')).toBeNull()
  })
})

describe('direction', () => {
  it.each([
    ['ar', 'rtl'],
    ['fa', 'rtl'],
    ['he', 'rtl'],
    ['en', 'ltr'],
    ['de', 'ltr'],
    // Languages a site may add with `texts`, as it spells them.
    ['ur', 'rtl'],
    ['AR-eg', 'rtl'],
    ['sw', 'ltr'],
    ['arn', 'ltr'],
  ])('renders %s %s on the host, which holds the banner, the dialog and the floating button', (lang, dir) => {
    ui({ lang })
    expect(document.querySelector('[data-consent-gate-host]')!.getAttribute('dir')).toBe(dir)
  })
})
