import type { AuditEntry } from './audit'

/**
 * The tripwire's warning for one violation, naming the provider when known:
 * `consent-gate: cookie "_fbp" — Meta Pixel, marketing — present without consent`.
 */
export const describeViolation = (v: AuditEntry): string =>
  `consent-gate: ${v.storage} "${v.name}" — ${v.provider ? v.provider + ', ' : ''}${v.class} — present without ${
    v.class === 'unknown' ? 'declaration' : 'consent'
  }`

/**
 * The tripwire's verdict on the loader's suspects (in the audit chunk, with the catalogue): each
 * new stray gets a `consent-gate:violation` event, and each check one console line, with how many
 * there are and the first few, not a line per entry.
 */
export function report(
  found: AuditEntry[],
  emit: (entry: AuditEntry) => void,
  // What this gate reported before: each stray once per page, however often it is checked.
  reported: Set<string>,
): void {
  const fresh = found.filter((v) => !reported.has(v.storage + v.name) && reported.add(v.storage + v.name))
  if (fresh.length === 1) console.warn(describeViolation(fresh[0]))
  else if (fresh.length) {
    const first = fresh.slice(0, 3).map((v) => `${v.storage} "${v.name}" (${v.provider ? v.provider + ', ' : ''}${v.class})`)
    if (fresh.length > 3) first.push(`and ${fresh.length - 3} more`)
    console.warn(`consent-gate: ${fresh.length} present without consent or declaration: ${first.join(', ')}`)
  }
  fresh.forEach(emit)
}
