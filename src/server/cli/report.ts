// `consent-gate receipts report`: one HTML file for a data-protection officer, made of counts the
// store already keeps. It must open from disk and ask nothing of any host, so its charts are
// inline SVG, its style is one inline <style> (allowed by its hash alone), it has no script, and
// every stored value goes through `esc` (a site name or a revision is whatever was stored).
import { createHash } from 'node:crypto'
import { CATEGORIES } from '../../config/profiles'
import { count, esc } from './html'
import { wordingSection, type ShownWording } from './report-wording'
import type { StatsRow } from './stats'

/** A receipt as the report's table shows it. */
export interface LatestChoice {
  receivedAt: string
  consentId: string
  site: string
  revision: string
  via: string
  choices: Record<string, boolean>
}

export interface ReportInput {
  /** Where the receipts come from, as it may be printed (no password). */
  store: string
  since?: Date
  until?: Date
  generatedAt: Date
  by: 'day' | 'week' | 'month'
  /** `SQL.stats` rows per `by` period, for the charts. */
  rows: StatsRow[]
  /** The same per day, for when each revision was first and last seen. */
  days: StatsRow[]
  latest: LatestChoice[]
  /** The digests shown per revision, checked against the site's description when `described`. */
  wordings: ShownWording[]
  described: boolean
}

const pct = (part: number, whole: number) => (whole ? `${Math.round((part * 100) / whole)}%` : '–')
const parsed = (c: StatsRow['choices']): Record<string, boolean> => (typeof c === 'string' ? JSON.parse(c) : c)

/** Per period and series: how many choices counted, and how many of those were a yes. */
type Tally = Map<string, Map<string, { yes: number; of: number }>>

function tally(
  rows: StatsRow[],
  add: (row: StatsRow, choices: Record<string, boolean>, put: (series: string, yes: boolean) => void) => void,
) {
  const t: Tally = new Map()
  for (const row of rows) {
    const period = t.get(row.period) ?? t.set(row.period, new Map()).get(row.period)!
    add(row, parsed(row.choices), (series, yes) => {
      const s = period.get(series) ?? period.set(series, { yes: 0, of: 0 }).get(series)!
      s.of += row.n
      if (yes) s.yes += row.n
    })
  }
  return t
}

/** Grant rate per category: among the choices that offered it, how many granted it. */
const perCategory = (rows: StatsRow[]) =>
  tally(rows, (_, choices, put) => {
    for (const [category, yes] of Object.entries(choices)) put(category, yes)
  })

/** Per way: the share of its choices that granted at least one category. */
const perWay = (rows: StatsRow[]) => tally(rows, (row, choices, put) => put(row.via, Object.values(choices).some(Boolean)))

interface Revision {
  revision: string
  first: string
  last: string
  choices: number
}

function revisions(days: StatsRow[]): Revision[] {
  const seen = new Map<string, Revision>()
  for (const { period, revision, n } of days) {
    const r = seen.get(revision) ?? seen.set(revision, { revision, first: period, last: period, choices: 0 }).get(revision)!
    if (period < r.first) r.first = period
    if (period > r.last) r.last = period
    r.choices += n
  }
  return [...seen.values()].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0))
}

// The chart's drawing boxes, in viewBox units: a wide one for a desktop's column, a narrower and
// relatively taller one for a phone, so the axis text stays readable when the SVG scales down.
const BOXES = { wide: { W: 560, H: 260 }, narrow: { W: 360, H: 280 } }
const PAD = { left: 48, right: 16, top: 28, bottom: 36 }
const SERIES = 6

/**
 * A line chart of rates (0 to 100%) over the periods, one line per series, each with its own
 * colour and marker shape; a dashed rule where each later revision started. The numbers are in
 * the table under it, for a screen reader and for anyone who wants them exact.
 */
