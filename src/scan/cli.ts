import type { Config } from '../config/options'
import { HELP, parseScanArgs, SCAN_HELP, UsageError, type ScanOptions } from './args'
import { readDescription, writeJson } from './files'
import { complete, declarations, summarise } from './findings'
import { init } from './init'
import { renderReport } from './report'
import { scanSite, type Io } from './run'

export type { Io }

/** `consent-gate <command> …`; resolves to the exit code: 0 clean (or written), 1 violations, 2 usage or browser. */
export async function main(argv: string[], io: Io = process): Promise<number> {
  const [command, ...args] = argv
  if (command === '-h' || command === '--help' || command === 'help') return (io.stdout.write(HELP), 0)
  if (command === 'init') return init(args, io)
  if (command !== 'scan') {
    io.stderr.write(
      `consent-gate: ${command ? `unknown command "${command}"` : 'no command'}; try: consent-gate scan <url…> or consent-gate init <url…>\n\n${HELP}`,
    )
    return 2
  }
  let options: ScanOptions | 'help'
  let config: Config | undefined
  try {
    options = parseScanArgs(args)
    if (options !== 'help' && options.config) config = readDescription(options.config)
  } catch (e) {
    const usage = e instanceof UsageError
    io.stderr.write(`consent-gate scan: ${(e as Error).message}${usage ? '. See consent-gate scan --help' : ''}\n`)
    return 2
  }
  if (options === 'help') return (io.stdout.write(SCAN_HELP), 0)

  const scanned = await scanSite(options, io, 'scan')
  if (!scanned) return 2
  const { visits, pages, scannedAt } = scanned
  const report = summarise(visits, pages, scannedAt, config?.cookies)
  io.stdout.write(renderReport(report, visits, options.config))
  if (options.json) writeJson(options.json, report)
  if (options.declarations) writeJson(options.declarations, declarations(report, config?.cookieName))
  if (report.violations.length) return 1
  // A URL it was given and could not scan fully is not a clean scan (a crawled link that fails is
  // reported, not fatal: it may be a download or a page gone).
  return options.urls.every((u) => pages.some((p) => p.url === u && complete(p))) ? 0 : 2
}
