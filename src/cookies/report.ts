import type { AuditEntry } from './audit'

// A page's own name, cut: a localStorage key can be megabytes long.
const named = (v: AuditEntry) => `${v.storage} "${v.name.slice(0, 200)}"`

/** What a cookie the loader tried to remove, and could not, needs: its server. */
const UNREACHABLE =
  'could not be removed (HttpOnly, or set for a domain or path this page cannot name): only the server that set it can'

/**
 * The tripwire's warning for one violation, naming the provider when known:
 * `consent-gate: cookie "_fbp" — Meta Pixel, marketing — present without consent`.
 */
export const describeViolation = (v: AuditEntry, kept?: boolean): string =>
  `consent-gate: ${named(v)} — ${v.provider ? v.provider + ', ' : ''}${v.class} — present without ${
    v.class === 'unknown' ? 'declaration' : 'consent'
  }${kept ? '; it ' + UNREACHABLE : ''}`

/** What a gate has still to say: strays found since its last line, and those it could not remove. */
interface Burst {
  fresh: AuditEntry[]
  kept: string[]
}
// By the gate's `reported` set: one burst per gate.
const bursts = new WeakMap<Set<string>, Burst>()

/** One console line for a burst: how many, and the first few, not a line each. */
const say = ({ fresh, kept }: Burst) => {
  if (fresh.length === 1) return console.warn(describeViolation(fresh[0], !!kept.length))
  const first = fresh.slice(0, 3).map((v) => `${named(v)} (${v.provider ? v.provider + ', ' : ''}${v.class})`)
  if (fresh.length > 3) first.push(`and ${fresh.length - 3} more`)
  console.warn(
    `consent-gate: ${fresh.length} present without consent or declaration: ${first.join(', ')}` +
      (kept.length ? `; ${kept.map((n) => `"${n.slice(0, 200)}"`).join(', ')} ${UNREACHABLE}` : ''),
  )
}

/**
 * The tripwire's verdict on the loader's suspects (in the audit chunk, with the catalogue): each
 * new stray gets a `consent-gate:violation` event at once, and a burst of checks (a script writing
 * 300 cookies one by one, each a cookieStore change) one console line, once the page is `idle`.
 * `removed`: the cookies the loader tried to remove; any of them still `found` could not be.
 */
export function report(
  found: AuditEntry[],
  emit: (entry: AuditEntry) => void,
  // What this gate reported before: each stray once per page, however often it is checked.
  reported: Set<string>,
  removed: readonly string[],
  idle: (task: () => void) => unknown,
): void {
  const fresh = found.filter((v) => !reported.has(v.storage + v.name) && reported.add(v.storage + v.name))
  if (!fresh.length) return
  let burst = bursts.get(reported)
  if (!burst) {
    bursts.set(reported, (burst = { fresh: [], kept: [] }))
    idle(() => {
      bursts.delete(reported)
      say(burst!)
    })
  }
  burst.fresh.push(...fresh)
  burst.kept.push(...fresh.filter((v) => v.storage === 'cookie' && removed.includes(v.name)).map((v) => v.name))
  fresh.forEach(emit)
}
