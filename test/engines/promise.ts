// The promise, once, for every engine: nothing tracks before a choice, a withdrawal stops it and
// takes the cookies, GPC is a refusal, a choice reaches every tab, embeds wait for a click, Accept
// and Reject weigh the same and work by keyboard, and a hostile page changes none of it. Each
// engine's test file runs these against its driver (driver.ts); traffic and its log are the
// proxy's (proxy.ts), so what counts as "requested" is the same in every engine.
import { mkdirSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { decodeRecord, encodeRecord } from '../../src/consent/record'
import type { EngineName, Launcher, Session, Tab, Engine } from './driver'
import { DEEP_FIND } from './driver'
import { BLANK, startProxy, type Proxy } from './proxy'

const SHOTS = new URL('./screenshots/', import.meta.url)
/** Analytics: gtag.js and its hits, Vercel's script and its page views (the demo's stand-ins). */
const ANALYTICS = /\/stand-ins\/(gtag\.js|collect)|\/_vercel\/insights\/|googletagmanager|google-analytics|vercel-scripts/
const HITS = /\/stand-ins\/collect|\/_vercel\/insights\/view/
const EMBED = /\/stand-ins\/embed\.html/
const BANNER = '[data-consent-gate="banner"]'
const DIALOG = '[data-consent-gate="preferences"]'
const button = (action: string) => `${BANNER} [data-action="${action}"]`
const GA = /^(_ga|_gid)/
/** Navigator's GPC getter, as a browser that sends the signal has it. */
const GPC = "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });"
/** One language per script the banner ships, Latin by the two that were once lopsided at 360 px. */
export const SCRIPTS = ['de', 'pl', 'uk', 'el', 'ar', 'he', 'hi', 'th', 'ja', 'ko', 'zh-hans']

/** The focused element's action (or tag), looking into shadow roots. */
const focused = () => {
  let el = document.activeElement
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
  return el ? el.getAttribute('data-action') || el.getAttribute('name') || el.tagName : ''
}

export function promiseSuite(name: EngineName, launch: Launcher) {
  describe.skipIf(!inject('engines')[name])(`the promise in ${name}`, () => {
    let engine: Engine
    let proxy: Proxy
    const open: Session[] = []
    const port = inject('demoPort')
    const url = (path: string, host = 'www.pisama.test') => `http://${host}:${port}${path}`
    /** `path` in a viewport of width × height: a frame, as WebKit's window cannot be that narrow. */
    const framed = (path: string, width: number, height: number) =>
      url(`${BLANK}?frame=${encodeURIComponent(path)}&width=${width}&height=${height}`)
    const analytics = () => proxy.requests.filter((u) => ANALYTICS.test(u))
    const hits = () => proxy.requests.filter((u) => HITS.test(u)).length
    const chunks = (kind: string) => proxy.requests.filter((u) => u.includes(`/consent-gate/chunks/${kind}-`))

    beforeAll(async () => {
      proxy = await startProxy(port)
      engine = await launch(proxy)
      console.log(`engine: ${engine.version}`)
      mkdirSync(SHOTS, { recursive: true })
    })
    // A failed test leaves a screenshot of each of its tabs, named for the engine and the test.
    const tabs: Tab[] = []
    afterEach(async ({ task }) => {
      if (task.result?.state === 'fail') {
        const test = task.name.replace(/\W+/g, '-').slice(0, 80)
        for (const [i, t] of tabs.entries())
          await t.screenshot(new URL(`${name}-${test}-${i}.png`, SHOTS).pathname).catch(() => {})
      }
      tabs.length = 0
      await Promise.all(open.splice(0).map((s) => s.close().catch(() => {})))
    })
    afterAll(async () => {
      await engine?.close()
      await proxy?.close()
    })

    /**
     * The tag hosts (Tag Manager, Clarity, UET) a page asked for. Their hosts are refused (no
     * internet): what counts is that the page asks. Firefox and Chromium ask through the proxy,
     * whose log shows it; WebKitGTK resolves the host itself first and never gets that far, so the
     * script elements the SDK added count too.
     */
    const tagsAsked = async (tab: Tab) => {
      const TAGS = /googletagmanager|clarity\.ms|bat\.bing\.com/
      const added = await tab.eval(() => [...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src))
      return [...proxy.requests, ...added].filter((u) => TAGS.test(u))
    }

    /** A fresh visitor, with GPC on if asked and `head` run ahead of every page. */
    const visit = async ({ gpc = false, head = '' } = {}) => {
      // One visitor at a time (WebKitWebDriver holds one session).
      await Promise.all(open.splice(0).map((s) => s.close()))
      proxy.reset(head + (gpc && engine.gpc === 'injected' ? GPC : ''))
      const s = await engine.session({ gpc })
      open.push(s)
      tabs.push(s.tab)
      const newTab = async () => {
        const t = await s.newTab()
        tabs.push(t)
        return t
      }
      return { tab: s.tab, newTab }
    }

    /** Loaded, an idle moment had (the SDK's start-up work is done) and the network quiet. */
    const settled = async (tab: Tab) => {
      await expect.poll(() => tab.eval(() => document.readyState)).toBe('complete')
      await tab.eval(
        () =>
          new Promise((r) =>
            typeof requestIdleCallback === 'function' ? requestIdleCallback(r, { timeout: 2000 }) : setTimeout(r, 50),
          ),
      )
      await proxy.idle()
    }
    const exists = (tab: Tab, css: string) =>
      tab.eval((args) => new Function('css', `${args[0]}; return !!deep(css)`)(args[1]) as boolean, [DEEP_FIND, css])
    const shown = (tab: Tab, css: string) => expect.poll(() => exists(tab, css)).toBe(true)
    // As JSON: WebDriver's own serializer walks inherited keys, and a polluted prototype is cyclic.
    const consent = async (tab: Tab) =>
      JSON.parse(
        await tab.eval(() =>
          JSON.stringify((window as { ConsentGate?: { getConsent(): unknown } }).ConsentGate?.getConsent() ?? null),
        ),
      ) as { decided: boolean; choices: Record<string, boolean>; policy: string } | null
    const gaCookies = async (tab: Tab) =>
      (await tab.cookies()).filter((c) => GA.test(c.name)).map((c) => `${c.name}@${c.domain}${c.path}`)
    /** Writes a cookie as a page of `host` would (a sibling subdomain, say). */
    const writeCookie = async (tab: Tab, host: string, cookie: string) => {
      await tab.goto(url(BLANK, host))
      await tab.eval((c) => void (document.cookie = c), cookie)
    }
    /** The Accept and Reject buttons' boxes. */
    const boxes = (tab: Tab) =>
      tab.eval((find) => {
        const box = (action: string) => {
          const r = (
            new Function('css', `${find}; return deep(css)`)(`[data-action="${action}"]`) as Element
          ).getBoundingClientRect()
          return { width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10 }
        }
        const view = (new Function('css', `${find}; return deep(css)`)('[data-action="accept-all"]') as Element).ownerDocument
          .defaultView!
        return { accept: box('accept-all'), reject: box('reject-all'), width: view.innerWidth }
      }, DEEP_FIND)
    /** The first of these actions that a button in the page (or a shadow root) has, or ''. */
    const firstOf = (tab: Tab, actions: string[]) =>
      tab.eval(([find, all]) => all.find((a) => new Function('css', `${find}; return deep(css)`)(`[data-action="${a}"]`)) ?? '', [
        DEEP_FIND,
        actions,
      ] as [string, string[]])
    /** Equal boxes, but for sub-pixel rounding. */
    const lopsided = ({ accept, reject }: Awaited<ReturnType<typeof boxes>>) =>
      Math.abs(accept.width - reject.width) > 0.5 || Math.abs(accept.height - reject.height) > 0.5
        ? `accept ${accept.width}×${accept.height}, reject ${reject.width}×${reject.height}`
        : ''
    /** Presses Tab until `action` has focus; the actions focused on the way, in order. */
    const tabTo = async (tab: Tab, action: string) => {
      const seen: string[] = []
      for (let i = 0; i < 100 && seen.at(-1) !== action; i++) {
        await tab.press('Tab')
        seen.push(await tab.eval(focused))
      }
      return seen
    }

    it('loads nothing before a choice, and GA4 and Vercel after Accept all', async () => {
      const { tab } = await visit()
      await tab.goto(url('/pisama/'))
      await shown(tab, button('accept-all'))
      await settled(tab)
      expect(analytics()).toEqual([])
      expect(await gaCookies(tab)).toEqual([])
      expect(await consent(tab)).toMatchObject({ decided: false, choices: { analytics: false } })

      await tab.click(button('accept-all'))
      await expect.poll(() => analytics().filter((u) => /gtag\.js|insights\/script\.js/.test(u)).length).toBe(2)
      await expect.poll(hits).toBeGreaterThan(0)
      // gtag.js's cookie_domain 'auto': the highest domain the browser accepts.
      await expect.poll(() => gaCookies(tab)).toEqual(['_ga@.pisama.test/', '_ga_DEMO12345@.pisama.test/'])
      expect(await consent(tab)).toMatchObject({ decided: true, choices: { analytics: true } })
    })

    it('keeps a refusal on plain http, without cookieStore or crypto.randomUUID, across a reload', async () => {
      const { tab } = await visit()
      await tab.goto(url('/pisama/'))
      // Not a secure context: the engine withholds both; the SDK must not need them.
      expect(await tab.eval(() => [typeof (window as { cookieStore?: unknown }).cookieStore, typeof crypto.randomUUID])).toEqual([
        'undefined',
        'undefined',
      ])
      await tab.click(button('reject-all'))
      await expect.poll(() => consent(tab)).toMatchObject({ decided: true, choices: { analytics: false } })
      await tab.reload()
      await settled(tab)
      expect(await exists(tab, BANNER)).toBe(false)
      expect(await consent(tab)).toMatchObject({ decided: true, choices: { analytics: false } })
      expect((await tab.cookies()).filter((c) => c.name === 'consent_gate')).toHaveLength(1)
      expect(analytics()).toEqual([])
    })

    it('withdrawal stops every hit and removes _ga* from the host, the parent domain and a deeper path', async () => {
      const { tab } = await visit()
      await tab.goto(url('/pisama/'))
      await tab.click(button('accept-all'))
      await expect.poll(() => gaCookies(tab)).toHaveLength(2)
      // What gtag.js and older tags also leave: a host-only _gid, a copy on a deeper path.
      await tab.eval(() => {
        document.cookie = '_gid=GA1.1.1; Path=/; Max-Age=86400'
        document.cookie = '_ga_DEMO12345=GS1.1.deep; Domain=pisama.test; Path=/pisama; Max-Age=86400'
      })
      await expect.poll(() => gaCookies(tab)).toHaveLength(4)
      // A page view while granted is a hit (so "no hit" below can fail).
      let before = hits()
      await tab.eval(() => history.pushState({}, '', '/pisama/?granted'))
      await expect.poll(hits).toBeGreaterThan(before)

      await tab.click('[data-consent-open]')
      await tab.click(`${DIALOG} input[name="analytics"]`)
      await tab.click(`${DIALOG} [data-action="save"]`)
      await expect.poll(() => consent(tab)).toMatchObject({ decided: true, choices: { analytics: false } })
      await expect.poll(() => gaCookies(tab)).toEqual([])
      await settled(tab)
      before = hits()
      await tab.eval(() => history.pushState({}, '', '/pisama/?withdrawn'))
      await settled(tab)
      expect(hits()).toBe(before)
      // Nor does the parent domain's copy live on for a sibling subdomain.
      await tab.goto(url(BLANK, 'app.pisama.test'))
      expect(await tab.eval(() => document.cookie)).not.toMatch(/(^|; )_ga/)
    })

    it('takes Global Privacy Control as a refusal: recorded, said so, nothing loads', async () => {
      const { tab } = await visit({ gpc: true })
      await tab.goto(url('/pisama/'))
      expect(await tab.eval(() => (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl)).toBe(true)
      await shown(tab, BANNER)
      await expect
        .poll(() => tab.eval(() => document.querySelector('[data-consent-gate-host]')?.shadowRoot?.textContent ?? ''))
        .toContain('Global Privacy Control')
      await settled(tab)
      expect(analytics()).toEqual([])
      expect(await tab.eval(() => (window as { ConsentGate?: { receipt(): { via: string } } }).ConsentGate?.receipt().via)).toBe(
        'gpc',
      )
      await tab.reload()
      await settled(tab)
      expect(await exists(tab, BANNER)).toBe(false)
      expect(analytics()).toEqual([])
    })

    it('asks, and loads nothing, where the browser sends no GPC', async () => {
      const { tab } = await visit()
      await tab.goto(url('/pisama/'))
      expect(await tab.eval(() => (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true)).toBe(false)
      await shown(tab, button('reject-all'))
      await settled(tab)
      expect(
        await tab.eval(() => document.querySelector('[data-consent-gate-host]')?.shadowRoot?.textContent ?? ''),
      ).not.toContain('Global Privacy Control')
      expect(analytics()).toEqual([])
    })

    it('carries a choice made in one tab to another, and a withdrawal after it', async () => {
      const { tab, newTab } = await visit()
      await tab.goto(url('/pisama/'))
      await settled(tab)
      const other = await newTab()
      await other.goto(url('/pisama/'))
      await shown(other, button('accept-all'))
      await settled(other)
      await other.click(button('accept-all'))
      await expect.poll(() => consent(tab)).toMatchObject({ decided: true, choices: { analytics: true } })
      await expect.poll(() => tab.eval(() => !!document.querySelector('script[src*="gtag.js"]'))).toBe(true)
      await expect.poll(() => exists(tab, BANNER)).toBe(false)

      await other.eval(() => (window as { ConsentGate?: { rejectAll(): void } }).ConsentGate?.rejectAll())
      await expect.poll(() => consent(tab)).toMatchObject({ decided: true, choices: { analytics: false } })
    })

    it('without BroadcastChannel, a withdrawal in another tab reaches this one when it is seen again', async () => {
      // As in Safari before 15.4: the tabs channel is missing; the page must work and catch up.
      const { tab, newTab } = await visit({ head: 'delete window.BroadcastChannel;' })
      await tab.goto(url('/pisama/'))
      await tab.click(button('accept-all'))
      await expect.poll(() => consent(tab)).toMatchObject({ decided: true, choices: { analytics: true } })
      const other = await newTab()
      await other.goto(url('/pisama/'))
      expect(await other.eval(() => typeof (window as { BroadcastChannel?: unknown }).BroadcastChannel)).toBe('undefined')
      await expect.poll(() => consent(other)).toMatchObject({ decided: true, choices: { analytics: true } })
      await settled(other)
      await other.eval(() => (window as { ConsentGate?: { rejectAll(): void } }).ConsentGate?.rejectAll())
      await expect.poll(() => consent(other)).toMatchObject({ choices: { analytics: false } })
      // The visitor comes back to the first tab. Where it never went hidden (headless Chromium's
      // tabs, WebKit's windows), the browser fires no visibilitychange: the test does.
      await tab.front()
      await expect.poll(() => tab.eval(() => document.visibilityState)).toBe('visible')
      await tab.eval(() => void document.dispatchEvent(new Event('visibilitychange')))
      await expect.poll(() => consent(tab)).toMatchObject({ decided: true, choices: { analytics: false } })
      await expect.poll(() => gaCookies(tab)).toEqual([])
    })

    it('keeps an embed behind its placeholder until the click, then loads it', async () => {
      const { tab } = await visit()
      // Tall enough that the banner, fixed at the bottom, leaves the placeholder's buttons clear.
      await tab.resize(1280, 900)
      await tab.goto(url('/pisama/video/'))
      // "Load this one" where the placeholder offers it, else its one button that loads the embed.
      await expect.poll(() => firstOf(tab, ['load-embed', 'allow-embed'])).not.toBe('')
      const load = await firstOf(tab, ['load-embed', 'allow-embed'])
      await settled(tab)
      expect(await tab.eval(() => document.getElementById('video')?.getAttribute('src') ?? null)).toBe(null)
      expect(proxy.requests.filter((u) => EMBED.test(u))).toEqual([])

      await tab.click(`[data-action="${load}"]`)
      await expect.poll(() => proxy.requests.filter((u) => EMBED.test(u)).length).toBe(1)
      await expect.poll(() => tab.eval(() => document.getElementById('video')?.getAttribute('src') ?? '')).toMatch(EMBED)
      await settled(tab)
      // The embed's click is not a grant of analytics.
      expect(analytics()).toEqual([])
    })

    it('gives Accept all and Reject all the same box, wide and at 360 px', async () => {
      const { tab } = await visit()
      const found: string[] = []
      await tab.resize(1200, 800)
      for (const [width, page] of [
        [1200, url('/pisama/')],
        [360, framed('/pisama/', 360, 740)],
      ] as const) {
        await tab.goto(page)
        await shown(tab, button('reject-all'))
        const b = await boxes(tab)
        expect(b.width).toBe(width)
        expect(b.accept.width).toBeGreaterThan(40)
        if (lopsided(b)) found.push(`${width} px: ${lopsided(b)}`)
      }
      // A page view in this engine, kept for a person to look at.
      await tab.screenshot(new URL(`${name}-pisama-360.png`, SHOTS).pathname)
      expect(found).toEqual([])
    })

    it('gives Accept all and Reject all the same box at 360 px in one language per script', async () => {
      const { tab } = await visit()
      const found: string[] = []
      for (const lang of SCRIPTS) {
        await tab.goto(framed(`/pisama/?lang=${lang}`, 360, 740))
        await expect
          .poll(() =>
            tab.eval(
              (find) =>
                (new Function(`${find}; return deep('[data-consent-gate-host]')`)() as Element | null)?.getAttribute('lang') ??
                '',
              DEEP_FIND,
            ),
          )
          .toBe(lang)
        await shown(tab, button('reject-all'))
        const b = lopsided(await boxes(tab))
        if (b) found.push(`${lang}: ${b}`)
      }
      expect(found).toEqual([])
    })

    it('a third site, Acme, in German: its banner names marketing; Tag Manager, Clarity and UET wait for a yes; a withdrawal takes their cookies', async () => {
      const asked = () => tagsAsked(tab)
      const hosts = async () => {
        const urls = await asked()
        return ['googletagmanager', 'clarity.ms', 'bat.bing.com'].filter((h) => urls.some((u) => u.includes(h)))
      }
      const theirs = async () =>
        (await tab.cookies()).filter((c) => /^(_clck|_clsk|_uetsid|_uetvid)$/.test(c.name)).map((c) => `${c.name}@${c.domain}`)
      const { tab } = await visit()
      await tab.goto(url('/acme/?lang=de'))
      await shown(tab, button('accept-all'))
      await expect
        .poll(() => tab.eval(() => document.querySelector('[data-consent-gate-host]')?.shadowRoot?.textContent ?? ''))
        .toContain('Marketing: Werbung messen und personalisieren')
      await settled(tab)
      expect(await asked()).toEqual([])
      expect(await tab.eval(() => (window as { ConsentGate?: { receipt(): unknown } }).ConsentGate?.receipt() ?? null)).toBe(null)

      await tab.click(button('accept-all'))
      await expect.poll(hosts).toEqual(['googletagmanager', 'clarity.ms', 'bat.bing.com'])
      expect(
        await tab.eval(() => (window as { ConsentGate?: { receipt(): { site: string } } }).ConsentGate?.receipt().site),
      ).toBe('acme')
      // What their tags would leave, on this host and on the parent domain.
      await tab.eval(() => {
        document.cookie = '_clck=1; Path=/; Max-Age=86400'
        document.cookie = '_uetsid=1; Domain=pisama.test; Path=/; Max-Age=86400'
      })
      await expect.poll(theirs).toHaveLength(2)
      await tab.eval(() => (window as { ConsentGate?: { rejectAll(): void } }).ConsentGate?.rejectAll())
      await expect.poll(theirs).toEqual([])
    })

    it("Acme by region: a German visitor is asked first; a Californian's tags run unasked until the opt-out; a region the hint cannot place is asked first", async () => {
      for (const region of ['DE', 'unknown']) {
        const { tab } = await visit()
        await tab.goto(url(`/acme/?region=${region}`))
        await shown(tab, button('accept-all'))
        await settled(tab)
        expect(await tagsAsked(tab)).toEqual([])
        expect(await consent(tab)).toMatchObject({ policy: 'opt-in', decided: false })
      }
      const { tab } = await visit()
      await tab.goto(url('/acme/?region=US-CA'))
      await expect.poll(() => tagsAsked(tab).then((u) => u.length)).toBeGreaterThan(0)
      expect(await exists(tab, BANNER)).toBe(false)
      expect(await consent(tab)).toMatchObject({ policy: 'opt-out', decided: true, choices: { analytics: true } })
      await tab.eval(() => (window as { ConsentGate?: { update(c: object): void } }).ConsentGate?.update({ analytics: false, marketing: false }))
      await expect.poll(() => consent(tab)).toMatchObject({ choices: { analytics: false, marketing: false } })
    })

    it('works by keyboard: Tab reaches Accept all and Reject all, Enter refuses, Space accepts', async () => {
      const first = await visit()
      await first.tab.goto(url('/pisama/'))
      await shown(first.tab, button('reject-all'))
      const seen = await tabTo(first.tab, 'reject-all')
      expect(seen).toContain('accept-all')
      expect(seen.at(-1)).toBe('reject-all')
      await first.tab.press('Enter')
      await expect.poll(() => consent(first.tab)).toMatchObject({ decided: true, choices: { analytics: false } })
      await settled(first.tab)
      expect(analytics()).toEqual([])

      const second = await visit()
      await second.tab.goto(url('/pisama/'))
      await shown(second.tab, button('accept-all'))
      expect((await tabTo(second.tab, 'accept-all')).at(-1)).toBe('accept-all')
      await second.tab.press('Space')
      await expect.poll(() => consent(second.tab)).toMatchObject({ decided: true, choices: { analytics: true } })
      await expect.poll(() => analytics().some((u) => u.includes('gtag.js'))).toBe(true)
    })

    it('a grant tossed from a sibling subdomain onto the parent domain never beats a refusal', async () => {
      const { tab } = await visit()
      await tab.goto(url('/pisama/'))
      await tab.click(button('reject-all'))
      await expect.poll(async () => (await tab.cookies()).filter((c) => c.name === 'consent_gate').length).toBe(1)
      const mine = decodeRecord((await tab.cookies()).find((c) => c.name === 'consent_gate')!.value)!
      // What shop.pisama.test could set with the public codec: a later grant, on a deeper path.
      const tossed = encodeRecord({ ...mine, at: Date.now() + 60_000, choices: { analytics: true } })
      await writeCookie(tab, 'shop.pisama.test', `consent_gate=${tossed}; Domain=pisama.test; Path=/pisama/; SameSite=Lax`)
      proxy.reset()
      await tab.goto(url('/pisama/'))
      await settled(tab)
      expect(await consent(tab)).toMatchObject({ decided: true, choices: { analytics: false } })
      expect(analytics()).toEqual([])
      expect(chunks('ui')).toEqual([])
      const left = (await tab.cookies())
        .filter((c) => c.name === 'consent_gate')
        .map((c) => decodeRecord(c.value)?.choices.analytics)
      expect(left).not.toContain(true)
    })

    it('a polluted Object.prototype grants nothing and injects nothing', async () => {
      const pollute = `Object.assign(Object.prototype, { ConsentGateConfig: { site: 'pisama', ga4: { measurementId: 'G-EVIL1' } },
        ga4: 'G-EVIL2', ga4Src: '/evil.js', analytics: true, foo: true, policyUrl: 'javascript:alert(1)',
        dangerouslySetInnerHTML: { __html: '<img src=x onerror="window.pwned=1">' } });`
      const { tab } = await visit({ head: pollute })
      await tab.goto(url('/pisama/'))
      await shown(tab, button('reject-all'))
      await settled(tab)
      expect(analytics()).toEqual([])
      expect(
        await tab.eval(() =>
          (window as { ConsentGate?: { hasConsent(c: string): boolean } }).ConsentGate?.hasConsent('analytics'),
        ),
      ).toBe(false)
      await tab.click(button('reject-all'))
      await expect.poll(() => consent(tab)).toMatchObject({ decided: true })
      await tab.goto(url('/pigi/', 'app.pigi.test'))
      await settled(tab)
      expect(await exists(tab, '[data-consent-gate-host]')).toBe(false)
      expect(analytics()).toEqual([])
      expect(proxy.requests.some((u) => u.includes('/evil.js'))).toBe(false)
      expect(await tab.eval(() => (window as { pwned?: number }).pwned ?? null)).toBe(null)
    })

    it('Pigi never loads analytics, whatever a planted cookie or a script says', async () => {
      const { tab } = await visit()
      const grant = encodeRecord({
        revision: '1',
        id: 'planted0000000000000',
        at: Date.now(),
        expires: Date.now() + 864e5,
        choices: { analytics: true, marketing: true },
        via: 'banner',
      })
      await writeCookie(tab, 'www.pigi.test', `consent_gate=${grant}; Domain=pigi.test; Path=/; SameSite=Lax`)
      proxy.reset()
      await tab.goto(url('/pigi/', 'app.pigi.test'))
      await settled(tab)
      await tab.eval(() => {
        const g = (window as { ConsentGate?: { acceptAll(): void; rejectAll(): void } }).ConsentGate
        g?.acceptAll()
        g?.rejectAll()
      })
      await settled(tab)
      // It offers nothing, so it stores nothing: the choice a sibling that asks keeps is left alone.
      const consent = await tab.eval(() => document.cookie.split('; ').filter((c) => c.startsWith('consent_gate=')))
      expect(consent).toEqual([`consent_gate=${grant}`])
      expect(await exists(tab, '[data-consent-gate-host]')).toBe(false)
      expect([...chunks('ui'), ...chunks('lang'), ...chunks('trackers')]).toEqual([])
      expect(analytics()).toEqual([])
      expect(
        await tab.eval(() =>
          (window as { ConsentGate?: { hasConsent(c: string): boolean } }).ConsentGate?.hasConsent('analytics'),
        ),
      ).toBe(false)
    })
  })
}
