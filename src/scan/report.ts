import { PHASES, type Report, type Visit } from './findings'

/** Columns padded to their widest cell; the last column is not padded. */
const table = (header: string[], rows: string[][]): string[] => {
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

/** The human report: violations first, then each page's visits, a table per phase. */
export function renderReport(r: Report, visits: Visit[]): string {
  const out: string[] = []
  const scanned = r.visits.filter((p) => p.loaded)
  out.push(
    `consent-gate scan: ${scanned.length} of ${r.pages.length} page${r.pages.length === 1 ? '' : 's'} scanned, ${r.scannedAt}`,
    '',
  )
  if (r.violations.length) {
    out.push(`VIOLATIONS (${r.violations.length})`)
    out.push(
      ...table(
        ['phase', 'kind', 'name', 'class', 'page'],
        r.violations.map((v) => [v.phase, v.kind, v.name, v.class ?? '', v.page]),
      ),
    )
  } else out.push('No violations.')
  for (const page of r.visits) {
    out.push('', page.url)
    const kind = page.consentGate
      ? page.banner
        ? 'consent-gate page: visited before a choice, after "Accept all" and after "Reject all"'
        : 'consent-gate page without a banner (nothing to ask): one visit, before any choice'
      : 'no consent-gate on this page: one visit, before any choice'
    out.push('  ' + (page.loaded ? kind : 'NOT SCANNED'))
    for (const note of page.notes) out.push('  ! ' + note)
    if (page.blocked.length) out.push(`  blocked requests to: ${page.blocked.join(', ')}`)
    for (const phase of PHASES) {
      const visit = visits.find((v) => v.page === page.url && v.phase === phase)
      if (!visit) continue
      const keys = new Set(visit.cookies.map((c) => [c.name, c.domain, c.path].join('\n')))
      const cookies = r.cookies.filter((c) => keys.has([c.name, c.domain, c.path].join('\n')))
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
              expiry(c.expires, r.scannedAt),
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
