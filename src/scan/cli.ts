import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Browser } from 'playwright-core'
import { HELP, parseScanArgs, UsageError, type ScanOptions } from './args'
import { BrowserError, launch, visit } from './browser'
import { complete, declarations, summarise, type PageResult, type Phase, type Visit } from './findings'
import { renderReport } from './report'
import { shown } from './shown'
import { crawlable, hostOf } from './urls'

export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean }
  stderr: { write(text: string): unknown; isTTY?: boolean }
}

/** `consent-gate <command> …`; resolves to the exit code: 0 clean, 1 violations, 2 usage or browser. */
export async function main(argv: string[], io: Io = process): Promise<number> {
  const [command, ...args] = argv
  if (command === '-h' || command === '--help' || command === 'help') return (io.stdout.write(HELP), 0)
  if (command !== 'scan') {
    io.stderr.write(
      `consent-gate: ${command ? `unknown command "${command}"` : 'no command'}; try: consent-gate scan <url…>\n\n${HELP}`,
    )
    return 2
  }
  let options: ScanOptions | 'help'
  try {
    options = parseScanArgs(args)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    io.stderr.write(`consent-gate scan: ${e.message}. See consent-gate scan --help\n`)
    return 2
  }
  if (options === 'help') return (io.stdout.write(HELP), 0)

  const allowed = new Set([...options.urls.map((u) => hostOf(new URL(u))), ...options.allow])
  let browser: Browser
  try {
    browser = await launch([...allowed])
  } catch (e) {
    if (!(e instanceof BrowserError)) throw e
    io.stderr.write(`consent-gate scan: ${e.message}\n`)
    return 2
  }

  const scannedAt = new Date()
  const pages: PageResult[] = []
  const visits: Visit[] = []
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
    pages.push(page)
    let links: string[] = []
    for (const phase of ['before', 'accept', 'reject'] as Phase[]) {
      progress(`[${++step}] ${phase} ${url}`)
      const o = await visit(browser, url, phase, { timeout: options.timeout, allowed, choice: page.choice })
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
        })
        links = o.links
      }
      if (o.visit) (visits.push(o.visit), page.phases.push(phase))
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
      pages.find((p) => p.url === start)?.notes.push(...notes)
      for (const url of urls.slice(0, options.crawl)) (seen.add(url), await scanPage(url))
    }
  } finally {
    progress('')
    await browser.close().catch(() => {})
  }

  const report = summarise(visits, pages, scannedAt)
  io.stdout.write(renderReport(report, visits))
  const write = (file: string, data: unknown) => {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(data, null, 2) + '\n')
  }
  if (options.json) write(options.json, report)
  if (options.declarations) write(options.declarations, declarations(report))
  if (report.violations.length) return 1
  // A URL it was given and could not scan fully is not a clean scan (a crawled link that fails is
  // reported, not fatal: it may be a download or a page gone).
  return options.urls.every((u) => pages.some((p) => p.url === u && complete(p))) ? 0 : 2
}
