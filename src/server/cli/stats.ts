import { shown } from '../../scan/shown'
import { rangeParams, SQL, type StoredReceipt } from '../store'

/**
 * A row of `SQL.stats`: how many receipts of one period, site, revision and way made one choice,
 * shown in one language and wording, under one policy ('' for a receipt that does not say).
 */
export interface StatsRow {
  period: string
  site: string
  revision: string
  via: StoredReceipt['via']
  choices: StoredReceipt['choices'] | string
  lang: string
  wording: string
  policy: string
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
  /** Choices per language shown in (banner, dialog, embed); `none` for those that say none. */
  languages: Record<string, number>
  /** Choices per policy the receipt says it was asked under; `none` for those that say none. */
  policies: Record<string, number>
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
    parts.push(query<StatsRow>(SQL.daily, [...days, by]))
    if (since && since.getTime() < first)
      parts.push(query<StatsRow>(SQL.stats, [...rangeParams({ since, until: new Date(first) }), by]))
    if (until && end < until.getTime())
      parts.push(query<StatsRow>(SQL.stats, [...rangeParams({ since: new Date(end), until }), by]))
  } else parts.push(query<StatsRow>(SQL.stats, [...rangeParams({ since, until }), by]))
  const key = (r: StatsRow) => [r.period, r.revision, r.via, r.site, r.lang, r.wording, r.policy].join('\u0000')
  return (await Promise.all(parts)).flat().sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}

export function summarise(rows: StatsRow[]): PeriodStats[] {
  const periods = new Map<string, PeriodStats>()
  for (const { period, revision, via, lang, policy, n, ...row } of rows) {
    const key = JSON.stringify([period, revision])
    let p = periods.get(key)
    if (!p)
      periods.set(
        key,
        (p = {
          period,
          revision,
          choices: 0,
          via: {},
          acceptAll: 0,
          rejectAll: 0,
          custom: 0,
          gpc: 0,
          categories: {},
          languages: {},
          policies: {},
        }),
      )
    const choices: Record<string, boolean> = typeof row.choices === 'string' ? JSON.parse(row.choices) : row.choices
    const granted = Object.values(choices)
    p.choices += n
    p.via[via] = (p.via[via] ?? 0) + n
    p.languages[lang || 'none'] = (p.languages[lang || 'none'] ?? 0) + n
    p.policies[policy || 'none'] = (p.policies[policy || 'none'] ?? 0) + n
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
// Most first, then by name: `banner 120, dialog 8`. Stored names go through `shown` (a language tag is short).
const counts = (c: Record<string, number>) =>
  Object.entries(c)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name, n]) => `${shown(name, 40)} ${n.toLocaleString('en-US')}`)
    .join(', ')

/** A table a person reads: one line per period and revision, shares of its choices, counts of the rest. */
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
    'languages',
    'policies',
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
    counts(s.via),
    counts(s.languages),
    counts(s.policies),
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
