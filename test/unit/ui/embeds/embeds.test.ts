import { beforeEach, describe, expect, it, vi } from 'vitest'
import { MIN_SIDE, offer, visible, type Sight } from '../../../../src/ui/embeds/offer'
import { embedUrl, knownProvider, providerOf } from '../../../../src/ui/embeds/providers'
import { flush, GA, gate } from '../../helpers'
import { layout } from './layout'

const VIDEO = 'https://www.youtube-nocookie.com/embed/abc123'
const embed = (attrs: string) => {
  document.body.insertAdjacentHTML('beforeend', `<iframe ${attrs} width="560" height="315" title="A video"></iframe>`)
  return document.body.lastElementChild as HTMLIFrameElement
}
const frames = () => Array.from(document.querySelectorAll('iframe'))
const placeholders = () => Array.from(document.querySelectorAll<HTMLElement>('[data-consent-placeholder]'))
const inside = (p: HTMLElement, sel: string) => p.shadowRoot!.querySelector<HTMLElement>(sel)
const PISAMA = { site: 'pisama', ga4: GA, categories: ['marketing' as const] }
/** The confirmation dialog "always allow" opens, outside the page's content. */
const confirmation = () => document.querySelector('[data-consent-confirm]')?.shadowRoot?.querySelector('dialog') ?? null

describe('providerOf', () => {
  it.each([
    ['https://www.youtube-nocookie.com/embed/x', 'YouTube'],
    ['https://youtube.com/embed/x', 'YouTube'],
    ['https://player.vimeo.com/video/1', 'Vimeo'],
    ['https://www.google.com/maps/embed?pb=1', 'Google Maps'],
    ['https://maps.google.de/maps?q=x', 'Google Maps'],
    ['https://open.spotify.com/embed/track/1', 'Spotify'],
    ['https://platform.twitter.com/embed/x', 'X'],
    ['https://www.instagram.com/p/x/embed', 'Instagram'],
    ['https://www.tiktok.com/embed/v2/1', 'TikTok'],
    ['https://w.soundcloud.com/player/?url=x', 'SoundCloud'],
    ['https://www.dailymotion.com/embed/video/x', 'Dailymotion'],
    ['https://www.facebook.com/plugins/video.php', 'Facebook'],
    ['https://www.example.org/widget', 'example.org'],
    ['https://notyoutube.com/embed/x', 'notyoutube.com'],
    ['https://www.google.com/search?q=maps', 'google.com'],
    ['https://maps.google.co.uk/maps?q=x', 'Google Maps'],
    // A trusted name is never lent to a host that merely starts like it.
    ['https://google.evil.example/maps/x', 'google.evil.example'],
    ['https://maps.google.evil.example/', 'maps.google.evil.example'],
    ['https://pinterest.evil.example/', 'pinterest.evil.example'],
    // The same host written with its trailing dot.
    ['https://www.youtube.com./embed/x', 'YouTube'],
    // A look-alike name is shown in the xn-- form the URL parser gives it, never as the name it imitates.
    ['https://www.yоutube.com/embed/x', 'xn--yutube-wqf.com'],
  ])('%s is %s', (url, provider) => expect(providerOf(new URL(url))).toBe(provider))
})

describe('knownProvider', () => {
  it('names only listed providers', () => {
    expect(knownProvider(new URL(VIDEO))).toBe('YouTube')
    expect(knownProvider(new URL('https://any.host/'))).toBeUndefined()
    expect(knownProvider(new URL('https://youtube.com.evil.example/'))).toBeUndefined()
    expect(knownProvider(new URL('https://www.youtube.com@evil.example/embed/x'))).toBeUndefined()
  })
})

describe('embedUrl', () => {
  it('takes http(s) and relative URLs only, however the scheme is disguised', () => {
    expect(embedUrl(VIDEO, 'https://site.test/')!.href).toBe(VIDEO)
    expect(embedUrl('/stand-ins/embed.html', 'https://site.test/a/')!.href).toBe('https://site.test/stand-ins/embed.html')
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>x</script>',
      'blob:https://site.test/1',
      'about:blank',
      'file:///etc/passwd',
      'http://[::1',
      '',
      null,
    ])
      expect(embedUrl(bad, 'https://site.test/')).toBeUndefined()
  })
})

