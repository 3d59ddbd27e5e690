// @vitest-environment node
import { expect, it } from 'vitest'
import { encodeRecord } from '../../src/consent/record'
import { browserSuite, madePage, settled } from './browser'

const PIGI = '/pigi/'

browserSuite('Pigi in Chromium', (open) => {
  const nothingLoaded = async (s: Awaited<ReturnType<typeof open>>) => {
    await settled(s.page)
    expect(await s.page.locator('[data-consent-gate-host]').count()).toBe(0)
    expect(s.chunkRequests('ui')).toEqual([])
    expect(s.chunkRequests('lang')).toEqual([])
    expect(s.chunkRequests('trackers')).toEqual([])
    expect(s.trackerRequests()).toEqual([])
    expect(s.requests.filter((u) => u.includes('/consent-gate/'))).toHaveLength(1)
  }

  it('shows no banner and downloads nothing but the loader, with its essential cookies in place', async () => {
    const s = await open()
    await s.page.goto(s.url(PIGI, 'app.pigi.test'))
    await nothingLoaded(s)
    expect((await s.cookieNames()).sort()).toEqual(['XSRF-TOKEN', 'pigi_session'])
    await s.page.click('#theme')
    expect(await s.page.evaluate(() => localStorage.getItem('theme'))).toBe('dark')
  })

  it('loads nothing when a page script calls acceptAll, update or openPreferences', async () => {
    const s = await open()
    await s.page.goto(s.url(PIGI, 'app.pigi.test'))
    await s.page.evaluate(async () => {
      const g = window.ConsentGate!
      g.acceptAll()
      g.update({ analytics: true, marketing: true })
      await g.openPreferences()
    })
    await nothingLoaded(s)
    expect(await s.page.evaluate(() => window.ConsentGate!.hasConsent('analytics'))).toBe(false)
  })

  it('loads nothing when a consent cookie claiming analytics is planted', async () => {
    const s = await open()
    const value = encodeRecord({
      revision: '1',
      id: 'planted0000000000000',
      at: Date.now(),
      expires: Date.now() + 864e5,
      choices: { analytics: true, marketing: true },
      via: 'banner',
    })
    await s.context.addCookies([{ name: 'consent_gate', value, domain: 'app.pigi.test', path: '/' }])
    await s.page.goto(s.url(PIGI, 'app.pigi.test'))
    await nothingLoaded(s)
  })

  it('leaves alone the choice a sibling that asks keeps in the cookie they share: a third site, in German, promising no trackers', async () => {
    const s = await open()
    // www.acme.test asks, and keeps the visitor's grant for the whole domain; app.acme.test promises no trackers.
    const grant = encodeRecord({
      revision: '1',
      id: 'sibling0000000000000',
      at: Date.now() - 1000,
      expires: Date.now() + 864e5,
      choices: { analytics: true, marketing: false },
      via: 'banner',
    })
    await s.context.addCookies([{ name: 'consent_gate', value: grant, domain: '.acme.test', path: '/' }])
    const tag = `<script src="/consent-gate/consent-gate.js" data-site="acme" data-never data-lang="de" data-cookie-domain=".acme.test" defer></script>`
    await madePage(s, '/app/', `<!doctype html><html lang="de"><head>${tag}</head><body><h1>Acme</h1></body></html>`, 'app.acme.test')
    await settled(s.page)
    expect(
      await s.page.evaluate(() => {
        const g = window.ConsentGate!
        g.acceptAll()
        g.rejectAll()
        g.update({})
        return [g.getConsent().decided, g.receipt()]
      }),
    ).toEqual([true, undefined])
    await settled(s.page)
    const kept = (await s.context.cookies()).filter((c) => c.name === 'consent_gate')
    expect(kept.map((c) => [c.domain, c.value])).toEqual([['.acme.test', grant]])
  })

  it('never runs a text/plain analytics script on the page', async () => {
    const s = await open()
    await s.page.goto(s.url(PIGI, 'app.pigi.test'))
    await s.page.evaluate(() => window.ConsentGate!.acceptAll())
    await nothingLoaded(s)
    expect(await s.page.locator('script[data-consent="analytics"]').getAttribute('type')).toBe('text/plain')
  })

  it('looks at its cookies through cookieStore where there is one (a secure page), never blocking on document.cookie', async () => {
    const s = await open()
    const warnings: string[] = []
    s.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()))
    // Every document.cookie read made by our loader, from the page's first moment.
    await s.page.addInitScript(() => {
      const get = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!.get!
      const w = window as unknown as { ours: number; hasStore: boolean }
      w.ours = 0
      w.hasStore = 'cookieStore' in window
      Object.defineProperty(Document.prototype, 'cookie', {
        ...Object.getOwnPropertyDescriptor(Document.prototype, 'cookie'),
        get() {
          if (/consent-gate\.js/.test(new Error().stack!)) w.ours++
          return get.call(this)
        },
      })
    })
    // 127.0.0.1 is a secure context, as an https page is: the browser offers cookieStore there.
    await s.context.addCookies([{ name: '_ga', value: 'GA1.1.planted', domain: '127.0.0.1', path: '/' }])
    await s.page.goto(s.url(PIGI, '127.0.0.1'))
    await expect.poll(() => warnings.filter((w) => w.includes('cookie "_ga"')).length).toBe(1)
    expect(await s.page.evaluate(() => (window as unknown as { hasStore: boolean }).hasStore)).toBe(true)
    expect(await s.page.evaluate(() => (window as unknown as { ours: number }).ours)).toBe(0)
  })

  it('catches a planted _ga cookie with a warning and a violation event', async () => {
    const s = await open()
    const warnings: string[] = []
    s.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()))
    await s.context.addCookies([{ name: '_ga', value: 'GA1.1.planted', domain: '.pigi.test', path: '/' }])
    await s.page.goto(s.url(PIGI, 'app.pigi.test'))
    await expect
      .poll(
        () => warnings.filter((w) => w.includes('cookie "_ga" — Google Analytics, analytics — present without consent')).length,
      )
      .toBe(1)
  })
})
