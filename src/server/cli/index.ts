// `consent-gate receipts …`: the receipts store read and pruned from a terminal, for a data
// subject's request, an audit, and retention. bin/consent-gate.mjs sends `receipts` here.
import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { StoredReceipt } from '../store'
import { rangeParams, SQL } from '../store'
import { HELP, parseReceiptsArgs, UsageError, type Command } from './args'
import { csvHeader, csvRow } from './csv'
import { oneLine, openStore, StoreError, type Opened } from './open'
import { progressLine } from './progress'
import { showText } from './show'
import type { Options } from '../../config/options'
import { reportHtml, type LatestChoice } from './report'
import { shownWordings } from './report-wording'
import { statsRows, statsText, summarise } from './stats'
import { readSites, surfaceOf, wordingChecker } from './wordings'

export { SUMMARY } from './args'
// `consent-gate copy`: a static site's build step, with the server's preloadHints.
export { copy, COPY_HELP } from './copy'

export interface Io {
  stdout: Writable & { isTTY?: boolean }
  stderr: { write(text: string): unknown; isTTY?: boolean }
  env: Record<string, string | undefined>
}

/** Resolves the exit code: 0 done, 2 bad input or a store that could not be read. */
export async function main(argv: string[], io: Io = process): Promise<number> {
  const fail = (text: string) => (io.stderr.write(`consent-gate receipts: ${text}\n`), 2)
  let command: Command | 'help'
  try {
    command = parseReceiptsArgs(argv, io.env)
  } catch (e) {
    if (e instanceof UsageError) return fail(`${e.message}. See consent-gate receipts --help`)
    throw e
  }
  if (command === 'help') return (io.stdout.write(HELP), 0)
  let sites = new Map<string, Options>()
  try {
    if ('configs' in command) sites = readSites(command.configs)
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message)
    throw e
  }

  let opened: Opened
  try {
    opened = await openStore(command.store)
  } catch (e) {
    if (e instanceof StoreError) return fail(e.message)
    throw e
  }
  try {
    if (command.command === 'show') await show(opened, command, sites, io)
    else if (command.command === 'export') await exportTo(opened, command, io)
    else if (command.command === 'stats') await stats(opened, command, io)
    else if (command.command === 'report') await report(opened, command, sites, io)
    else await prune(opened, command, io)
    return 0
  } catch (e) {
    return fail(oneLine(e, command.store))
  } finally {
    await opened.store.close().catch(() => {})
  }
}

async function show(
  { store }: Opened,
  { consentId, json }: Extract<Command, { command: 'show' }>,
  sites: Map<string, Options>,
  io: Io,
) {
  const receipts = await store.receiptsFor(consentId)
  // With --config: each digest against the site's wording today.
  const check = wordingChecker(sites)
  const verdicts = await Promise.all(
    receipts.map((r) =>
      sites.size && r.wording && r.lang && surfaceOf(r.via) ? check(r.site, r.lang, surfaceOf(r.via)!, r.wording) : undefined,
    ),
  )
  io.stdout.write(
    json
      ? JSON.stringify(
          receipts.map((r, i) => (verdicts[i] ? { ...r, wordingToday: verdicts[i].is } : r)),
          null,
          2,
        ) + '\n'
      : showText(consentId, receipts, verdicts),
  )
}

async function stats({ query }: Opened, c: Extract<Command, { command: 'stats' }>, io: Io) {
  const summary = summarise(await statsRows(query, c, c.by))
  io.stdout.write(c.json ? JSON.stringify(summary, null, 2) + '\n' : statsText(summary, c.by))
}

// The report's table: the latest receipts of the range, through the index on the time received.
const LATEST = `SELECT received_at, consent_id, site, revision, via, choices FROM consent_gate_receipts
  WHERE received_at >= $1 AND received_at < $2 ORDER BY received_at DESC, id DESC LIMIT 50`

/** Days when the receipts span two months or less, weeks up to two years, then months. */
const periodFor = (days: { period: string }[]) => {
  const span = days.length ? Date.parse(days[days.length - 1].period) - Date.parse(days[0].period) : 0
  return span <= 62 * 864e5 ? 'day' : span <= 731 * 864e5 ? 'week' : 'month'
}

/**
 * The report of the receipts received in `[since, until)`, from any database that holds a store
 * (`query` runs SQL on it; `store` is how it is named in the page). The demo serves it too.
 */
