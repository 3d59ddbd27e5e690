import { existsSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { trackerOf } from '../catalogue/index'
import { CLASSES } from '../config/profiles'
import { parseCookies } from '../cookies/codec'
import { cookieKey, firstParty, type PageResult, type Phase, type SeenCookie, type SiteWord, type Visit } from './findings'
import { CHROMIUM_FLAGS } from './flags.mjs'
import { hostOf, urlOf } from './urls'
import { recordWrites } from './writes'

/** No browser, or no way to drive one: exit code 2. */
export class BrowserError extends Error {}

const BANNER = '[data-consent-gate="banner"]'

/** What one visit found, or why it found nothing. */
export interface VisitOutcome {
  visit?: Visit
  consentGate: boolean
  /** consent-gate asked for a choice (before visits only). */
  asks: boolean
  /** The banner showed, so accept and reject can be clicked. */
  banner: boolean
  notes: string[]
  blocked: string[]
  /** Same-origin links on the page (before visits only), for --crawl. */
  links: string[]
  /** Why the page was not scanned. */
  failed?: string
  /** The page's rules where not opt-in (`getConsent().policy`). */
  policy?: Visit['policy']
}

/**
 * Debian's Chromium, launched as the test suite launches it, talking to the scanned hosts only.
 * Routes answer tracker hosts and block the rest; the resolver rule keeps out what routes cannot
 * see (preconnects, DNS prefetch, a worker's WebSocket or WebTransport): any other host name, and
 * any IP address written as one, does not resolve. WebRTC reaches peers by address over UDP
 * without a resolver: the IP handling policy lets it use no UDP and no connection but through a
 * proxy, and there is none.
 */
export async function launch(hosts: string[]): Promise<Browser> {
  let chromium: typeof import('playwright-core').chromium
  try {
    ;({ chromium } = await import('playwright-core'))
  } catch {
    throw new BrowserError(
      'consent-gate scan drives Chromium through playwright-core, which is not installed here. Add it: npm install --save-dev playwright-core',
    )
  }
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(path))
    throw new BrowserError(
      `no Chromium at ${path}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to its executable.`,
    )
  const rules = ['MAP * ~NOTFOUND', ...['localhost', ...hosts].map((h) => 'EXCLUDE ' + h)].join(', ')
  try {
    return await chromium.launch({
      executablePath: path,
      args: [...CHROMIUM_FLAGS, '--host-resolver-rules=' + rules, '--webrtc-ip-handling-policy=disable_non_proxied_udp'],
    })
  } catch (e) {
    throw new BrowserError(`could not start Chromium at ${path}: ${String((e as Error).message).split('\n')[0]}`)
  }
}

/** Resolves to `undefined` when `promise` takes longer than `ms` or fails. */
const within = <T>(promise: Promise<T>, ms: number): Promise<T | undefined> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms)
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      () => (clearTimeout(timer), resolve(undefined)),
    )
  })

const reason = (e: unknown, timeout: number): string => {
  const text = String((e as Error)?.message ?? e)
  if (/Timeout|timed out/i.test(text)) return `did not finish loading within ${timeout / 1000} s`
  if (text.includes('ERR_TOO_MANY_REDIRECTS')) return 'redirects too many times'
  if (text.includes('ERR_BLOCKED_BY_CLIENT')) return 'went to a host that is not being scanned'
  if (text.includes('ERR_NAME_NOT_RESOLVED')) return 'its host does not resolve'
  if (text.includes('ERR_CONNECTION_REFUSED')) return 'refused the connection'
  return text.split('\n')[0].replace(/^page\.goto: /, '')
}

const SCRIPT_STUB = '/* consent-gate scan: a tracker host, answered locally */'

/** What a page's scripts reach for besides HTTP, switched off in every frame it has. */
const OFF = { RTCPeerConnection: 'WebRTC', webkitRTCPeerConnection: 'WebRTC', WebTransport: 'WebTransport' } as const
const TRIED = '__consentGateScanTried'
// In the page: each of these throws, after telling the scanner. The launch flags and resolver
// rules already keep their traffic in, a worker's too; this says what the page tried.
const switchOff = ({ off, tried }: { off: Record<string, string>; tried: string }) => {
  for (const name of Object.keys(off))
    if (name in globalThis)
      Object.defineProperty(globalThis, name, {
        configurable: false,
        value: function () {
          ;(globalThis as unknown as Record<string, (what: string) => void>)[tried]?.(off[name])
          throw new DOMException(`consent-gate scan: ${off[name]} is off while scanning`, 'NotAllowedError')
        },
      })
}