function chart(id: string, title: string, caption: string, t: Tally, periods: string[], starts: Revision[]) {
  const names = [...new Set([...t.values()].flatMap((m) => [...m.keys()]))].sort(
    (a, b) => order(a) - order(b) || (a < b ? -1 : 1),
  )
  const svg = ({ W, H }: { W: number; H: number }, kind: string) => {
    const iw = W - PAD.left - PAD.right
    const ih = H - PAD.top - PAD.bottom
    const x = (i: number) => PAD.left + (periods.length > 1 ? (i * iw) / (periods.length - 1) : iw / 2)
    const y = (rate: number) => PAD.top + ih * (1 - rate)
    const grid = [0, 0.25, 0.5, 0.75, 1]
      .map(
        (r) =>
          `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(r)}" y2="${y(r)}"/>` +
          `<text class="axis" x="${PAD.left - 8}" y="${y(r) + 5}" text-anchor="end">${r * 100}%</text>`,
      )
      .join('')
    // First, middle and last period under the axis: enough to read the time, never crowded.
    const ticks = [...new Set([0, Math.floor((periods.length - 1) / 2), periods.length - 1])]
      .filter((i) => i >= 0)
      .map(
        (i, k, all) =>
          `<text class="axis" x="${x(i)}" y="${H - 10}" text-anchor="${all.length > 1 && k === 0 ? 'start' : k === all.length - 1 && all.length > 1 ? 'end' : 'middle'}">${esc(periods[i])}</text>`,
      )
      .join('')
    const rules = starts
      .slice(1)
      .map((r) => {
        // At the period that holds the revision's first day.
        const i = periods.filter((p) => p <= r.first).length - 1
        if (i < 0) return ''
        const at = x(i)
        return `<line class="rule" x1="${at}" x2="${at}" y1="${PAD.top - 6}" y2="${PAD.top + ih}"/><text class="axis" x="${at > W / 2 ? at - 4 : at + 4}" y="${PAD.top - 10}" text-anchor="${at > W / 2 ? 'end' : 'start'}">rev. ${esc(shorten(r.revision))}</text>`
      })
      .join('')
    const lines = names
      .map((name, s) => {
        const points = periods.flatMap((p, i) => {
          const v = t.get(p)?.get(name)
          return v && v.of ? [[x(i), y(v.yes / v.of)] as const] : []
        })
        const path = points.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)} ${py.toFixed(1)}`).join('')
        const marks = points.length <= 40 ? points.map(([px, py]) => marker(s % SERIES, px, py)).join('') : ''
        return `<g class="s${s % SERIES}">${points.length > 1 ? `<path class="line" d="${path}"/>` : ''}${marks}</g>`
      })
      .join('')
    return `<svg class="chart ${kind}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}"><rect class="plot" x="${PAD.left}" y="${PAD.top}" width="${iw}" height="${ih}"/>${grid}${rules}${lines}${ticks}</svg>`
  }
  const legend = names
    .map(
      (name, s) =>
        `<li><svg class="key s${s % SERIES}" viewBox="0 0 28 12" aria-hidden="true"><path class="line" d="M0 6H28"/>${marker(s % SERIES, 14, 6)}</svg>${esc(name)}</li>`,
    )
    .join('')
  const head = `<tr><th scope="col">period</th>${names.map((n) => `<th scope="col">${esc(n)}</th>`).join('')}</tr>`
  const body = periods
    .map((p) => {
      const cells = names.map((n) => {
        const v = t.get(p)?.get(n)
        return `<td>${v ? `${pct(v.yes, v.of)} <span class="of">of ${count(v.of)}</span>` : '–'}</td>`
      })
      return `<tr><th scope="row">${esc(p)}</th>${cells.join('')}</tr>`
    })
    .join('')
  return `<section class="card" aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
<p class="note">${caption}</p>
${
  periods.length
    ? `${svg(BOXES.wide, 'wide')}${svg(BOXES.narrow, 'narrow')}
<ul class="legend">${legend}</ul>
<details><summary>The figures</summary><div class="scroll" tabindex="0" role="region" aria-label="${esc(title)}: the figures"><table><thead>${head}</thead><tbody>${body}</tbody></table></div></details>`
    : '<p>No receipts in this range.</p>'
}
</section>`
}

/** Categories in their usual order, then ways, then anything else. */
const ORDER = [...CATEGORIES, 'banner', 'dialog', 'embed', 'api', 'gpc'] as string[]
const order = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length)

const shorten = (s: string) => ([...s].length > 16 ? [...s].slice(0, 15).join('') + '…' : s)

/** Shapes tell the lines apart without their colour. */
function marker(s: number, x: number, y: number) {
  const p = (n: number) => n.toFixed(1)
  switch (s) {
    case 0:
      return `<circle class="m" cx="${p(x)}" cy="${p(y)}" r="4"/>`
    case 1:
      return `<rect class="m" x="${p(x - 4)}" y="${p(y - 4)}" width="8" height="8"/>`
    case 2:
      return `<path class="m" d="M${p(x)} ${p(y - 5)}L${p(x + 5)} ${p(y + 4)}H${p(x - 5)}Z"/>`
    case 3:
      return `<path class="m" d="M${p(x)} ${p(y - 5)}L${p(x + 5)} ${p(y)}L${p(x)} ${p(y + 5)}L${p(x - 5)} ${p(y)}Z"/>`
    case 4:
      return `<path d="M${p(x - 4)} ${p(y - 4)}L${p(x + 4)} ${p(y + 4)}M${p(x + 4)} ${p(y - 4)}L${p(x - 4)} ${p(y + 4)}" class="m cross"/>`
    default:
      return `<circle cx="${p(x)}" cy="${p(y)}" r="4" class="m hollow"/>`
  }
}

const STYLE = `
:root{color-scheme:light dark;--bg:#f6f7f9;--card:#fff;--fg:#1b1f24;--muted:#4f5661;--line:#d5d9e0;--plot:#fbfcfd;
--s0:#1f5fbf;--s1:#b34a12;--s2:#1d7a38;--s3:#7d2fa8;--s4:#b0233a;--s5:#4c5a67}
@media (prefers-color-scheme:dark){:root{--bg:#15181c;--card:#1f2328;--fg:#e8eaed;--muted:#aab1bb;--line:#3a4048;--plot:#23282e;
--s0:#7fb0ff;--s1:#ff9f6b;--s2:#6fd18f;--s3:#d49bff;--s4:#ff8a9b;--s5:#b7c3cf}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1180px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 4px}
h2{font-size:1.15rem;margin:0 0 4px}
.note,.meta{color:var(--muted);margin:0 0 12px;font-size:.95rem}
.meta{overflow-wrap:anywhere}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;margin:20px 0;padding:0;list-style:none}
.figures li{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.figures b{display:block;font-size:1.5rem;font-variant-numeric:tabular-nums}
.figures span{color:var(--muted);font-size:.9rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,460px),1fr));gap:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px;margin:0 0 16px;min-width:0}
.chart{display:block;width:100%;height:auto}
.narrow{display:none}
@media (max-width:600px){.wide{display:none}.narrow{display:block}main{padding:16px 12px 32px}.card{padding:12px}}
.plot{fill:var(--plot)}
.grid{stroke:var(--line);stroke-width:1}
.rule{stroke:var(--muted);stroke-width:1.5;stroke-dasharray:5 4}
.axis{fill:var(--muted);font-size:13px}
.line{fill:none;stroke-width:2.5;stroke-linejoin:round}
.m.cross{fill:none;stroke-width:2.5}
.m.hollow{stroke-width:2}
${[0, 1, 2, 3, 4, 5].map((i) => `.s${i} .line,.s${i} .cross{stroke:var(--s${i})}.s${i} .m{fill:var(--s${i})}.s${i} .m.hollow{fill:var(--card);stroke:var(--s${i})}`).join('\n')}
.legend{display:flex;flex-wrap:wrap;gap:4px 18px;margin:8px 0 4px;padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:6px}
.key{width:28px;height:12px}
details{margin-top:8px}
summary{cursor:pointer;color:var(--muted)}
.scroll{overflow-x:auto;max-width:100%}
.scroll:focus-visible{outline:2px solid var(--s0);outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:.92rem;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);white-space:nowrap}
thead th{color:var(--muted);font-weight:600}
.of{color:var(--muted)}
td.text,th.text{white-space:normal;overflow-wrap:anywhere;min-width:8rem;max-width:18rem}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,monospace}
a{color:var(--s0)}
.yes,.yes a{color:var(--s2)}
.no{color:var(--s4)}
footer{color:var(--muted);font-size:.9rem;margin-top:24px}
h3{font-size:1rem;margin:0 0 8px;overflow-wrap:anywhere}
.wording{border-top:1px solid var(--line);margin-top:16px;padding-top:16px}
.texts{display:grid;grid-template-columns:minmax(7rem,max-content) minmax(0,1fr);gap:6px 16px;margin:0 0 8px}
.texts dt{color:var(--muted);font-size:.9rem}
.texts dd{margin:0;overflow-wrap:anywhere}
th.rev{white-space:normal;overflow-wrap:anywhere;max-width:8rem}
@media (max-width:600px){th,td{padding:6px 7px}.texts{grid-template-columns:minmax(0,1fr);gap:2px}.texts dd{margin-bottom:6px}}
`

const day = (d?: Date) => d?.toISOString().replace('T00:00:00.000Z', '').replace('.000Z', 'Z')

/** The report, a complete HTML document. */
export function reportHtml(input: ReportInput): string {
  const { rows, latest } = input
  const periods = [...new Set(rows.map((r) => r.period))].sort()
  const revs = revisions(input.days)
  let total = 0
  let acceptAll = 0
  let rejectAll = 0
  let gpc = 0
  for (const row of rows) {
    const granted = Object.values(parsed(row.choices))
    total += row.n
    if (granted.length && granted.every(Boolean)) acceptAll += row.n
    else if (granted.length && !granted.some(Boolean)) rejectAll += row.n
    if (row.via === 'gpc') gpc += row.n
  }
  const range =
    input.since || input.until
      ? `The receipts received from ${input.since ? esc(day(input.since)) : 'the first'} to ${input.until ? `before ${esc(day(input.until))}` : 'the last'}`
      : 'Every receipt'
  const per = { day: 'per day', week: 'per week (from Monday)', month: 'per month' }[input.by]
  const figures = [
    [count(total), 'choices'],
    [pct(acceptAll, total), 'accepted all'],
    [pct(rejectAll, total), 'rejected all'],
    [pct(total - acceptAll - rejectAll, total), 'chose per category'],
    [pct(gpc, total), 'refused by a GPC signal'],
  ]
    .map(([b, s]) => `<li><b>${b}</b><span>${s}</span></li>`)
    .join('')
  const revisionRows = revs
    .map(
      (r) =>
        `<tr><th scope="row" class="text"><code>${esc(r.revision)}</code></th><td>${esc(r.first)}</td><td>${esc(r.last)}</td><td>${count(r.choices)}</td></tr>`,
    )
    .join('')
  const offered = CATEGORIES.filter((c) => latest.some((r) => Object.hasOwn(r.choices, c)))
  // What was chosen first, who and under what after: on a phone the first columns are what shows.
  const latestRows = latest
    .map(
      (r) =>
        `<tr><td>${esc(r.receivedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))}</td><td>${esc(r.via)}</td>` +
        offered
          .map((c) =>
            Object.hasOwn(r.choices, c)
              ? r.choices[c]
                ? '<td class="yes">granted</td>'
                : '<td class="no">refused</td>'
              : '<td>–</td>',
          )
          .join('') +
        `<td class="text"><code>${esc(r.consentId)}</code></td><td class="text"><code>${esc(r.revision)}</code></td><td class="text">${esc(r.site)}</td></tr>`,
    )
    .join('')
  const style = `<style>${STYLE}</style>`
  const hash = createHash('sha256').update(STYLE).digest('base64')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>Consent report, ${esc(input.generatedAt.toISOString().slice(0, 10))}</title>
${style}
</head>
<body>
<main>
<h1>Consent report</h1>
<p class="meta">${range} in the store <code>${esc(input.store)}</code>. Made ${esc(input.generatedAt.toISOString().replace(/\.\d+Z$/, 'Z'))} by <code>consent-gate receipts report</code>. Times are the server's, in UTC.</p>
<ul class="figures" aria-label="Totals">${figures}</ul>
<div class="charts">
${chart('by-category', `Grant rate per category, ${per}`, 'Of the choices that offered a category, the share that granted it.', perCategory(rows), periods, revs)}
${chart('by-way', `Consent rate per way, ${per}`, 'Of the choices made in each way (banner, dialog, embed, API, GPC signal), the share that granted at least one category.', perWay(rows), periods, revs)}
</div>
<section class="card" aria-labelledby="revisions">
<h2 id="revisions">Revisions</h2>
<p class="note">A new revision asks every visitor again. First and last day a choice under it was received.</p>
${revs.length ? `<div class="scroll" tabindex="0" role="region" aria-label="Table of revisions"><table><thead><tr><th scope="col">revision</th><th scope="col">first day</th><th scope="col">last day</th><th scope="col">choices</th></tr></thead><tbody>${revisionRows}</tbody></table></div>` : '<p>None.</p>'}
</section>
${wordingSection(input.wordings, input.described)}
<section class="card" aria-labelledby="latest">
<h2 id="latest">The latest choices</h2>
<p class="note">The ${count(latest.length)} most recent receipts of the range, newest first. <code>consent-gate receipts show &lt;consent id&gt;</code> gives one visitor's whole history.</p>
${latest.length ? `<div class="scroll" tabindex="0" role="region" aria-label="Table of the latest choices"><table><thead><tr><th scope="col">received (UTC)</th><th scope="col">way</th>${offered.map((c) => `<th scope="col">${c}</th>`).join('')}<th scope="col">consent id</th><th scope="col">revision</th><th scope="col">site</th></tr></thead><tbody>${latestRows}</tbody></table></div>` : '<p>None.</p>'}
</section>
<footer>Counts only: the report follows no visitor across receipts. A receipt is what a browser said was chosen; the server adds the time it arrived.</footer>
</main>
</body>
</html>
`
}
