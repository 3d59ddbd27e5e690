import { bothReadings } from '../cookies/report'
import type { Changes } from './baseline'
import { complete, cookieKey, PHASES, type PageResult, type Report, type Visit } from './findings'
import { shown } from './shown'

/** Columns padded to their widest cell; the last column is not padded. Cells may be the page's: shown safe. */
const table = (header: string[], page: string[][]): string[] => {
  const rows = page.map((r) => r.map((c) => shown(c)))
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)].map((l) => '    ' + l)
}

const expiry = (expires: number, scannedAt: string) => {
  if (expires < 0) return 'session'
  const days = (expires * 1000 - Date.parse(scannedAt)) / 86_400_000
  return days >= 1 ? `${Math.round(days)} d` : `${Math.max(1, Math.round(days * 24))} h`
}

const yesNo = (v: boolean | null) => (v === null ? '-' : v ? 'yes' : 'NO')

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** What each page got, in its own words (it never says "no violations" of what was not seen). */
const kindOf = (page: PageResult): string => {
  if (!page.loaded) return 'NOT SCANNED'
  const partly = complete(page) ? '' : ' (NOT FULLY SCANNED: see below)'
  if (page.choice === 'banner')
    return `consent-gate page: visited before a choice, after "Accept all" and after "Reject all" on its banner${partly}`
  if (page.policy && page.choice === 'api')
    return `consent-gate page under ${page.policy} rules (trackers may run until the visitor refuses): visited before a choice, after acceptAll() and after rejectAll() through its API; only the last must be free of tracking${partly}`
  if (page.choice === 'api')
    return `consent-gate page that asks without its banner (headless mode): visited before a choice, after acceptAll() and after rejectAll() through its API${partly}`
  if (page.consentGate) return 'consent-gate page without a banner (nothing to ask): one visit, before any choice'
  return 'no consent-gate on this page: one visit, before any choice'
}

/** What changed since a baseline (`--baseline`), the report's first section. */
export interface Compared {
  file: string
  changes: Changes
  strict: boolean
}

/** The changes since the baseline: what fails first, then the rest new, then what is gone. */
const renderChanges = ({ file, changes: c, strict }: Compared): string[] => {
  const out: string[] = []
  const since = `since the baseline ${shown(file)} (scanned ${shown(c.since)})`
  if (!c.changes.length) out.push(`No changes ${since}.`)
  else {
    const count = (what: 'new' | 'gone') => c.changes.filter((x) => x.change === what).length
    const failing = c.changes.filter((x) => x.uncovered).length
    out.push(
      `CHANGES ${since}: ${count('new')} new (${failing} not covered by declarations), ${count('gone')} gone`,
      ...table(
        ['change', 'visits', 'kind', 'name', 'class', 'provider', 'declared', 'where', 'page'],
        c.changes.map((x) => [
          x.uncovered ? 'NEW' : x.change,
          x.phases.join(', ') || '(blocked)',
          x.kind,
          x.name,
          x.class,
          x.provider ?? '',
          yesNo(x.declared),
          x.where,
          x.pages[0] + (x.pages.length > 1 ? ` (+${x.pages.length - 1})` : ''),
        ]),
      ),
    )
    if (failing)
      out.push(
        "  NEW: not covered by the site's declarations (a tracker host never is: a scan cannot tell a declared tag from an added one); fails the scan until --update accepts it",
      )
  }
  if (strict && c.changes.length) out.push('  --strict: any change fails the scan')
  if (c.pages.new.length) out.push(`  ! pages not in the baseline: ${c.pages.new.map((p) => shown(p)).join(', ')}`)
  if (c.pages.gone.length) out.push(`  ! pages only in the baseline: ${c.pages.gone.map((p) => shown(p)).join(', ')}`)
  return out
}

/**
 * The human report: with a baseline what changed first, then violations, then each page's visits,
 * a table per phase. `described` names the description every page was checked against (`--config`).
 */
