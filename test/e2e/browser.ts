import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { TEST_HOSTS, launchChromium } from '../chromium.mjs'

/** Requests to any of these are tracker requests; none may happen before consent. */
export const TRACKER =
  /googletagmanager\.com|google-analytics\.com|clarity\.ms|bat\.bing\.com|va\.vercel-scripts\.com|\/_vercel\/insights\/|\/stand-ins\//
const THIRD_PARTY =
  /^https:\/\/([\w-]+\.)*(googletagmanager\.com|google-analytics\.com|clarity\.ms|bat\.bing\.com|va\.vercel-scripts\.com)\//
const standIn = (name: string) => readFileSync(new URL(`../../demo/stand-ins/${name}`, import.meta.url))
// Tag Manager's, Clarity's and UET's stand-ins share a cookie writer, served ahead of each.
const withCookie = (name: string) => Buffer.concat([standIn('cookie.js'), standIn(name)])
/** Each tracker's script by its URL, answered with its stand-in; their hits get an empty answer. */
const STAND_INS: [RegExp, Buffer][] = [
  [/googletagmanager\.com\/gtag\/js/, standIn('gtag.js')],
  [/googletagmanager\.com\/gtm\.js/, withCookie('gtm.js')],
  [/clarity\.ms\/tag\//, withCookie('clarity.js')],
  [/bat\.bing\.com\/bat\.js/, withCookie('bat.js')],
]

export interface Session {
  context: BrowserContext
  page: Page
  /** Every URL the browser requested, in order. */
  requests: string[]
  /** Uncaught page errors and console errors. */
  errors: string[]
  trackerRequests(): string[]
  chunkRequests(kind: string): string[]
  url(path: string, host?: string): string
  cookieNames(): Promise<string[]>
}

/** A describe block that gets a fresh browser context per test, or is skipped without Chromium. */
export function browserSuite(name: string, body: (open: (opts?: { gpc?: boolean }) => Promise<Session>) => void) {
  describe.skipIf(!inject('hasBrowser'))(name, () => {
    let browser: Browser
    const contexts: BrowserContext[] = []
    beforeAll(async () => {
      browser = await launchChromium(TEST_HOSTS)
    })
    afterAll(async () => {
      await Promise.all(contexts.map((c) => c.close()))
      await browser?.close()
    })
    body(async (opts = {}) => {
      const context = await browser.newContext()
      contexts.push(context)
      const port = inject('port')
      const requests: string[] = []
      const errors: string[] = []
      context.on('request', (r) => requests.push(r.url()))
      if (opts.gpc)
        await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }))
      // The machine has no internet: answer the tracker hosts with stand-ins, refuse anything else.
      await context.route(
        (u) => !/^https?:\/\/(127\.0\.0\.1|[\w.-]+\.(pisama|pigi|acme)\.test)(:\d+)?\//.test(u.href),
        (route) => {
          const u = route.request().url()
          if (!THIRD_PARTY.test(u)) return route.abort()
          const script = STAND_INS.find(([url]) => url.test(u))
          if (script) return route.fulfill({ body: script[1], contentType: 'text/javascript' })
          return route.fulfill({ status: 204 })
        },
      )
      const page = await context.newPage()
      page.on('pageerror', (e) => errors.push(String(e)))
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
      return {
        context,
        page,
        requests,
        errors,
        trackerRequests: () => requests.filter((u) => TRACKER.test(u)),
        chunkRequests: (kind) => requests.filter((u) => u.includes(`/consent-gate/chunks/${kind}-`)),
        url: (path, host = 'www.pisama.test') => `http://${host}:${port}${path}`,
        cookieNames: async () => (await context.cookies()).map((c) => c.name),
      }
    })
  })
}

/** What each made-up page answers, by URL: the last `madePage` wrote for it. */
const made = new WeakMap<Page, Map<string, string>>()

/**
 * Serves `html` at `path` on a demo host, a page the test makes up, and goes there; called again
 * for the same URL, it answers with the new page. The SDK's files come from the demo server,
 * handed on: Chromium keeps a page that came from nowhere (fulfilled here) from loading the
 * loopback server's files (Private Network Access).
 */
export async function madePage(s: Session, path: string, html: string, host?: string) {
  const url = s.url(path, host)
  let pages = made.get(s.page)
  if (!pages) {
    made.set(s.page, (pages = new Map()))
    await s.page.route('**/consent-gate/**', async (route) =>
      route.fulfill({ response: await route.fetch({ url: route.request().url().replace(/\/\/[^/:]+/, '//127.0.0.1') }) }),
    )
  }
  if (!pages.has(url)) {
    const answers = pages
    await s.page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: answers.get(url) }))
  }
  pages.set(url, html)
  await s.page.goto(url)
}

/**
 * The page has loaded, had an idle moment (the loader's start-up task and idle checks are done)
 * and its network has gone quiet: what the SDK would have requested by now, it has. Negative
 * checks ("nothing loaded") wait for this, not for a fixed time.
 */
export const settled = async (page: Page) => {
  await page.waitForLoadState('load')
  await page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 2000 })))
  await page.waitForLoadState('networkidle')
}

/** Inside the banner's shadow root (playwright's CSS pierces open shadow roots). */
export const BANNER = '[data-consent-gate="banner"]'
export const DIALOG = '[data-consent-gate="preferences"]'
export const button = (scope: string, action: string) => `${scope} [data-action="${action}"]`

/** Goes to `url` (if given) and waits for the banner and its entrance animation, so boxes are where they stay. */
export async function showBanner(page: Page, url?: string) {
  if (url) await page.goto(url)
  await page.locator(BANNER).waitFor()
  await page.evaluate(() =>
    Promise.all(
      document
        .querySelector('[data-consent-gate-host]')!
        .shadowRoot!.getAnimations()
        .map((a) => a.finished),
    ),
  )
}
