import { existsSync } from 'node:fs'
import { relative, sep } from 'node:path'
import { explain } from '../config/explain'
import { resolveConfig, type Options } from '../config/options'
import { TRACKERS } from '../config/profiles'
import { INIT_HELP, parseInitArgs, UsageError, type InitOptions } from './args'
import { describeSite, siteName, validSite, type Description } from './describe'
import { writeJson } from './files'
import { complete, summarise } from './findings'
import { scanSite, type Io } from './run'
import { shown } from './shown'
import { configTags } from './tags'
import { hostOf } from './urls'

/** How to load the description: inline beside the script tag, or imported from its file with npm. */
export const snippets = (description: Options, file: string, urls: string[]): string => {
  const path = relative(process.cwd(), file).split(sep).join('/')
  return [
    `Check it (no cookie should be undeclared): consent-gate scan ${urls.map((u) => shown(u)).join(' ')} --config ${shown(file)}`,
    '',
    'Script tag, in <head> before anything it gates (serve dist/consent-gate.js and dist/chunks/ at /consent-gate/,',
    'or copy them into a static site with consent-gate copy <public-dir>):',
    '',
    configTags(description, '/consent-gate/consent-gate.js'),
    '',
    'npm:',
    '',
    "import { createConsentGate } from 'consent-gate'",
    `import site from '${path.startsWith('.') ? path : './' + path}'`,
    'createConsentGate(site)',
    '',
  ].join('\n')
}

/** What was written and what is left to do, in a few lines; page-found names shown safe. */
const summary = ({ description: d, unclassified, broken, notes }: Description, file: string, pages: number): string => {
  const lines = [`consent-gate init: wrote ${shown(file)} for site "${d.site}" (${pages} page${pages === 1 ? '' : 's'} scanned)`]
  const trackers = TRACKERS.filter((t) => d[t])
  const id = (o: unknown) => (typeof o === 'object' && o ? ' ' + Object.values(o)[0] : '')
  if (d.never) lines.push('  never: true, the site promises no trackers: nothing is offered, no tracker can load')
  else lines.push(`  trackers: ${trackers.map((t) => t + id(d[t])).join(', ') || 'none'}`)
  if (d.categories) lines.push(`  categories offered: ${d.categories.join(', ')}`)
  const declared = (d.cookies ?? []).map(
    (c) => `${shown(c.name, 100)}${c.storage ? ` (${c.storage})` : ''} ${c.class ?? 'NO CLASS YET'}`,
  )
  lines.push(`  declared: ${declared.join(', ') || 'nothing'}${trackers.length ? ', and the trackers’ own cookies' : ''}`)
  if (d.policyUrl) lines.push(`  policyUrl: ${shown(d.policyUrl)}`)
  for (const n of notes) lines.push('  ! ' + shown(n))
  if (unclassified.length)
    lines.push(
      '',
      'TO DO: the catalogue does not know these; give each a "class" in the file (essential, session, xsrf,',
      `functional, analytics or marketing): ${unclassified.map((n) => shown(n, 100)).join(', ')}`,
    )
  if (broken.length)
    lines.push(
      '',
      `PROMISE BROKEN (${broken.length}): the site runs what a site with --never may not. Left out of the file; a`,
      'consent-gate scan reports each as a violation and the SDK reports it on every page, until it is removed:',
      ...broken.map((b) => '  ' + shown(b)),
    )
  return lines.join('\n') + '\n\n'
}

/** `consent-gate init …`: scans, writes a description, prints how to load it. Resolves to the exit code. */
export async function init(args: string[], io: Io): Promise<number> {
  let options: InitOptions | 'help'
  let site: string | undefined
  try {
    options = parseInitArgs(args)
    if (options === 'help') return (io.stdout.write(INIT_HELP), 0)
    const host = hostOf(new URL(options.urls[0]))
    site = options.site ?? siteName(host)
    if (options.site !== undefined && !validSite(options.site))
      throw new UsageError(
        `--site needs a name of up to 64 letters, digits, ".", "_" or "-" that is not a preset (pisama, pigi), got ${JSON.stringify(options.site)}`,
      )
    if (!site) throw new UsageError(`cannot name the site after its host "${host}"; give it a name: --site acme`)
    if (existsSync(options.out) && !options.force)
      throw new UsageError(`${options.out} already exists and was left as it is; --force replaces it`)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    io.stderr.write(`consent-gate init: ${e.message}. See consent-gate init --help\n`)
    return 2
  }

  const scanned = await scanSite(options, io, 'init')
  if (!scanned) return 2
  const { pages, visits, links, scannedAt } = scanned
  // A description from half a scan would leave out what the rest sets: nothing is written.
  const missed = options.urls.flatMap((u) => pages.filter((p) => p.url === u && !complete(p)))
  if (missed.length) {
    for (const p of missed)
      io.stderr.write(
        `consent-gate init: nothing written, could not fully scan ${shown(p.url)}: ${p.notes.map((n) => shown(n)).join('; ')}\n`,
      )
    return 2
  }
  const report = summarise(visits, pages, scannedAt)
  const found = describeSite({ report, requests: visits.flatMap((v) => v.requests), links }, { site, never: options.never })
  // What it writes, the SDK takes as it is: checked by the SDK's own validator first.
  try {
    resolveConfig(found.description, null)
  } catch (e) {
    io.stderr.write(`consent-gate init: the description found is not valid, nothing written: ${(explain(e) as Error).message}\n`)
    return 2
  }
  try {
    writeJson(options.out, found.description, !options.force)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    io.stderr.write(
      `consent-gate init: ${code === 'EEXIST' ? `${options.out} already exists and was left as it is; --force replaces it` : `cannot write ${options.out}: ${(e as Error).message}`}\n`,
    )
    return 2
  }
  io.stdout.write(summary(found, options.out, pages.length) + snippets(found.description, options.out, options.urls))
  return found.broken.length ? 1 : 0
}