/** Headers for the scanned origins only (`--region`, `--header`): a third party learns nothing of them. */
export interface Sent {
  origins: Set<string>
  headers: Record<string, string>
}

/** Sends every request where it may go, with the scan's headers to the scanned origins, and notes it; switches off what is not HTTP. */
async function guard(
  context: BrowserContext,
  allowed: Set<string>,
  sent: Sent,
  requests: string[],
  blocked: Set<string>,
  note: (n: string) => void,
) {
  await context.exposeBinding(TRIED, (_source, what: unknown) => {
    if (what === 'WebRTC' || what === 'WebTransport') note(`tried ${what}: switched off while scanning, nothing was sent`)
  })
  await context.addInitScript(switchOff, { off: OFF, tried: TRIED })
  // Every request, a redirect's too (routes see only the first URL of a chain; the resolver stops
  // the rest): each is a finding.
  context.on('request', (request) => {
    const url = urlOf(request.url())
    if (!url) return note(`requested something that is not a URL: "${request.url().slice(0, 100)}"; it was blocked`)
    requests.push(url.href)
    if (!allowed.has(hostOf(url)) && !trackerOf(url)) blocked.add(hostOf(url))
  })
  await context.route(
    () => true,
    (route) => {
      const request = route.request()
      const done = (p: Promise<void>) => p.catch(() => {})
      const url = urlOf(request.url())
      if (url && sent.origins.has(url.origin) && Object.keys(sent.headers).length)
        return done(route.continue({ headers: { ...request.headers(), ...sent.headers } }))
      if (url && allowed.has(hostOf(url))) return done(route.continue())
      if (url && trackerOf(url))
        return done(
          request.resourceType() === 'script'
            ? route.fulfill({ status: 200, contentType: 'text/javascript', body: SCRIPT_STUB })
            : route.fulfill({ status: 204 }),
        )
      return done(route.abort('blockedbyclient'))
    },
  )
  // A page's WebSocket; a worker's never resolves (see launch).
  await context.routeWebSocket(
    () => true,
    (ws) => {
      const url = urlOf(ws.url())
      const host = url ? hostOf(url) : ''
      // A tracker's socket (Hotjar's) is a tracker request like any other.
      if (url) requests.push(url.href)
      if (url && allowed.has(host)) {
        ws.connectToServer()
        return
      }
      if (!(url && trackerOf(url))) blocked.add(host || ws.url().slice(0, 100))
      ws.close()
    },
  )
}

/** Runs a function in the page; `undefined` if it throws or takes longer than the timeout. */
type Evaluate = <T>(fn: () => T | Promise<T>) => Promise<T | undefined>

// What comes back from the page is the page's to shape: lists and fields are checked here.
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {})
const text = (v: unknown): v is string => typeof v === 'string'

/** Notes past this many are one note: a page throwing in a loop makes a long report, not an endless one. */
const MAX_NOTES = 20

/**
 * One visit in a fresh context: load, settle, make the phase's choice on the banner, settle, then
 * record cookies, storage, requests and the site's own word on them.
 */
export async function visit(
  browser: Browser,
  url: string,
  phase: Phase,
  { timeout, allowed, sent, choice }: { timeout: number; allowed: Set<string>; sent: Sent; choice: PageResult['choice'] },
): Promise<VisitOutcome> {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false })
  const outcome: VisitOutcome = { consentGate: false, asks: false, banner: false, notes: [], blocked: [], links: [] }
  const more = 'more notes left out'
  const note = (n: string) => {
    if (outcome.notes.includes(n) || outcome.notes.includes(more)) return
    outcome.notes.push(outcome.notes.length < MAX_NOTES ? n.slice(0, 300) : more)
  }
  const requests: string[] = []
  const blocked = new Set<string>()
  let page: Page | undefined
  try {
    await guard(context, allowed, sent, requests, blocked, note)
    const written = await recordWrites(context, note)
    page = await context.newPage()
    const main = page
    context.on('page', (p) => {
      if (p === main) return
      note('opened a popup window; it was closed')
      p.close().catch(() => {})
    })
    page.on('dialog', (d) => {
      note(`opened a dialog (${d.type()}); it was dismissed`)
      d.dismiss().catch(() => {})
    })
    page.on('pageerror', (e) => note(`the page threw: ${String(e.message).split('\n')[0]}`))
    // A page that never stops working (an endless script, a hung renderer) must not hold the scan.
    // What a visit saw so far is forgotten: requests and cookie writes count from here on.
    const restart = async () => void (await written(true), requests.splice(0))
    const ran = run(context, main, url, phase, choice, timeout, outcome, written, restart).then(
      () => true,
      (e) => ((outcome.failed ??= reason(e, timeout)), true),
    )
    const finished = await within(ran, timeout * 4 + 5000)
    if (finished === undefined && !outcome.failed) outcome.failed = `stopped answering within ${(timeout * 4 + 5000) / 1000} s`
  } catch (e) {
    outcome.failed = reason(e, timeout)
  } finally {
    outcome.blocked = [...blocked].sort()
    await within(context.close(), 5000)
  }
  if (outcome.visit) outcome.visit.requests = requests
  return outcome
}