export function renderReport(r: Report, visits: Visit[], described?: string, compared?: Compared): string {
  const out: string[] = []
  const scanned = r.visits.filter((p) => p.loaded)
  const partly = r.visits.filter((p) => !complete(p))
  out.push(`consent-gate scan: ${scanned.length} of ${plural(r.pages.length, 'page')} scanned, ${r.scannedAt}`)
  if (described) out.push(`Declarations: ${shown(described)} (--config), on every page`)
  out.push('')
  if (compared) out.push(...renderChanges(compared), '')
  if (!scanned.length) out.push('NOTHING SCANNED: no page could be loaded, so nothing was checked.')
  else if (r.violations.length) {
    out.push(`VIOLATIONS (${r.violations.length})`)
    out.push(
      ...table(
        ['phase', 'kind', 'name', 'class', 'page'],
        r.violations.map((v) => [v.phase, v.gone ? 'cookie (set, then removed)' : v.kind, v.name, v.class ?? '', v.page]),
      ),
    )
  } else if (partly.length)
    out.push(
      `No violations in what was scanned, but ${plural(partly.length, 'page')} ${partly.length === 1 ? 'was' : 'were'} NOT (FULLY) SCANNED: see below.`,
    )
  else out.push('No violations.')
  if (r.ambiguous.length) {
    out.push(
      '',
      `AMBIGUOUS (${r.ambiguous.length}): not declared, and shared by a framework and a tracker; not counted as violations: declare each with its class to settle which`,
    )
    for (const a of r.ambiguous)
      out.push(
        '    ' + shown(bothReadings({ ...a, storage: a.kind === 'cookie' ? 'cookie' : 'storage' })) + '  ' + a.phases.join(', '),
      )
  }
  for (const page of r.visits) {
    out.push('', shown(page.url), '  ' + kindOf(page))
    for (const note of page.notes) out.push('  ! ' + shown(note))
    if (page.blocked.length) out.push(`  blocked requests to: ${page.blocked.map((h) => shown(h, 100)).join(', ')}`)
    for (const phase of PHASES) {
      const visit = visits.find((v) => v.page === page.url && v.phase === phase)
      if (!visit) continue
      const keys = new Set(visit.cookies.map((c) => cookieKey(c)))
      const gone = new Set(visit.cookies.filter((c) => c.gone).map((c) => cookieKey(c)))
      const cookies = r.cookies.filter((c) => keys.has(cookieKey(c)))
      const storage = r.storage.filter((s) => visit.storage.some((t) => t.kind === s.kind && t.name === s.name))
      const urls = new Set(visit.requests.map((u) => u.replace(/[?#].*$/s, '')))
      const requests = r.requests.filter((q) => urls.has(q.url))
      out.push(`  ${phase}`)
      if (!cookies.length) out.push('    cookies: none')
      else
        out.push(
          ...table(
            ['cookie', 'class', 'provider', 'declared', 'party', 'domain', 'path', 'expires', 'httpOnly', 'sameSite'],
            cookies.map((c) => [
              c.name,
              c.class,
              c.provider ?? '',
              yesNo(c.declared),
              c.thirdParty ? '3rd' : '1st',
              c.domain,
              c.path,
              gone.has(cookieKey(c)) ? 'set, then removed' : expiry(c.expires, r.scannedAt),
              c.httpOnly ? 'yes' : 'no',
              c.sameSite,
            ]),
          ),
        )
      if (storage.length)
        out.push(
          ...table(
            ['storage key', 'kind', 'class', 'provider'],
            storage.map((s) => [s.name, s.kind, s.class, s.provider ?? '']),
          ),
        )
      else out.push('    storage: none')
      if (requests.length)
        out.push(
          ...table(
            ['tracker request', 'class', 'tracker'],
            requests.map((q) => [q.url, q.class, q.tracker]),
          ),
        )
      else out.push('    tracker requests: none')
    }
  }
  return out.join('\n') + '\n'
}
