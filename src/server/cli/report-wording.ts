// The report's "wording shown per revision": which digests the receipts of each revision carry
// (per language and surface), how many, and whether each is the site's wording today; the texts
// of those that are. Counted from the same per-day rows as the charts.
import { count, esc } from './html'
import type { Wording } from '../wording'
import type { StatsRow } from './stats'
import { surfaceOf, type Verdict, type wordingChecker } from './wordings'

/** One digest under one revision: how many choices carried it, and over which days. */
export interface ShownWording {
  revision: string
  site: string
  lang: string
  surface: string
  /** '' for a receipt that has a language and no digest (a page without `crypto.subtle`). */
  digest: string
  choices: number
  first: string
  last: string
  verdict?: Verdict
}

/** The per-day rows' wordings, the first seen first; each checked when `check` is given. */
export async function shownWordings(days: StatsRow[], check?: ReturnType<typeof wordingChecker>): Promise<ShownWording[]> {
  const seen = new Map<string, ShownWording>()
  for (const { period, revision, site, lang, via, wording, n } of days) {
    if (!lang) continue
    const key = JSON.stringify([revision, site, lang, via, wording])
    const w =
      seen.get(key) ??
      seen.set(key, { revision, site, lang, surface: via, digest: wording, choices: 0, first: period, last: period }).get(key)!
    w.choices += n
    if (period < w.first) w.first = period
    if (period > w.last) w.last = period
  }
  const all = [...seen.values()].sort(
    (a, b) =>
      (a.first < b.first ? -1 : a.first > b.first ? 1 : 0) || a.revision.localeCompare(b.revision) || b.choices - a.choices,
  )
  const surface = (w: ShownWording) => surfaceOf(w.surface)
  if (check)
    await Promise.all(
      all.map(async (w) => w.digest && surface(w) && (w.verdict = await check(w.site, w.lang, surface(w)!, w.digest))),
    )
  return all
}

// The texts a person reads first, in the order a surface shows them; every other text follows under "Every text".
const LEAD = [
  'title',
  'body',
  'analyticsLine',
  'marketingLine',
  'functionalLine',
  'anytime',
  'prefsTitle',
  'prefsBody',
  'embedTitle',
  'embedBody',
]

const short = (digest: string) => (digest ? `<code>${esc(digest.slice(0, 10))}…</code>` : 'none')

const today = (w: ShownWording, described: boolean) => {
  if (!w.digest) return '<td>no digest</td>'
  if (!w.verdict) return `<td class="of">${described ? 'not checked' : 'no --config'}</td>`
  if (w.verdict.is === 'matches') return `<td class="yes"><a href="#w-${esc(w.digest)}">matches</a></td>`
  if (w.verdict.is === 'changed since') return '<td class="no">changed since</td>'
  return '<td class="of">site not described</td>'
}

const texts = (pairs: [string, string][]) =>
  `<dl class="texts">${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`

/** The section, complete. `described`: a `--config` was given. */
export function wordingSection(shown: ShownWording[], described: boolean): string {
  const sites = new Set(shown.map((w) => w.site)).size > 1
  // Whether it is today's wording right after what was shown: on a phone the first columns are what shows.
  const rows = shown
    .map(
      (w) =>
        `<tr><th scope="row" class="rev"><code>${esc(w.revision)}</code></th>${sites ? `<td class="text">${esc(w.site)}</td>` : ''}` +
        `<td>${esc(w.lang)}</td><td>${esc(w.surface)}</td>${today(w, described)}<td>${count(w.choices)}</td>` +
        `<td>${short(w.digest)}</td><td>${esc(w.first)}</td><td>${esc(w.last)}</td></tr>`,
    )
    .join('')
  // Each wording of today once, however many revisions and surfaces showed it (a dialog and an
  // embed show the same texts).
  const matched = new Map<string, { wording: Wording; surfaces: Set<string> }>()
  for (const w of shown)
    if (w.verdict?.is === 'matches')
      (
        matched.get(w.digest) ?? matched.set(w.digest, { wording: w.verdict.wording, surfaces: new Set() }).get(w.digest)!
      ).surfaces.add(w.surface)
  const printed = [...matched.values()]
    .map(({ wording, surfaces }) => {
      const lead = LEAD.filter((k) => Object.hasOwn(wording.texts, k)).map((k): [string, string] => [k, wording.texts[k]])
      const rest = Object.keys(wording.texts)
        .filter((k) => !LEAD.includes(k))
        .sort()
        .map((k): [string, string] => [k, wording.texts[k]])
      return (
        `<article class="wording" id="w-${esc(wording.digest)}" aria-labelledby="h-${esc(wording.digest)}">` +
        `<h3 id="h-${esc(wording.digest)}">${esc(wording.lang)}, ${esc([...surfaces].sort().join(' and '))}: <code>${esc(wording.digest)}</code></h3>` +
        texts([...lead, ...(wording.policyUrl ? [['policy link', wording.policyUrl] as [string, string]] : [])]) +
        `<details><summary>Every text of it (${count(rest.length)} more)</summary>${texts(rest)}</details></article>`
      )
    })
    .join('')
  const note = described
    ? "Compared with the site's description given (<code>--config</code>): a digest it gives today is printed with its texts below; one it does not give is <b>changed since</b>: the site changed those texts after, and a digest cannot give them back."
    : "Give the site's description (<code>--config consent-gate.json</code>) to see whether each digest is the site's wording today, and its texts."
  return `<section class="card" aria-labelledby="wording">
<h2 id="wording">The wording shown, per revision</h2>
<p class="note">A receipt of a choice made in the banner, the dialog or an embed carries the language and a digest (SHA-256) of every text that surface could show. ${note}</p>
${
  shown.length
    ? `<div class="scroll" tabindex="0" role="region" aria-label="Table of the wording shown per revision"><table><thead><tr><th scope="col">revision</th>${sites ? '<th scope="col">site</th>' : ''}<th scope="col">language</th><th scope="col">surface</th><th scope="col">today</th><th scope="col">choices</th><th scope="col">digest</th><th scope="col">first day</th><th scope="col">last day</th></tr></thead><tbody>${rows}</tbody></table></div>`
    : '<p>No receipt in this range says what was shown.</p>'
}
${printed}
</section>`
}
