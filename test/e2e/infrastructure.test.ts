// @vitest-environment node
import { expect, it } from 'vitest'
import { browserSuite } from './browser'

const HEX = '0123456789abcdef0123456789abcdef'

// On a site that promises no trackers, the cookies of its own hosting and framework are no
// violation, and a name a framework and a tracker share is named with both readings, not reported.
browserSuite('the site’s own infrastructure in Chromium', (open) => {
  it('leaves load-balancer, bot-protection, session and CSRF cookies alone on Pigi, and names both readings of _session_id', async () => {
    const s = await open()
    const warnings: string[] = []
    s.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()))
    await s.page.addInitScript(() =>
      addEventListener('consent-gate:violation', (e) => {
        const w = window as unknown as { violations?: string[] }
        ;(w.violations ??= []).push((e as CustomEvent<{ name: string }>).detail.name)
      }),
    )
    const planted = [
      'ARRAffinity',
      'BIGipServerpool_web',
      '_abck',
      'incap_ses_1_2',
      `SESS${HEX}`,
      `wordpress_sec_${HEX}`,
      'csrf_token',
      'cart',
    ]
    await s.context.addCookies(
      [...planted, '_session_id', '_fbp'].map((name) => ({ name, value: '1', domain: 'app.pigi.test', path: '/' })),
    )
    await s.page.goto(s.url('/pigi/', 'app.pigi.test'))
    // `_fbp` is the one violation: once its warning is out, the tripwire has judged them all.
    await expect
      .poll(() => warnings.filter((w) => w.includes('cookie "_fbp" — Meta Pixel, marketing — present without consent')).length)
      .toBe(1)
    expect(await s.page.evaluate(() => (window as unknown as { violations?: string[] }).violations)).toEqual(['_fbp'])
    expect(
      warnings.filter((w) => w.includes('"_session_id" — session (Rack, Ruby on Rails) or analytics (Marfeel)')),
    ).toHaveLength(1)
    for (const name of planted) expect(warnings.join('\n'), name).not.toContain(`"${name}"`)
  })
})