const SEEN: Sight = { width: 560, height: 315, right: 600, bottom: 400, opacity: 1, hidden: false, altered: false }

describe('visible', () => {
  it(`needs a box of at least ${MIN_SIDE} px each way, on the page, shown and not faded out`, () => {
    expect(visible(SEEN)).toBe(true)
    expect(visible({ ...SEEN, width: MIN_SIDE, height: MIN_SIDE })).toBe(true)
    for (const bad of [
      { width: 1, height: 1 },
      { width: MIN_SIDE - 1 },
      { height: MIN_SIDE - 1 },
      { width: 0, height: 0 },
      { right: 0 },
      { bottom: -10 },
      { opacity: 0 },
      { opacity: 0.49 },
      { hidden: true },
      { altered: true },
    ])
      expect(visible({ ...SEEN, ...bad }), JSON.stringify(bad)).toBe(false)
  })
})

describe('offer', () => {
  const OFFERED = ['analytics', 'marketing'] as const
  it('lets any visible embed of an offered category load itself, and nothing more', () => {
    expect(offer('analytics', OFFERED, undefined, SEEN)).toEqual({ load: true, always: undefined })
    expect(offer('marketing', OFFERED, undefined, SEEN)).toEqual({ load: true, always: undefined })
  })
  it('offers "always allow" only for a listed provider whose content the category describes', () => {
    expect(offer('marketing', OFFERED, 'YouTube', SEEN)).toEqual({ load: true, always: 'YouTube' })
    expect(offer('functional', ['functional'], 'Vimeo', SEEN)).toEqual({ load: true, always: 'Vimeo' })
    // Analytics is never what a video or a map is: the label would lie.
    expect(offer('analytics', OFFERED, 'YouTube', SEEN)).toEqual({ load: true, always: undefined })
  })
  it('offers nothing for a category the site does not offer, or an embed no one can see', () => {
    expect(offer('functional', OFFERED, 'YouTube', SEEN)).toEqual({ load: false, always: undefined })
    expect(offer('constructor', OFFERED, 'YouTube', SEEN)).toEqual({ load: false, always: undefined })
    expect(offer('marketing', OFFERED, 'YouTube', { ...SEEN, width: 1, height: 1 })).toEqual({ load: false, always: undefined })
    expect(offer('marketing', OFFERED, 'YouTube', { ...SEEN, hidden: true })).toEqual({ load: false, always: undefined })
  })
})