export async function receiptsReport(
  query: Opened['query'],
  store: string,
  range: { since?: Date; until?: Date } = {},
  /** The sites' descriptions, by name (`--config`): the wording of their receipts is checked against them. */
  sites: ReadonlyMap<string, Options> = new Map(),
): Promise<{ html: string; choices: number; by: string }> {
  const days = await statsRows(query, range, 'day')
  const by = periodFor(days)
  const rows = by === 'day' ? days : await statsRows(query, range, by)
  const latest = (
    await query<{
      received_at: Date | string
      consent_id: string
      site: string
      revision: string
      via: string
      choices: unknown
    }>(LATEST, rangeParams(range))
  ).map((r): LatestChoice => ({
    receivedAt: new Date(r.received_at).toISOString(),
    consentId: r.consent_id,
    site: r.site,
    revision: r.revision,
    via: r.via,
    choices: typeof r.choices === 'string' ? JSON.parse(r.choices) : (r.choices as LatestChoice['choices']),
  }))
  const wordings = await shownWordings(days, sites.size ? wordingChecker(sites) : undefined)
  const html = reportHtml({
    store,
    ...range,
    generatedAt: new Date(),
    by,
    rows,
    days,
    latest,
    wordings,
    described: sites.size > 0,
  })
  return { html, choices: days.reduce((n, d) => n + d.n, 0), by }
}

async function report({ query, name }: Opened, c: Extract<Command, { command: 'report' }>, sites: Map<string, Options>, io: Io) {
  const { html, choices, by } = await receiptsReport(query, name, { since: c.since, until: c.until }, sites)
  // Written beside its name and renamed, so a failed run leaves no half report.
  const part = `${c.out}.part`
  try {
    writeFileSync(part, html)
    renameSync(part, c.out)
  } catch (e) {
    rmSync(part, { force: true })
    throw e
  }
  io.stdout.write(`Wrote ${c.out}: ${choices.toLocaleString('en-US')} choices, per ${by}.\n`)
}

async function prune({ store, query, name }: Opened, { before, dryRun }: Extract<Command, { command: 'prune' }>, io: Io) {
  const when = before.toISOString()
  const count = dryRun ? Number((await query<{ n: string }>(SQL.countBefore, [when]))[0].n) : await store.deleteBefore(before)
  io.stdout.write(
    `${dryRun ? 'Would delete' : 'Deleted'} ${count} receipt${count === 1 ? '' : 's'} from ${name}: received before ${when}, their choice lapsed by then.\n`,
  )
}

/**
 * Streams the range from the store's batched reader to the file or stdout, waiting on the writer
 * (constant memory however many rows). A file is written beside its name and renamed once
 * complete, so a failed export leaves no half file.
 */
async function exportTo({ store, query }: Opened, c: Extract<Command, { command: 'export' }>, io: Io) {
  // On a terminal the rows would bury the progress line; and nothing but rows goes down a pipe.
  const showProgress = !!io.stderr.isTTY && (c.out !== undefined || !io.stdout.isTTY)
  const total = showProgress ? Number((await query<{ n: string }>(SQL.count, rangeParams(c)))[0].n) : 0
  const started = Date.now()
  let rows = 0
  let shownAt = 0
  const progress = (last = false) => {
    if (!showProgress || (!last && Date.now() - shownAt < 250)) return
    shownAt = Date.now()
    io.stderr.write(`\r\x1b[K${progressLine(rows, total, shownAt - started)}${last ? '\n' : ''}`)
  }
  async function* lines(source: AsyncIterable<Uint8Array>) {
    const decoder = new TextDecoder()
    let rest = ''
    if (c.format === 'csv') yield csvHeader()
    for await (const bytes of source) {
      const parts = (rest + decoder.decode(bytes, { stream: true })).split('\n')
      rest = parts.pop()!
      rows += parts.length
      yield c.format === 'csv'
        ? parts.map((line) => csvRow(JSON.parse(line) as StoredReceipt)).join('')
        : parts.map((l) => l + '\n').join('')
      progress()
    }
    progress(true)
  }
  const source = Readable.fromWeb(store.exportReceipts(c) as import('node:stream/web').ReadableStream<Uint8Array>)
  if (c.out === undefined)
    // A reader that has seen enough (`| head`) closes the pipe: the export is over, not failed.
    return pipeline(source, lines, io.stdout, { end: false }).catch((e) => {
      if ((e as { code?: string }).code !== 'EPIPE') throw e
    })
  const part = `${c.out}.part`
  try {
    await pipeline(source, lines, createWriteStream(part))
    renameSync(part, c.out)
  } catch (e) {
    rmSync(part, { force: true })
    throw e
  }
}
