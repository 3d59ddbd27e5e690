import { describe, expect, it, vi } from 'vitest'
import { embedUrl, providerOf } from '../../../src/embeds/providers'
import { flush, GA, gate } from '../helpers'

const VIDEO = 'https://www.youtube-nocookie.com/embed/abc123'
const embed = (attrs: string) => {
  document.body.insertAdjacentHTML('beforeend', `<iframe ${attrs} width="560" height="315" title="A video"></iframe>`)
  return document.body.lastElementChild as HTMLIFrameElement
}
const frames = () => Array.from(document.querySelectorAll('iframe'))
const placeholders = () => Array.from(document.querySelectorAll<HTMLElement>('[data-consent-placeholder]'))
const inside = (p: HTMLElement, sel: string) => p.shadowRoot!.querySelector<HTMLElement>(sel)
const PISAMA = { site: 'pisama', ga4: GA, categories: ['marketing' as const] }

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
  ])('%s is %s', (url, provider) => expect(providerOf(new URL(url))).toBe(provider))
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

describe('embeds', () => {
  it('requests nothing and shows a same-size placeholder naming the provider, until the category is granted', async () => {
    const frame = embed(`data-consent="marketing" data-src="${VIDEO}"`)
    gate(PISAMA)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1))
    expect(frame.hasAttribute('src')).toBe(false)
    const [p] = placeholders()
    expect(p.nextElementSibling).toBe(frame)
    expect(p.style.width).toBe('560px')
    expect(p.style.height).toBe('315px')
    expect(frame.style.display).toBe('none')
    expect(p.shadowRoot!.textContent).toContain('Content from YouTube')
    expect(inside(p, '[data-action="allow-embed"]')!.textContent).toBe('Allow and load')
    expect(inside(p, '[data-action="open-preferences"]')!.textContent).toBe('Cookie settings')
  })

  it('allow-embed grants the category with via "embed" and loads every waiting embed of it, and only those', async () => {
    embed(`data-consent="marketing" data-src="${VIDEO}"`)
    embed(`data-consent="marketing" data-src="https://player.vimeo.com/video/1"`)
    embed(`data-consent="analytics" data-src="https://stats.example.org/frame"`)
    const g = gate(PISAMA)
    await vi.waitFor(() => expect(placeholders()).toHaveLength(3))
    inside(placeholders()[0], '[data-action="allow-embed"]')!.click()
    await vi.waitFor(() => expect(frames()[1].getAttribute('src')).toBe('https://player.vimeo.com/video/1'))
    expect(frames()[0].getAttribute('src')).toBe(VIDEO)
    expect(frames()[0].style.display).toBe('')
    expect(frames()[2].hasAttribute('src')).toBe(false)
    expect(placeholders().map((p) => p.getAttribute('data-consent-placeholder'))).toEqual(['analytics'])
    expect(g.receipt()).toMatchObject({ via: 'embed', choices: { marketing: true } })
    // Analytics was not asked: the banner still asks about it.
    expect(g.getConsent()).toMatchObject({ decided: false, choices: { analytics: false, marketing: true } })
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