describe('embeds', () => {
  beforeEach(layout)

  it('requests nothing and shows a same-size placeholder naming the provider, until the category is granted', async () => {
    const frame = embed(`data-consent="marketing" data-src="${VIDEO}"`)
    gate(PISAMA)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    expect(frame.hasAttribute('src')).toBe(false)
    const [p] = placeholders()
    expect(p.nextElementSibling).toBe(frame)
    expect(p.style.width).toBe('560px')
    expect(p.style.height).toBe('315px')
    // The page's rules for div cannot resize it.
    expect(p.style.getPropertyPriority('width')).toBe('important')
    expect(frame.style.display).toBe('none')
    expect(p.shadowRoot!.textContent).toContain('Content from YouTube')
    // The provider's name is isolated from the sentence around it (right-to-left languages).
    expect(inside(p, '.t bdi')!.textContent).toBe('YouTube')
    expect(inside(p, '[data-action="load-embed"]')!.textContent).toBe('Load this content')
    expect(inside(p, '[data-action="allow-embed"]')!.textContent).toBe(
      'Always allow YouTube (turns on “Marketing” for the whole site)',
    )
    expect(inside(p, '[data-action="open-preferences"]')!.textContent).toBe('Cookie settings')
  })

  it('gives the text inside the shadow root its language: the host’s is reset by all: initial', async () => {
    embed(`data-consent="marketing" data-src="${VIDEO}"`)
    gate({ ...PISAMA, lang: 'ja' })
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    const [p] = placeholders()
    // Every text node of the placeholder sits under an element of its own tree carrying `lang`.
    for (const text of Array.from(p.shadowRoot!.querySelectorAll('p,button')))
      expect(text.closest('[lang]')?.getAttribute('lang')).toBe('ja')
  })

  it('reads right to left in Arabic, in the placeholder and in its confirmation', async () => {
    embed(`data-consent="marketing" data-src="${VIDEO}"`)
    gate({ ...PISAMA, lang: 'ar' })
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    const [p] = placeholders()
    for (const text of Array.from(p.shadowRoot!.querySelectorAll('p,button')))
      expect(text.closest('[dir]')?.getAttribute('dir')).toBe('rtl')
    inside(p, '[data-action="allow-embed"]')!.click()
    await vi.waitFor(() => expect(confirmation()?.open).toBe(true))
    for (const text of Array.from(confirmation()!.querySelectorAll('p,button')))
      expect(text.closest('[dir]')?.getAttribute('dir')).toBe('rtl')
    confirmation()!.querySelector<HTMLElement>('[data-action="cancel"]')!.click()
  })

  it('"load this content" on an analytics embed from any host loads that element only: no consent, no tracker', async () => {
    const other = 'https://any.host/other'
    embed(`data-consent="analytics" data-src="https://any.host/"`)
    embed(`data-consent="analytics" data-src="${other}"`)
    const g = gate({ ...PISAMA, categories: ['analytics', 'marketing'] })
    await vi.waitFor(() => expect(placeholders()).toHaveLength(2))
    const [p] = placeholders()
    // An unknown host never gets a site-wide grant from a placeholder.
    expect(inside(p, '[data-action="allow-embed"]')).toBeNull()
    inside(p, '[data-action="load-embed"]')!.click()
    await vi.waitFor(() => expect(frames()[0].getAttribute('src')).toBe('https://any.host/'))
    await flush()
    expect(frames()[1].hasAttribute('src')).toBe(false)
    expect(placeholders()).toHaveLength(1)
    expect(g.receipt()).toBeUndefined()
    expect(g.getConsent()).toMatchObject({ decided: false, choices: { analytics: false, marketing: false } })
    expect(document.querySelector('script[src*="googletagmanager"]')).toBeNull()
    expect((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).not.toContainEqual(
      expect.objectContaining({ 0: 'config' }),
    )
  })

  it('an embed loaded by itself goes back behind its placeholder when a choice refuses its category', async () => {
    embed(`data-consent="marketing" data-src="${VIDEO}"`)
    const g = gate(PISAMA)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    inside(placeholders()[0], '[data-action="load-embed"]')!.click()
    await vi.waitFor(() => expect(frames()[0].getAttribute('src')).toBe(VIDEO))
    // Other page changes leave it loaded.
    document.body.append(document.createElement('p'))
    await flush()
    expect(frames()[0].getAttribute('src')).toBe(VIDEO)
    g.rejectAll()
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    expect(frames()[0].hasAttribute('src')).toBe(false)
  })

  it('"always allow" grants exactly the category it names, with via "embed", and loads every waiting embed of it', async () => {
    embed(`data-consent="marketing" data-src="${VIDEO}"`)
    embed(`data-consent="marketing" data-src="https://player.vimeo.com/video/1"`)
    embed(`data-consent="analytics" data-src="https://stats.example.org/frame"`)
    const g = gate(PISAMA)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(3))
    inside(placeholders()[0], '[data-action="allow-embed"]')!.click()
    await vi.waitFor(() => expect(confirmation()?.open).toBe(true))
    // Nothing is granted until the dialog's own "Allow", which takes no click for half a second: a
    // lure's double click cannot land its second click on it.
    const allow = confirmation()!.querySelector<HTMLButtonElement>('[data-action="allow"]')!
    allow.click()
    await flush()
    expect(g.receipt()).toBeUndefined()
    expect(confirmation()?.open).toBe(true)
    await vi.waitFor(() => expect(allow.disabled).toBe(false))
    allow.click()
    await vi.waitFor(() => expect(frames()[1].getAttribute('src')).toBe('https://player.vimeo.com/video/1'))
    expect(document.querySelector('[data-consent-confirm]')).toBeNull()
    expect(frames()[0].getAttribute('src')).toBe(VIDEO)
    expect(frames()[0].style.display).toBe('')
    expect(frames()[2].hasAttribute('src')).toBe(false)
    expect(placeholders().map((p) => p.getAttribute('data-consent-placeholder'))).toEqual(['analytics'])
    expect(g.receipt()).toMatchObject({ via: 'embed', choices: { marketing: true } })
    // Analytics was not asked: the banner still asks about it.
    expect(g.getConsent()).toMatchObject({ decided: false, choices: { analytics: false, marketing: true } })
  })

  it.each([
    ['a 1×1 image', `<img data-consent="marketing" data-src="https://pixel.example/p.gif" width="1" height="1" alt="">`],
    ['a zero-size frame', `<iframe data-consent="marketing" data-src="${VIDEO}" width="0" height="0"></iframe>`],
    [
      'a frame a few px high',
      `<iframe data-consent="marketing" data-src="${VIDEO}" width="560" height="${MIN_SIDE - 1}"></iframe>`,
    ],
    [
      'a frame with display: none',
      `<iframe data-consent="marketing" data-src="${VIDEO}" width="560" height="315" style="display:none"></iframe>`,
    ],
    ['a frame with hidden', `<iframe data-consent="marketing" data-src="${VIDEO}" width="560" height="315" hidden></iframe>`],
    [
      'a frame off the page',
      `<iframe data-consent="marketing" data-src="${VIDEO}" width="560" height="315" style="position:absolute;left:-9999px"></iframe>`,
    ],
    [
      'a frame in a transparent box',
      `<div style="opacity:0"><iframe data-consent="marketing" data-src="${VIDEO}" width="560" height="315"></iframe></div>`,
    ],
  ])('%s gets no button at all, and never loads', async (_, html) => {
    document.body.insertAdjacentHTML('beforeend', html)
    gate(PISAMA)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    expect(inside(placeholders()[0], 'button')).toBeNull()
    await flush()
    expect(document.querySelector('[data-consent]')!.hasAttribute('src')).toBe(false)
  })

  it('"always allow" asks in a dialog outside the content, naming provider and category; Cancel, focused, grants nothing', async () => {
    embed(`data-consent="marketing" data-src="${VIDEO}"`)
    const g = gate(PISAMA)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    inside(placeholders()[0], '[data-action="allow-embed"]')!.click()
    await vi.waitFor(() => expect(confirmation()?.open).toBe(true))
    const host = document.querySelector('[data-consent-confirm]')!
    expect(host.parentNode).toBe(document.documentElement)
    const dialog = confirmation()!
    expect(dialog.querySelector('p')!.textContent).toBe('Always allow YouTube? This turns on “Marketing” for the whole site.')
    expect(Array.from(dialog.querySelectorAll('button'), (b) => b.textContent)).toEqual(['Allow', 'Cancel'])
    expect(host.shadowRoot!.activeElement).toBe(dialog.querySelector('[data-action="cancel"]'))
    dialog.querySelector<HTMLElement>('[data-action="cancel"]')!.click()
    await vi.waitFor(() => expect(document.querySelector('[data-consent-confirm]')).toBeNull())
    await flush()
    expect(g.receipt()).toBeUndefined()
    expect(frames()[0].hasAttribute('src')).toBe(false)
  })

  it.each([
    [
      'has no showModal',
      () =>
        vi.spyOn(HTMLDialogElement.prototype as { showModal: unknown }, 'showModal', 'get').mockReturnValue(undefined as never),
    ],
    [
      'throws on showModal',
      () =>
        vi.spyOn(HTMLDialogElement.prototype, 'showModal').mockImplementation(() => {
          throw new Error('no')
        }),
    ],
  ])('grants nothing, with one console error, where the dialog %s', async (_, breakIt) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    embed(`data-consent="marketing" data-src="${VIDEO}"`)
    const g = gate(PISAMA)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    breakIt()
    inside(placeholders()[0], '[data-action="allow-embed"]')!.click()
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1))
    expect(String(error.mock.calls[0][0])).toContain('confirmation dialog')
    await flush()
    expect(g.receipt()).toBeUndefined()
    expect(frames()[0].hasAttribute('src')).toBe(false)
    expect(document.querySelector('[data-consent-confirm]')).toBeNull()
  })

  it.each([
    ['filter', 'filter:opacity(0)'],
    ['backdrop-filter', 'backdrop-filter:blur(9px)'],
    ['mask-image', 'mask-image:linear-gradient(transparent,transparent)'],
    ['clip-path', 'clip-path:inset(50%)'],
    ['mix-blend-mode', 'mix-blend-mode:multiply'],
  ])('an embed under an ancestor with %s gets no button, and a button loads nothing once one is added', async (_, css) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    document.body.insertAdjacentHTML(
      'beforeend',
      `<div style="${css}"><iframe data-consent="marketing" data-src="${VIDEO}" width="560" height="315"></iframe></div>`,
    )
    embed(`data-consent="marketing" data-src="${VIDEO}"`)
    gate(PISAMA)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(2))
    expect(inside(placeholders()[0], 'button')).toBeNull()
    // Checked again at click time.
    document.body.setAttribute('style', css)
    inside(placeholders()[1], '[data-action="load-embed"]')!.click()
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringContaining('altered')))
    expect(frames().every((f) => !f.hasAttribute('src'))).toBe(true)
    document.body.removeAttribute('style')
  })

  it('does not copy the embed’s transform, z-index or fixed position onto its placeholder', async () => {
    embed(
      `data-consent="marketing" data-src="${VIDEO}" style="position:fixed;left:0;top:0;z-index:2147483647;transform:scale(25)"`,
    )
    gate(PISAMA)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    const [p] = placeholders()
    expect(p.style.getPropertyValue('transform')).not.toContain('scale')
    expect(p.style.getPropertyValue('z-index')).not.toBe('2147483647')
    expect(p.style.getPropertyValue('position')).toBe('absolute')
  })

  it.each([
    [
      'srcset',
      `<img data-consent="marketing" data-src="https://www.youtube-nocookie.com/thumb.jpg" srcset="https://tracker.example/p.gif?uid=42 1x" width="400" height="200" alt="">`,
    ],
    [
      'sizes',
      `<img data-consent="marketing" data-src="https://www.youtube-nocookie.com/thumb.jpg" sizes="100vw" width="400" height="200" alt="">`,
    ],
    ['srcdoc', `<iframe data-consent="marketing" data-src="${VIDEO}" srcdoc="<p>hi</p>" width="400" height="200"></iframe>`],
    [
      '<picture><source>',
      `<picture><source srcset="https://tracker.example/p.gif"><img data-consent="marketing" data-src="https://www.youtube-nocookie.com/thumb.jpg" width="400" height="200" alt=""></picture>`,
    ],
  ])('an embed with %s gets no button and never loads, even granted, with one console error', async (why, html) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    document.body.insertAdjacentHTML('beforeend', html)
    const g = gate(PISAMA)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    expect(inside(placeholders()[0], 'button')).toBeNull()
    g.acceptAll()
    await flush()
    await flush()
    expect(document.querySelector('[data-consent]')!.hasAttribute('src')).toBe(false)
    expect(placeholders()).toHaveLength(1)
    expect(error).toHaveBeenCalledTimes(1)
    expect(String(error.mock.calls[0][0])).toContain(why)
  })

  it('a button whose placeholder was hidden after it was drawn loads nothing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    embed(`data-consent="marketing" data-src="${VIDEO}"`)
    const g = gate(PISAMA)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    const [p] = placeholders()
    document.body.style.opacity = '0'
    inside(p, '[data-action="load-embed"]')!.click()
    inside(p, '[data-action="allow-embed"]')!.click()
    await flush()
    expect(frames()[0].hasAttribute('src')).toBe(false)
    expect(g.receipt()).toBeUndefined()
    expect(error).toHaveBeenCalledWith(expect.stringContaining('too small'))
    document.body.style.opacity = ''
  })

  it('leaves an embed inside the SDK’s own UI alone', async () => {
    document.body.innerHTML = `<div data-consent-gate-host><iframe data-consent="marketing" data-src="${VIDEO}" width="560" height="315"></iframe></div>`
    gate(PISAMA)
    await flush()
    await flush()
    expect(placeholders()).toHaveLength(0)
    expect(frames()[0].hasAttribute('src')).toBe(false)
  })

  it('puts the placeholder back on withdrawal, with a fresh frame that has no src', async () => {
    embed(`data-consent="marketing" data-src="${VIDEO}"`)
    const g = gate(PISAMA)
    g.acceptAll()
    await vi.waitFor(() => expect(frames()[0]?.getAttribute('src')).toBe(VIDEO))
    const loaded = frames()[0]
    g.update({ marketing: false })
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    expect(loaded.isConnected).toBe(false)
    expect(frames()).toHaveLength(1)
    expect(frames()[0].hasAttribute('src')).toBe(false)
    expect(frames()[0].getAttribute('data-src')).toBe(VIDEO)
  })

  it('gates embeds an app adds later, and img elements too', async () => {
    gate(PISAMA)
    await flush()
    document.body.insertAdjacentHTML(
      'beforeend',
      `<img data-consent="marketing" data-src="https://i.ytimg.com/vi/x/0.jpg" alt="Poster" width="120" height="90">`,
    )
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    expect(document.querySelector('img')!.hasAttribute('src')).toBe(false)
  })

  it('never loads a hostile data-src, granted or not', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    embed(`data-consent="marketing" data-src="javascript:parent.pwned=1"`)
    embed(`data-consent="marketing" data-src=" JAVASCRIPT:parent.pwned=1"`)
    embed(`data-consent="marketing" data-src="data:text/html,<script>parent.pwned=1</script>"`)
    const g = gate(PISAMA)
    g.acceptAll()
    await flush()
    await flush()
    expect(frames().every((f) => !f.hasAttribute('src'))).toBe(true)
    expect(error).toHaveBeenCalledWith(expect.stringContaining('http(s)'), expect.anything())
  })

  it('grants nothing through a polluted Object.prototype or a category that is no category', async () => {
    const proto = Object.prototype as Record<string, unknown>
    proto.marketing = true
    proto.constructor_ = true
    try {
      embed(`data-consent="marketing" data-src="${VIDEO}"`)
      embed(`data-consent="constructor" data-src="${VIDEO}"`)
      embed(`data-consent="__proto__" data-src="${VIDEO}"`)
      const g = gate(PISAMA)
      g.update({ analytics: true })
      await vi.waitFor(() => expect(placeholders()).toHaveLength(3))
      expect(frames().every((f) => !f.hasAttribute('src'))).toBe(true)
      // Not a category the site offers: a note, with nothing to grant.
      expect(inside(placeholders()[1], '[data-action="allow-embed"]')).toBeNull()
    } finally {
      delete proto.marketing
      delete proto.constructor_
    }
  })

  it('never loads on pigi: a note without a grant button', async () => {
    embed(`data-consent="marketing" data-src="${VIDEO}"`)
    const g = gate({ site: 'pigi' })
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    g.update({ marketing: true })
    await flush()
    expect(g.hasConsent('marketing')).toBe(false)
    expect(frames()[0].hasAttribute('src')).toBe(false)
    expect(inside(placeholders()[0], 'button')).toBeNull()
    expect(placeholders()[0].shadowRoot!.textContent).toContain('YouTube')
  })

  it('fetches no embeds chunk on a page without embeds, and leaves the page as it was on destroy', async () => {
    const g = gate(PISAMA)
    await flush()
    expect(placeholders()).toHaveLength(0)
    const frame = embed(`data-consent="marketing" data-src="${VIDEO}"`)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    g.destroy()
    expect(placeholders()).toHaveLength(0)
    expect(frame.style.display).toBe('')
    expect(frame.hasAttribute('src')).toBe(false)
  })
})
