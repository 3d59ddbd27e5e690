import type { Browser } from 'playwright-core'
import type { Visiting } from './args'
import { BrowserError, launch, visit } from './browser'
import type { PageResult, Phase, Visit } from './findings'
import { shown } from './shown'
import { crawlable, hostOf } from './urls'

export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean }
  stderr: { write(text: string): unknown; isTTY?: boolean }
}

/** What a scan saw: each page's result, every visit's observations, and the links it followed or could. */
export interface Scanned {
  scannedAt: Date
  pages: PageResult[]
  visits: Visit[]
  /** The links on every page's first visit, in page order. */
  links: string[]
}

/**
 * Visits every URL (and with `crawl`, same-origin pages linked from each) before a choice, after
 * accept and after reject, as `consent-gate scan` and `init` both do; progress on a terminal's
 * stderr. `undefined` when there is no browser to scan with, after saying why as `command`.
 */
export async function scanSite(options: Visiting, io: Io, command: string): Promise<Scanned | undefined> {
  const allowed = new Set([...options.urls.map((u) => hostOf(new URL(u))), ...options.allow])
  const sent = { origins: new Set(options.urls.map((u) => new URL(u).origin)), headers: options.headers }
  let browser: Browser
  try {
    browser = await launch([...allowed])
  } catch (e) {
    if (!(e instanceof BrowserError)) throw e
    io.stderr.write(`consent-gate ${command}: ${e.message}\n`)
    return undefined
  }
  const scanned: Scanned = { scannedAt: new Date(), pages: [], visits: [], links: [] }
  const progress = (text: string) => io.stderr.isTTY && io.stderr.write(`\r\x1b[K${shown(text, 200)}`)
  let step = 0
  const scanPage = async (url: string): Promise<string[]> => {
    const page: PageResult = {
      url,
      consentGate: false,
      banner: false,
      choice: null,
      phases: [],
      notes: [],
      blocked: [],
      loaded: false,
    }
    scanned.pages.push(page)
    let links: string[] = []
    for (const phase of ['before', 'accept', 'reject'] as Phase[]) {
      progress(`[${++step}] ${phase} ${url}`)
      const o = await visit(browser, url, phase, { timeout: options.timeout, allowed, sent, choice: page.choice })
      for (const n of o.notes) if (!page.notes.includes(n)) page.notes.push(n)
      page.blocked = [...new Set([...page.blocked, ...o.blocked])].sort()
      if (o.failed) {
        page.notes.push(phase === 'before' ? `not scanned: ${o.failed}` : `"${phase}" visit skipped: ${o.failed}`)
        if (phase === 'before') break
        continue
      }
      if (phase === 'before') {
        Object.assign(page, {
          loaded: true,
          consentGate: o.consentGate,
          banner: o.banner,
          choice: o.asks ? (o.banner ? 'banner' : 'api') : null,
          ...(o.policy && { policy: o.policy }),
        })
        links = o.links
        scanned.links.push(...links)
      }
      if (o.visit) (scanned.visits.push(o.visit), page.phases.push(phase))
      if (!page.choice) break
    }
    return links
  }

  try {
    const seen = new Set<string>()
    for (const start of options.urls) {
      if (seen.has(start)) continue
      seen.add(start)
      const links = await scanPage(start)
      if (!options.crawl) continue
      const { urls, notes } = crawlable(links, new URL(start).origin, seen)
      scanned.pages.find((p) => p.url === start)?.notes.push(...notes)
      for (const url of urls.slice(0, options.crawl)) (seen.add(url), await scanPage(url))
    }
  } finally {
    progress('')
    await browser.close().catch(() => {})
  }
  return scanned
}
