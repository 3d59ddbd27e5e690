import { shown } from '../../scan/shown'
import { DAILY_STATS } from '../rollup'
import { rangeParams, SQL, type StoredReceipt } from '../store'

/** A row of `SQL.stats`: how many receipts of one period, revision and way made one choice. */
export interface StatsRow {
  period: string
  revision: string
  via: StoredReceipt['via']
  choices: StoredReceipt['choices'] | string
  n: number
}

/** One period and revision: counts only, as receipts hold them (no visitor is followed). */
export interface PeriodStats {
  /** The period's first day, UTC. */
  period: string
  revision: string
  choices: number
  via: Record<string, number>
  /** Every offered category granted; every one refused; some of each. */
  acceptAll: number
  rejectAll: number
  custom: number
  /** Made for the visitor by a Global Privacy Control signal (`via: gpc`). */
  gpc: number
  /** Per category: how many choices offered it, and how many of those granted it. */
  categories: Record<string, { offered: number; granted: number }>
}

const DAY_MS = 864e5

/**
 * `SQL.stats` rows for `[since, until)`: the whole UTC days inside it from the rollup, and the
 * parts of a day at either end (a range given to the second) from the receipts themselves, through
 * their index on the time received. Sorted by period, revision and way.
 */
export async function statsRows(
  query: <T>(sql: string, params: unknown[]) => Promise<T[]>,
  { since, until }: { since?: Date; until?: Date },
  by: 'day' | 'week' | 'month',
): Promise<StatsRow[]> {
  const first = since ? Math.ceil(since.getTime() / DAY_MS) * DAY_MS : -Infinity
  const end = until ? Math.floor(until.getTime() / DAY_MS) * DAY_MS : Infinity
  const parts: Promise<StatsRow[]>[] = []
  if (first < end) {
    const days = [first, end].map((t) =>
      Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : t > 0 ? 'infinity' : '-infinity',
    )
    parts.push(query<StatsRow>(DAILY_STATS, [...days, by]))
    if (since && since.getTime() < first)
      parts.push(query<StatsRow>(SQL.stats, [...rangeParams({ since, until: new Date(first) }), by]))
    if (until && end < until.getTime())
      parts.push(query<StatsRow>(SQL.stats, [...rangeParams({ since: new Date(end), until }), by]))
  } else parts.push(query<StatsRow>(SQL.stats, [...rangeParams({ since, until }), by]))
  const key = (r: StatsRow) => `${r.period}\u0000${r.revision}\u0000${r.via}`
  return (await Promise.all(parts)).flat().sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}

export function summarise(rows: StatsRow[]): PeriodStats[] {
  const periods = new Map<string, PeriodStats>()
  for (const { period, revision, via, n, ...row } of rows) {
    const key = JSON.stringify([period, revision])
    let p = periods.get(key)
    if (!p)
      periods.set(
        key,
        (p = { period, revision, choices: 0, via: {}, acceptAll: 0, rejectAll: 0, custom: 0, gpc: 0, categories: {} }),
      )
    const choices: Record<string, boolean> = typeof row.choices === 'string' ? JSON.parse(row.choices) : row.choices
    const granted = Object.values(choices)
    p.choices += n
    p.via[via] = (p.via[via] ?? 0) + n
    if (via === 'gpc') p.gpc += n
    if (granted.length && granted.every(Boolean)) p.acceptAll += n
    else if (granted.length && !granted.some(Boolean)) p.rejectAll += n
    else p.custom += n
    for (const [category, yes] of Object.entries(choices)) {
      const c = (p.categories[category] ??= { offered: 0, granted: 0 })
      c.offered += n
      if (yes) c.granted += n
    }
  }
  return [...periods.values()]
}

const share = (part: number, whole: number) => (whole ? `${Math.round((part * 100) / whole)}%` : '–')

/** A table a person reads: one line per period and revision, shares of its choices. */
export function statsText(stats: PeriodStats[], by: string): string {
  if (!stats.length) return 'No receipts in this range.\n'
  const categories = [...new Set(stats.flatMap((s) => Object.keys(s.categories)))]
  const head = [
    by === 'day' ? 'day' : `${by} from`,
    'revision',
    'choices',
    'accept all',
    'reject all',
    'custom',
    'GPC',
    ...categories.map((c) => `${c} granted`),
    'by way',
  ]
  const rows = stats.map((s) => [
    s.period,
    shown(s.revision, 32),
    s.choices.toLocaleString('en-US'),
    share(s.acceptAll, s.choices),
    share(s.rejectAll, s.choices),
    share(s.custom, s.choices),
    share(s.gpc, s.choices),
    ...categories.map((c) => share(s.categories[c]?.granted ?? 0, s.categories[c]?.offered ?? 0)),
    Object.entries(s.via)
      .map(([via, n]) => `${via} ${n.toLocaleString('en-US')}`)
      .join(', '),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  return (
    [head, ...rows]
      .map((r) =>
        r
          .map((cell, i) => cell.padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  )
}
