// @vitest-environment node
// A banner choice in Chromium: its receipt, POSTed to the demo's /receipts and stored there, says
// the language and the surface it was made in, and its wording digest is the one the server's
// wordingOf gives for the same options.
import { expect, it } from 'vitest'
import type { Receipt } from '../../src/consent/receipt'
import { wordingOf, type Options } from '../../src/server'
import { BANNER, browserSuite, button, type Session } from './browser'

// As the demo's Pisama page configures its tag (demo/pages/pisama.html).
const PISAMA: Options = { site: 'pisama', ga4: { measurementId: 'G-DEMO12345' }, vercel: true, policyUrl: '/pisama/privacy' }

/** Makes a banner choice on `url` and gives back the receipts POSTed, once the demo stored them. */
async function choose(s: Session, url: string, action: string) {
  const posted: Receipt[] = []
  s.page.on('request', (r) => r.url().endsWith('/receipts') && r.method() === 'POST' && posted.push(r.postDataJSON()))
  await s.page.goto(url)
  await s.page.locator(button(BANNER, action)).click()
  await expect.poll(() => posted.length).toBe(1)
  const kept = s.url(`/receipts.json?consentId=${posted[0].consentId}`, '127.0.0.1')
  await expect.poll(async () => (await (await fetch(kept)).json()) as unknown[]).toHaveLength(1)
  return { posted, stored: (await (await fetch(kept)).json()) as Receipt[] }
}

browserSuite('Receipts say what was shown, in Chromium', (open) => {
  it('a refusal in the banner: its language, its surface and the wording digest wordingOf gives, sent and stored', async () => {
    const s = await open()
    // 127.0.0.1 is a secure context, as an https site is: there the browser has crypto.subtle.
    const { posted, stored } = await choose(s, s.url('/pisama/', '127.0.0.1'), 'reject-all')
    const { digest } = await wordingOf(PISAMA, 'en')
    expect(posted[0]).toMatchObject({ via: 'banner', lang: 'en', wording: digest, gpc: false, choices: { analytics: false } })
    expect(posted[0]).toEqual(await s.page.evaluate(() => window.ConsentGate!.receipt()))
    expect(stored).toEqual([{ ...posted[0], receivedAt: expect.any(String) }])
    // In German, the German wording.
    const de = await open()
    const german = await choose(de, s.url('/pisama/?lang=de', '127.0.0.1'), 'accept-all')
    expect(german.posted[0]).toMatchObject({ lang: 'de', wording: (await wordingOf(PISAMA, 'de')).digest })
  })

  it('on a page over plain http, which has no crypto.subtle, names the language without a digest', async () => {
    const s = await open()
    const { posted } = await choose(s, s.url('/pisama/'), 'accept-all')
    expect(posted[0]).toMatchObject({ via: 'banner', lang: 'en', gpc: false })
    expect(posted[0]).not.toHaveProperty('wording')
  })
})
