// @vitest-environment node
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, it } from 'vitest'
import { BANNER, browserSuite, button, settled, type Session } from './browser'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const EMBED_PAGE = readFileSync(new URL('../../demo/stand-ins/embed.html', import.meta.url))
const YOUTUBE = /^https:\/\/www\.youtube-nocookie\.com\//
const PLACEHOLDER = '[data-consent-placeholder]'
const ALLOW = `${PLACEHOLDER} [data-action="allow-embed"]`
const ANY_HOST = /^https:\/\/any\.host\//
/** The confirmation "always allow" opens, outside the page's content. */
const CONFIRM = '[data-consent-confirm] dialog'

/** Answers YouTube's embed host with the stand-in player; the route wins over the suite's refusal. */
const youtube = async (s: Session) => {
  await s.context.route(YOUTUBE, (r) => r.fulfill({ body: EMBED_PAGE, contentType: 'text/html' }))
  return () => s.requests.filter((u) => YOUTUBE.test(u))
}
const consent = (s: Session) => s.page.evaluate(() => window.ConsentGate!.getConsent())
/** Puts markup into the page's content, as a comment or a CMS field would. */
const userContent = (s: Session, html: string) =>
  s.page.evaluate((h) => document.querySelector('main')!.insertAdjacentHTML('beforeend', h), html)