async function run(
  context: BrowserContext,
  page: Page,
  url: string,
  phase: Phase,
  choice: PageResult['choice'],
  timeout: number,
  outcome: VisitOutcome,
  written: () => Promise<SeenCookie[]>,
  restart: () => Promise<void>,
) {
  const evaluate: Evaluate = (fn) => within(page.evaluate(fn), timeout)
  // Playwright's 'networkidle' is reached once per load; after a click the page starts over, so
  // count requests in flight: settled is half a second with none, or five seconds at most.
  let inflight = 0
  let last = Date.now()
  context.on('request', () => (inflight++, (last = Date.now())))
  const finished = () => ((inflight = Math.max(0, inflight - 1)), (last = Date.now()))
  context.on('requestfinished', finished)
  context.on('requestfailed', finished)
  const settle = async () => {
    const end = Date.now() + Math.min(timeout, 5000)
    while (Date.now() < end && (inflight > 0 || Date.now() - last < 500)) await new Promise((r) => setTimeout(r, 50))
  }
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout })
    if (response && response.status() >= 400) {
      outcome.failed = `answered HTTP ${response.status()}`
      return
    }
  } catch (e) {
    outcome.failed = reason(e, timeout)
    return
  }
  await settle()
  const gate = record(
    await evaluate(() => {
      type Gate = { getConsent(): { decided: boolean; categories: string[]; policy?: string } }
      const g = (window as unknown as { ConsentGate?: Gate }).ConsentGate
      if (!g || typeof g.getConsent !== 'function') return null
      const { decided, categories, policy } = g.getConsent()
      return { decided, asked: Array.isArray(categories) && categories.length > 0, policy }
    }),
  )
  outcome.consentGate = typeof gate.decided === 'boolean'
  // Under opt-out and notice (docs/regions.md), what the visitor has not refused runs and there is
  // no banner: accept and reject are chosen through the API, and only after a refusal is a tracker
  // a finding.
  const unasked = gate.policy === 'opt-out' || gate.policy === 'notice'
  if (unasked) outcome.policy = gate.policy as Visit['policy']
  outcome.asks = (gate.decided === false || unasked) && gate.asked === true
  // The banner is a lazy chunk: wait for it rather than for a fixed time. A page that asks
  // without it (headless mode) is found out in the first visit and not waited for again.
  if (outcome.asks && !unasked && (phase === 'before' || choice === 'banner')) {
    outcome.banner = !!(await within(page.locator(BANNER).first().waitFor({ state: 'visible', timeout }), timeout + 1000).then(
      () => page.locator(BANNER).first().isVisible(),
    ))
    if (!outcome.banner && phase === 'before')
      outcome.notes.push(
        `consent-gate asks for a choice without showing its banner within ${timeout / 1000} s (headless mode, ui: false, or a banner that did not load): accept and reject are chosen through its API`,
      )
  }
  if (phase !== 'before') {
    if (!outcome.asks) {
      outcome.failed = 'consent-gate did not ask for a choice this time'
      return
    }
    if (choice === 'banner' && !outcome.banner) {
      outcome.failed = 'no banner to click'
      return
    }
    try {
      if (choice === 'banner') await page.locator(`${BANNER} [data-action="${phase}-all"]`).first().click({ timeout })
      else if (phase === 'accept')
        await page.evaluate(() => (window as unknown as { ConsentGate: { acceptAll(): void } }).ConsentGate.acceptAll())
      else await page.evaluate(() => (window as unknown as { ConsentGate: { rejectAll(): void } }).ConsentGate.rejectAll())
      await page.waitForFunction(
        () => (window as unknown as { ConsentGate: { getConsent(): { decided: boolean } } }).ConsentGate.getConsent().decided,
        undefined,
        { timeout },
      )
    } catch (e) {
      const where = choice === 'banner' ? 'on the banner' : 'through the API'
      outcome.failed = `choosing "${phase}" ${where} did not work: ${String((e as Error).message).split('\n')[0]}`
      return
    }
    await settle()
    // Under opt-out and notice the trackers ran before the choice, as those rules allow: what
    // counts is what the site does once it was made, so the page is loaded again and seen anew.
    if (unasked) {
      await restart()
      await page.reload({ waitUntil: 'load', timeout })
      await settle()
    }
  }
  // Checked by the crawl (see crawlable): whatever the page made of its links.
  if (phase === 'before')
    outcome.links = list(
      await evaluate(() => Array.from(document.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href)),
    ).filter(text)

  const writes = await written()
  const jar = await context.cookies()
  const cookies: SeenCookie[] = jar.map(({ name, domain, path, expires, httpOnly, secure, sameSite }) => ({
    name,
    domain,
    path,
    expires,
    httpOnly,
    secure,
    sameSite,
  }))
  // Set before consent is a leak even when something removed it afterwards.
  const kept = new Set(cookies.map(cookieKey))
  for (const c of writes) if (!kept.has(cookieKey(c))) cookies.push({ ...c, gone: true })
  const storage = list(
    await evaluate(() => {
      const keys = (kind: 'local' | 'session') => {
        try {
          return Object.keys(kind === 'local' ? localStorage : sessionStorage).map((name) => ({ name, kind }))
        } catch {
          return []
        }
      }
      return [...keys('local'), ...keys('session')]
    }),
  )
    .map(record)
    .filter((s): s is Visit['storage'][number] => text(s.name) && (s.kind === 'local' || s.kind === 'session'))
    .map(({ name, kind }) => ({ name, kind }))
  outcome.visit = { page: url, phase, cookies, storage, requests: [], ...(outcome.policy && { policy: outcome.policy }) }
  if (outcome.consentGate)
    outcome.visit.site = await siteWords(context, page, [...jar, ...cookies.filter((c) => c.gone)], evaluate)
}

