import { parseArgs } from 'node:util'
import { shown } from '../../scan/shown'

/** Bad input: the CLI prints it as one line and exits 2, before anything is opened or changed. */
export class UsageError extends Error {}

export const HELP = `consent-gate receipts: the receipts a site stored, for a data-subject request, an audit, consent over time and retention

Usage:
  consent-gate receipts show <consentId> [--json] [--config FILE]
      one visitor's choices, oldest first
  consent-gate receipts export [--since DATE] [--until DATE] [--format csv|ndjson] [--out FILE]
      the receipts received in [since, until), streamed; CSV (the default) or NDJSON
  consent-gate receipts prune --before DATE [--dry-run]
      deletes the receipts received before DATE whose choice had lapsed by then
  consent-gate receipts stats [--by day|week|month] [--since DATE] [--until DATE] [--json]
      per period (month by default) and revision: choices, accept-all, reject-all, custom and
      GPC shares, the grant rate per category, and how the choices were made
  consent-gate receipts report --out FILE [--since DATE] [--until DATE] [--config FILE]
      one HTML file that opens from disk: consent over time per category and per way, the
      revisions and when they started, the wording shown per revision, the latest choices

Options:
  --store DIR|URL   a PGlite directory (default ./receipts) or a postgres:// URL; also read from
                    CONSENT_GATE_STORE
  --config FILE     the site's description (consent-gate.json, as scan --config takes; once per
                    site): show and report then say whether each receipt's wording digest is the
                    site's wording today, and report prints those texts
  -h, --help        this text

DATE is 2026-01-31 (midnight UTC) or an ISO 8601 time with its zone, 2026-01-31T12:00:00Z.
Exit code: 0 done, 2 bad input or the store could not be read (nothing was changed).
`

/** One line for `consent-gate --help`. */
export const SUMMARY = `
Receipts: consent-gate receipts show|export|prune|stats|report … (see consent-gate receipts --help)
`

export type Command =
  | { command: 'show'; store: string; consentId: string; json: boolean; configs: string[] }
  | { command: 'export'; store: string; since?: Date; until?: Date; format: 'csv' | 'ndjson'; out?: string }
  | { command: 'prune'; store: string; before: Date; dryRun: boolean }
  | { command: 'stats'; store: string; by: 'day' | 'week' | 'month'; since?: Date; until?: Date; json: boolean }
  | { command: 'report'; store: string; since?: Date; until?: Date; out: string; configs: string[] }

const DAY = /^(\d{4})-(\d\d)-(\d\d)$/
const TIME = /^(\d{4}-\d\d-\d\d)T\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/

/** A day (midnight UTC) or a time with its zone; a date that does not exist (30 February) is refused. */
export function parseDate(option: string, value: string | undefined): Date | undefined {
  if (value === undefined) return
  const day = (DAY.exec(value) ?? TIME.exec(value))?.[0].slice(0, 10)
  const t = Date.parse(value.length === 10 ? value + 'T00:00:00Z' : value)
  // Date.parse rolls 2026-02-30 over to 2 March: the day must survive the round trip.
  if (!day || Number.isNaN(t) || new Date(Date.parse(day + 'T00:00:00Z')).toISOString().slice(0, 10) !== day)
    throw new UsageError(`${option} must be a date such as 2026-01-31 or 2026-01-31T12:00:00Z, got "${shown(value, 40)}"`)
  return new Date(t)
}

/** A consent id as the SDK makes them; anything else is refused before it reaches a query. */
const CONSENT_ID = /^[a-z0-9]{8,32}$/

/** `argv` after `receipts`; "help" for --help. Throws a UsageError naming what is wrong. */
export function parseReceiptsArgs(argv: string[], env: Record<string, string | undefined>): Command | 'help' {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        store: { type: 'string' },
        json: { type: 'boolean' },
        since: { type: 'string' },
        until: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        before: { type: 'string' },
        'dry-run': { type: 'boolean' },
        by: { type: 'string' },
        config: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (e) {
    throw new UsageError(shown((e as Error).message, 200))
  }
  // The command is the first word that is not an option, so `--store` may come before it.
  const {
    values: v,
    positionals: [command, ...positionals],
  } = parsed
  if (v.help || command === 'help') return 'help'
  if (command === undefined) throw new UsageError('no command; commands are show, export, prune, stats, report')
  const store = v.store ?? env.CONSENT_GATE_STORE ?? './receipts'
  if (!store) throw new UsageError('--store must name a PGlite directory or a postgres:// URL')
  const allowed = {
    show: ['json', 'config'],
    export: ['since', 'until', 'format', 'out'],
    prune: ['before', 'dry-run'],
    stats: ['by', 'since', 'until', 'json'],
    report: ['out', 'since', 'until', 'config'],
  }[command as 'show']
  if (!allowed) throw new UsageError(`unknown command "${shown(command, 40)}"; commands are show, export, prune, stats, report`)
  for (const key of Object.keys(v))
    if (key !== 'store' && !allowed.includes(key)) throw new UsageError(`--${key} does not apply to "${command}"`)
  if (command !== 'show' && positionals.length) throw new UsageError(`"${command}" takes no argument besides options`)

  if (command === 'show') {
    if (positionals.length !== 1) throw new UsageError('show takes one consent id')
    if (!CONSENT_ID.test(positionals[0]))
      throw new UsageError('a consent id is 8 to 32 of a-z and 0-9 (as in the consent cookie); this one is not')
    return { command, store, consentId: positionals[0], json: !!v.json, configs: v.config ?? [] }
  }
  const since = parseDate('--since', v.since)
  const until = parseDate('--until', v.until)
  if (since && until && since >= until) throw new UsageError('--since must be before --until')
  if (command === 'export') {
    const format = v.format ?? 'csv'
    if (format !== 'csv' && format !== 'ndjson')
      throw new UsageError(`--format must be csv or ndjson, got "${shown(format, 40)}"`)
    if (v.out === '') throw new UsageError('--out must name a file')
    return { command, store, since, until, format, out: v.out }
  }
  if (command === 'report') {
    if (!v.out) throw new UsageError('report needs --out FILE (the HTML file to write)')
    return { command, store, since, until, out: v.out, configs: v.config ?? [] }
  }
  if (command === 'stats') {
    const by = v.by ?? 'month'
    if (by !== 'day' && by !== 'week' && by !== 'month')
      throw new UsageError(`--by must be day, week or month, got "${shown(by, 40)}"`)
    return { command, store, by, since, until, json: !!v.json }
  }
  const before = parseDate('--before', v.before)
  if (!before) throw new UsageError('prune needs --before DATE')
  // Receipts of choices that lapse between now and a future date are still in force today.
  if (before.getTime() > Date.now()) throw new UsageError('--before must not be in the future')
  return { command: 'prune', store, before, dryRun: !!v['dry-run'] }
}
