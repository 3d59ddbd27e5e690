import type { Config } from '../config/options'
import { HELP, parseScanArgs, SCAN_HELP, UsageError, type ScanOptions } from './args'
import { compare, fails } from './baseline'
import { readBaseline, readDescription, writeJson } from './files'
import { complete, declarations, summarise, type Report } from './findings'
import { init } from './init'
import { renderReport, type Compared } from './report'
import { scanSite, type Io } from './run'

export type { Io }

/** `consent-gate <command> …`; resolves to the exit code: 0 clean (or written), 1 violations, 2 usage or browser. */
export async function main(argv: string[], io: Io = process): Promise<number> {
  const [command, ...args] = argv
  if (command === '-h' || command === '--help' || command === 'help') return (io.stdout.write(HELP), 0)
  if (command === 'init') return init(args, io)
  if (command !== 'scan') {
    io.stderr.write(
      `consent-gate: ${command ? `unknown command "${command}"` : 'no command'}; try: consent-gate scan <url…>, consent-gate init <url…> or consent-gate copy <public-dir>\n\n${HELP}`,
    )
    return 2
  }
  let options: ScanOptions | 'help'
  let config: Config | undefined
  // `null`: none yet, which only --update may write.
  let baseline: Report | null | undefined
  try {
    options = parseScanArgs(args)
    if (options !== 'help' && options.config) config = readDescription(options.config)
    if (options !== 'help' && options.baseline) baseline = readBaseline(options.baseline, options.update)
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
  const compared: Compared | undefined =
    options.baseline && baseline
      ? { file: options.baseline, changes: compare(baseline, report), strict: options.strict }
      : undefined
  // A URL it was given and could not scan fully is not a clean scan (a crawled link that fails is
  // reported, not fatal: it may be a download or a page gone).
  const whole = options.urls.every((u) => pages.some((p) => p.url === u && complete(p)))
  const updated = options.baseline && options.update ? update(options.baseline, report, compared, whole) : ''
  // One write: a reader that stops early (`| head`) must not meet a second one on a closed pipe.
  io.stdout.write(renderReport(report, visits, options.config, compared) + updated)
  if (options.json) {
    // The JSON leads with what changed too: the comparison comes right after the version.
    const { version, ...rest } = report
    writeJson(options.json, compared ? { version, baseline: { file: compared.file, ...compared.changes }, ...rest } : report)
  }
  if (options.declarations) writeJson(options.declarations, declarations(report, config?.cookieName))
  if (report.violations.length) return 1
  // --update accepts the changes it reports: they are the baseline now.
  if (compared && !options.update && fails(compared.changes, options.strict)) return 1
  return whole ? 0 : 2
}

/** Writes `report` as the baseline, unless the scan was partial; says which, never silently. */
function update(file: string, report: Report, compared: Compared | undefined, whole: boolean): string {
  // A partial scan as the baseline would make the next full one all "new".
  if (!whole) return `Baseline ${file} NOT updated: not every URL was fully scanned.\n`
  writeJson(file, report)
  const n = compared?.changes.changes.length ?? 0
  return `Baseline ${file} ${compared ? `updated: ${n} change${n === 1 ? '' : 's'} accepted` : 'written (there was none)'}.\n`
}