/**
 * The site's own word on each cookie and key, through its public API: `ConsentGate.audit()`.
 * It sees what `document.cookie` shows, so first-party cookies it cannot see (HttpOnly, another
 * path, set and gone) are copied as plain cookies first; the context is thrown away afterwards.
 */
async function siteWords(
  context: BrowserContext,
  page: Page,
  jar: { name: string; domain: string; value?: string }[],
  evaluate: Evaluate,
): Promise<Visit['site']> {
  // Through Document.prototype's getter: markup can hide `document.cookie` (`<img name="cookie">`).
  const shown = await evaluate(() => Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')?.get?.call(document))
  const visible = parseCookies(typeof shown === 'string' ? shown : '').map(([name]) => name)
  const origin = urlOf(page.url())?.origin
  for (const c of jar)
    if (origin && firstParty(c.domain, page.url()) && !visible.includes(c.name))
      await context.addCookies([{ name: c.name, value: c.value || 'x', url: origin + '/' }]).catch(() => {})
  type Entry = { name: string; storage: string; class: SiteWord['class']; declared: boolean }
  const entries = list(
    await evaluate(() =>
      (window as unknown as { ConsentGate: { audit(): Promise<Entry[]> } }).ConsentGate.audit().then((list) =>
        list.map(({ name, storage, class: cls, declared }) => ({ name, storage, class: cls, declared })),
      ),
    ),
  ).map(record)
  // Prototype-free: a page's word on "__proto__" is one more name.
  const words = {
    cookies: Object.create(null) as Record<string, SiteWord>,
    storage: Object.create(null) as Record<string, SiteWord>,
  }
  for (const e of entries)
    if (text(e.name) && CLASSES.includes(e.class as SiteWord['class']) && typeof e.declared === 'boolean')
      (e.storage === 'cookie' ? words.cookies : words.storage)[e.name] = {
        class: e.class as SiteWord['class'],
        declared: e.declared,
      }
  return words
}