browserSuite('embeds in Chromium', (open) => {
  it('requests nothing from the embed host before the grant, with a placeholder in the same box and no layout shift', async () => {
    const s = await open()
    const hits = await youtube(s)
    await s.context.addInitScript(() => {
      ;(window as unknown as { shifts: number }).shifts = 0
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
          if (!e.hadRecentInput) (window as unknown as { shifts: number }).shifts += e.value
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await s.page.goto(s.url('/pisama/video/'))
    await s.page.locator(PLACEHOLDER).waitFor()
    expect(await s.page.locator(PLACEHOLDER).textContent()).toBe('')
    await expect.poll(() => s.page.locator(PLACEHOLDER).locator('p').first().textContent()).toBe('Content from YouTube')
    const placeholder = (await s.page.locator(PLACEHOLDER).boundingBox())!
    const after = (await s.page.locator('#after').boundingBox())!
    // The iframe's box: 560 × 315 plus the browser's 2px inset border.
    expect(placeholder).toMatchObject({ width: 564, height: 319 })
    expect(await s.page.locator('#video').getAttribute('src')).toBeNull()
    await s.page.waitForTimeout(300)
    expect(hits()).toEqual([])

    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(hits).toHaveLength(1)
    const video = (await s.page.locator('#video').boundingBox())!
    expect(video).toEqual(placeholder)
    expect((await s.page.locator('#after').boundingBox())!.y).toBe(after.y)
    expect(await s.page.locator(PLACEHOLDER).count()).toBe(0)
    // The placeholder took the embed's box before the first paint that had it: nothing moved.
    expect(await s.page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBeLessThan(0.01)
  })

  it('"always allow YouTube" names the category it grants, grants exactly that one, and withdrawal puts the placeholder back', async () => {
    const s = await open()
    const hits = await youtube(s)
    // A screen tall enough that the banner's shadow does not reach the button: anything over it,
    // ours included, makes "always allow" refuse (covered below).
    await s.page.setViewportSize({ width: 1280, height: 900 })
    await s.page.goto(s.url('/pisama/video/'))
    expect(await s.page.locator(ALLOW).textContent()).toBe('Always allow YouTube (turns on “Marketing” for the whole site)')
    await s.page.locator(ALLOW).click()
    await s.page.locator(`${CONFIRM} [data-action="allow"]`).click()
    await expect.poll(hits).toHaveLength(1)
    await expect.poll(() => s.page.locator('#video').getAttribute('src')).toMatch(YOUTUBE)
    const frame = s.page.frameLocator('#video')
    await expect.poll(() => frame.locator('p').textContent()).toContain('stand-in')
    const receipt = await s.page.evaluate(() => window.ConsentGate!.receipt())
    expect(receipt).toMatchObject({ via: 'embed', choices: { marketing: true } })
    expect(receipt!.choices).not.toHaveProperty('analytics')
    // Analytics was not asked: the banner still asks about it, and no tracker loaded.
    expect(await consent(s)).toMatchObject({ decided: false, choices: { analytics: false, marketing: true } })
    await s.page.locator(BANNER).waitFor()
    expect(s.trackerRequests()).toEqual([])

    await s.page.evaluate(() => window.ConsentGate!.update({ marketing: false }))
    await s.page.locator(PLACEHOLDER).waitFor()
    expect(await s.page.locator('#video').getAttribute('src')).toBeNull()
    expect(await s.page.locator('iframe').count()).toBe(1)
    // The frame's page is gone, not merely hidden.
    expect(s.page.frames().some((f) => YOUTUBE.test(f.url()))).toBe(false)
    await s.page.reload()
    await s.page.locator(PLACEHOLDER).waitFor()
    await s.page.waitForTimeout(200)
    expect(hits()).toHaveLength(1)
  })

  it('"load this content" on an analytics-labelled embed in user content loads that frame only: no tracker, no consent', async () => {
    const s = await open()
    await youtube(s)
    await s.context.route(ANY_HOST, (r) => r.fulfill({ body: EMBED_PAGE, contentType: 'text/html' }))
    const hits = () => s.requests.filter((u) => ANY_HOST.test(u))
    await s.page.goto(s.url('/pisama/video/'))
    await settled(s.page)
    await userContent(
      s,
      '<iframe id="ugc" data-consent="analytics" data-src="https://any.host/" width="400" height="200" title="A comment"></iframe>' +
        '<img id="pixel" data-consent="analytics" data-src="https://any.host/pixel.gif" width="1" height="1" alt="">',
    )
    const placeholder = s.page.locator('[data-consent-placeholder="analytics"]')
    await expect.poll(() => placeholder.count()).toBe(2)
    const ugc = placeholder.first()
    await expect.poll(() => ugc.locator('p').first().textContent()).toBe('Content from any.host')
    // An unknown host gets no site-wide grant; a 1×1 image gets no button at all.
    expect(await ugc.locator('[data-action="allow-embed"]').count()).toBe(0)
    expect(await placeholder.nth(1).locator('button').count()).toBe(0)

    // In the middle of the viewport: at its bottom edge the banner would lie over it, and a
    // covered placeholder loads nothing.
    await ugc.evaluate((e) => e.scrollIntoView({ block: 'center' }))
    await ugc.locator('[data-action="load-embed"]').click()
    await expect.poll(() => s.page.locator('#ugc').getAttribute('src')).toBe('https://any.host/')
    await expect.poll(() => s.page.frameLocator('#ugc').locator('p').textContent()).toContain('stand-in')
    await settled(s.page)
    expect(hits()).toEqual(['https://any.host/'])
    expect(s.trackerRequests()).toEqual([])
    expect(await consent(s)).toMatchObject({ decided: false, choices: { analytics: false, marketing: false } })
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt())).toBeUndefined()
    // The banner still asks, and the other embeds still wait.
    await s.page.locator(BANNER).waitFor()
    expect(await s.page.locator('#video').getAttribute('src')).toBeNull()
    expect(await s.page.locator('#pixel').getAttribute('src')).toBeNull()
  })

  it('gives each placeholder its embed’s exact box, whatever the page’s CSS says about div', async () => {
    const s = await open()
    await youtube(s)
    await s.page.goto(s.url('/pisama/video/'))
    await settled(s.page)
    // Each case twice: gated, and a plain twin (no data-src, so it loads nothing) whose box is the truth.
    const cases = [
      'width="560" height="315"',
      'width="560" height="315" style="border:0"',
      'style="box-sizing:border-box;width:300px;height:200px;border:6px solid;padding:4px"',
      'style="box-sizing:content-box;width:300px;height:200px;border:1px solid;padding:7px"',
      'width="320" height="180" style="display:block;margin:10px"',
    ]
    const html = cases
      .map(
        (a, i) =>
          `<iframe data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/${i}" id="g${i}" ${a}></iframe><iframe id="t${i}" ${a}></iframe>`,
      )
      .join('<br>')
    await userContent(
      s,
      `<style>main div{border:2px solid red;padding:3px;box-sizing:content-box;width:auto;height:auto}</style><section id="boxes">${html}` +
        '<div style="width:360px"><iframe data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/n" width="560" height="315" style="max-width:100%"></iframe>' +
        '<iframe id="tn" width="560" height="315" style="max-width:100%"></iframe></div>' +
        '<img data-consent="marketing" data-src="https://i.ytimg.com/vi/x/0.jpg" width="480" height="270" alt="Poster"><img id="ti" width="480" height="270" alt="Poster"></section>',
    )
    await expect.poll(() => s.page.locator(`#boxes ${PLACEHOLDER}`).count()).toBe(cases.length + 2)
    const size = async (selector: string) => {
      const b = (await s.page.locator(selector).boundingBox())!
      return { width: b.width, height: b.height }
    }
    const twins = [...cases.map((_, i) => `#t${i}`), '#tn', '#ti']
    for (const [i, twin] of twins.entries())
      expect(await size(`#boxes ${PLACEHOLDER} >> nth=${i}`), twin).toEqual(await size(twin))
    // The declared size itself, where nothing else draws around it.
    expect(await size(`#boxes ${PLACEHOLDER} >> nth=1`)).toEqual({ width: 560, height: 315 })
  })

  it('gives no button to an embed no one can see, and a button in a hidden box acts only once it shows', async () => {
    const s = await open()
    await youtube(s)
    await s.page.goto(s.url('/pisama/video/'))
    await settled(s.page)
    const yt = (id: string, attrs: string) =>
      `<iframe id="${id}" data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/${id}" ${attrs}></iframe>`
    await userContent(
      s,
      '<section id="unseen">' +
        '<img id="pixel" data-consent="marketing" data-src="https://www.youtube-nocookie.com/p.gif" width="1" height="1" alt="">' +
        yt('none', 'width="560" height="315" style="display:none"') +
        yt('left', 'width="560" height="315" style="position:absolute;left:-2000px"') +
        yt('scaled', 'width="560" height="315" style="transform:scale(0.05)"') +
        `<div style="opacity:0.1">${yt('faded', 'width="560" height="315"')}</div>` +
        '</section>' +
        `<div id="tab" hidden>${yt('later', 'width="560" height="315"')}</div>`,
    )
    await expect.poll(() => s.page.locator(`#unseen ${PLACEHOLDER}`).count()).toBe(5)
    expect(await s.page.locator(`#unseen ${PLACEHOLDER} button`).count()).toBe(0)

    // In a hidden tab: buttons are drawn, but pressing one while it cannot be seen does nothing.
    const later = s.page.locator(`#tab ${PLACEHOLDER}`)
    await expect.poll(() => later.locator('[data-action="load-embed"]').count()).toBe(1)
    await later.locator('[data-action="load-embed"]').evaluate((b: HTMLElement) => b.click())
    await later.locator('[data-action="allow-embed"]').evaluate((b: HTMLElement) => b.click())
    await settled(s.page)
    expect(await s.page.locator('#later').getAttribute('src')).toBeNull()
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt())).toBeUndefined()
    // The tab opens: the placeholder has the embed's declared box, and its button works.
    await s.page.evaluate(() => document.getElementById('tab')!.removeAttribute('hidden'))
    expect(await later.boundingBox()).toMatchObject({ width: 564, height: 319 })
    await later.locator('[data-action="load-embed"]').click()
    await expect.poll(() => s.page.locator('#later').getAttribute('src')).toMatch(YOUTUBE)
    for (const id of ['pixel', 'none', 'left', 'scaled', 'faded'])
      expect(await s.page.locator(`#${id}`).getAttribute('src'), id).toBeNull()
  })

  it('"always allow" asks in a modal dialog the content cannot hide or restyle; Cancel is focused, Escape cancels', async () => {
    const s = await open()
    const hits = await youtube(s)
    // A screen tall enough that the banner's shadow does not reach the button: anything over it,
    // ours included, makes "always allow" refuse (covered below).
    await s.page.setViewportSize({ width: 1280, height: 900 })
    await s.page.goto(s.url('/pisama/video/'))
    await s.page.locator(ALLOW).waitFor()
    // Content that tries to hide, fade or recolour anything the SDK adds, outside or inside.
    await userContent(
      s,
      '<style>html>div,dialog,[data-consent-confirm]{display:none!important;opacity:0!important;visibility:hidden!important}' +
        ':root{--cg-fg:transparent;--cg-bg:transparent;--cg-accent:transparent;--cg-accent-fg:transparent}</style>',
    )
    await s.page.locator(ALLOW).click()
    const dialog = s.page.locator(CONFIRM)
    await dialog.waitFor()
    expect(await dialog.locator('p').textContent()).toBe('Always allow YouTube? This turns on “Marketing” for the whole site.')
    const state = () =>
      s.page.evaluate(() => {
        const host = document.querySelector('[data-consent-confirm]')!
        const d = host.shadowRoot!.querySelector('dialog')!
        const allow = d.querySelector('[data-action="allow"]')!.getBoundingClientRect()
        const css = getComputedStyle(d)
        return {
          parent: host.parentElement!.tagName,
          modal: d.matches(':modal'),
          focused: (host.shadowRoot!.activeElement as HTMLElement | null)?.dataset.action,
          seen: css.visibility === 'visible' && css.opacity === '1' && css.color !== css.backgroundColor,
          // What a click at the middle of "Allow" lands on: the button itself, nothing over it.
          top: (host.shadowRoot!.elementFromPoint(allow.x + allow.width / 2, allow.y + allow.height / 2) as HTMLElement)?.dataset
            .action,
        }
      })
    expect(await state()).toEqual({ parent: 'HTML', modal: true, focused: 'cancel', seen: true, top: 'allow' })
    await s.page.keyboard.press('Escape')
    await expect.poll(() => s.page.locator('[data-consent-confirm]').count()).toBe(0)
    await s.page.locator(ALLOW).click()
    await s.page.locator(`${CONFIRM} [data-action="cancel"]`).click()
    await expect.poll(() => s.page.locator('[data-consent-confirm]').count()).toBe(0)
    await settled(s.page)
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt())).toBeUndefined()
    expect(hits()).toEqual([])
  })

  it('no "always allow" from user content that is invisible (filter), covered, or blown up over the page (transform)', async () => {
    const s = await open()
    const hits = await youtube(s)
    await s.page.goto(s.url('/pisama/video/'))
    await settled(s.page)
    await s.context.route(/giphy\.com|tracker\.example/, (r) => r.fulfill({ body: '' }))
    const gif = (id: string, attrs = '') =>
      `<img id="${id}" data-consent="marketing" data-src="https://media.giphy.com/media/${id}/giphy.gif" width="400" height="200" alt="" ${attrs}>`
    await userContent(
      s,
      // A1: invisible through a filter, and through a mask and a blend mode.
      `<section id="a1"><div style="filter:opacity(0)">${gif('filter')}</div>` +
        `<div style="mask-image:linear-gradient(transparent,transparent)">${gif('mask')}</div>` +
        `<div style="mix-blend-mode:lighten">${gif('blend')}</div></section>` +
        // A2: a white box over the placeholder, which lets clicks through.
        `<section id="a2" style="position:relative">${gif('covered')}<div style="position:absolute;inset:0;pointer-events:none;z-index:5;background:#fff">Click anywhere to see the cat</div></section>` +
        // A3: fixed over the viewport, scaled 25 times, on top of everything.
        `<section id="a3">${gif('huge', 'style="position:fixed;left:0;top:0;z-index:2147483647;transform:scale(25)"')}</section>`,
    )
    await expect.poll(() => s.page.locator(`#a1 ${PLACEHOLDER}, #a2 ${PLACEHOLDER}, #a3 ${PLACEHOLDER}`).count()).toBe(5)
    expect(await s.page.locator(`#a1 ${PLACEHOLDER} button`).count()).toBe(0)
    // A3: the placeholder keeps the embed's size, not its transform, and offers nothing.
    const huge = (await s.page.locator(`#a3 ${PLACEHOLDER}`).boundingBox())!
    expect(huge.width).toBeLessThan(500)
    expect(await s.page.locator(`#a3 ${PLACEHOLDER} button`).count()).toBe(0)
    // A real mouse click where the invisible one would be grants nothing.
    const a1 = (await s.page.locator(`#a1 ${PLACEHOLDER} >> nth=0`).boundingBox())!
    await s.page.mouse.click(a1.x + a1.width / 2, a1.y + a1.height / 2)
    // A2: the covered placeholder's buttons are drawn, but a click through the cover does nothing.
    await s.page.locator(`#a2 ${PLACEHOLDER} [data-action="allow-embed"]`).click()
    await s.page.locator(`#a2 ${PLACEHOLDER} [data-action="load-embed"]`).click()
    await expect.poll(() => s.errors.filter((e) => e.includes('covered')).length).toBe(2)
    await settled(s.page)
    expect(await s.page.locator('[data-consent-confirm]').count()).toBe(0)
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt())).toBeUndefined()
    for (const id of ['filter', 'mask', 'blend', 'covered', 'huge'])
      expect(await s.page.locator(`#${id}`).getAttribute('src'), id).toBeNull()
    expect(hits()).toEqual([])
  })

  it('an embed whose srcset, sizes, srcdoc or <picture> source would load another host gets no button and never its data-src', async () => {
    const s = await open()
    await youtube(s)
    await s.page.goto(s.url('/pisama/video/'))
    await settled(s.page)
    await s.context.route(/tracker\.example/, (r) => r.fulfill({ body: '' }))
    const thumb = 'data-consent="marketing" data-src="https://www.youtube-nocookie.com/thumb.jpg" width="400" height="200" alt=""'
    await userContent(
      s,
      '<section id="a4">' +
        `<img id="srcset" ${thumb} srcset="https://tracker.example/pixel.gif?uid=42 1x">` +
        `<img id="sizes" ${thumb} sizes="100vw">` +
        `<picture><source srcset="https://tracker.example/pixel.gif?uid=43"><img id="picture" ${thumb}></picture>` +
        '<iframe id="srcdoc" data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/x" srcdoc="<p>hi</p>" width="400" height="200"></iframe>' +
        '</section>',
    )
    await expect.poll(() => s.page.locator(`#a4 ${PLACEHOLDER}`).count()).toBe(4)
    expect(await s.page.locator(`#a4 ${PLACEHOLDER} button`).count()).toBe(0)
    for (const why of ['srcset', 'sizes', 'srcdoc', '<picture><source>'])
      await expect.poll(() => s.errors.filter((e) => e.includes(`embed with ${why} `)).length, { message: why }).toBe(1)
    await s.page.evaluate(() => window.ConsentGate!.acceptAll())
    await settled(s.page)
    for (const id of ['srcset', 'sizes', 'picture', 'srcdoc'])
      expect(await s.page.locator(`#${id}`).getAttribute('src'), id).toBeNull()
    expect(s.requests.filter((u) => u.includes('thumb.jpg'))).toEqual([])
  })

  it('is reachable by keyboard, opens the preferences, and has no axe-core violations', async () => {
    const s = await open()
    await youtube(s)
    await s.page.goto(s.url('/pisama/video/'))
    await s.page.locator(ALLOW).waitFor()
    await s.page.locator(button(BANNER, 'reject-all')).click()
    const actions: string[] = []
    for (let i = 0; i < 12 && actions.length < 3; i++) {
      await s.page.keyboard.press('Tab')
      const a = await s.page.evaluate(
        () =>
          (document.querySelector('[data-consent-placeholder]')?.shadowRoot?.activeElement as HTMLElement | null)?.dataset.action,
      )
      if (a && !actions.includes(a)) actions.push(a)
    }
    expect(actions).toEqual(['load-embed', 'allow-embed', 'open-preferences'])
    await s.page.addScriptTag({ path: AXE })
    const violations = await s.page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
      ).axe
      const r = await axe.run({ include: [['[data-consent-placeholder]']] }, { resultTypes: ['violations'] })
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`)
    })
    expect(violations).toEqual([])
    await s.page.keyboard.press('Enter')
    await s.page.locator('[data-consent-gate="preferences"]').waitFor()
    await expect.poll(() => s.page.locator('[data-consent-gate="preferences"] input[name="marketing"]').count()).toBe(1)
  })

  it('never loads an embed on pigi, whatever anyone asks', async () => {
    const s = await open()
    const hits = await youtube(s)
    await s.page.goto(s.url('/pigi/', 'app.pigi.test'))
    await s.page.evaluate(() =>
      document
        .querySelector('main')!
        .insertAdjacentHTML(
          'beforeend',
          '<iframe data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/x" width="560" height="315" title="Video"></iframe>',
        ),
    )
    await s.page.locator(PLACEHOLDER).waitFor()
    await s.page.evaluate(() => {
      window.ConsentGate!.acceptAll()
      window.ConsentGate!.update({ marketing: true })
    })
    await s.page.waitForTimeout(300)
    expect(await s.page.locator(`${PLACEHOLDER} button`).count()).toBe(0)
    expect(await s.page.locator('iframe').getAttribute('src')).toBeNull()
    expect(hits()).toEqual([])
  })
})

browserSuite('headless mode in Chromium', (open) => {
  it('fetches no banner or dialog chunk; the page’s own banner drives Consent Mode and the trackers', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/headless/'))
    await s.page.locator('#my-banner').waitFor()
    await s.page.locator('[data-consent-open]').click()
    await s.page.waitForTimeout(300)
    expect(await s.page.locator('[data-consent-gate-host]').count()).toBe(0)
    expect(s.trackerRequests()).toEqual([])
    await s.page.locator('#my-accept').click()
    await expect.poll(() => s.trackerRequests().some((u) => u.includes('googletagmanager.com'))).toBe(true)
    expect(await s.page.locator('#my-banner').isHidden()).toBe(true)
    expect(await s.page.evaluate(() => window.ConsentGate!.receipt()!.via)).toBe('api')
    expect([...s.chunkRequests('ui'), ...s.chunkRequests('dialog'), ...s.chunkRequests('lang-en')]).toEqual([])
  })
})
