import type { Reading } from '../catalogue/lookup'
import type { AuditEntry } from './audit'

// A page's own name, cut: a localStorage key can be megabytes long.
const named = (v: Pick<AuditEntry, 'name'> & { storage: string }) => `${v.storage} "${v.name.slice(0, 200)}"`

/**
 * Both readings of a name a framework and a tracker share, the site's first:
 * `cookie "_session_id" — session (Rack, Ruby on Rails) or analytics (Marfeel)`.
 */
export const bothReadings = (v: Pick<AuditEntry, 'name' | 'class' | 'provider'> & { storage: string; or: Reading }): string =>
  `${named(v)} — ${v.class}${v.provider ? ` (${v.provider})` : ''} or ${v.or.class} (${v.or.provider})`

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

/**
 * What a gate has still to say: strays found since its last line, those it could not remove, and
 * undeclared names a framework and a tracker share (`or`), which are no violation.
 */
interface Burst {
  fresh: AuditEntry[]
  kept: string[]
  unsure: Unsure[]
}
type Unsure = AuditEntry & { or: Reading }
// By the gate's `reported` set: one burst per gate.
const bursts = new WeakMap<Set<string>, Burst>()

/** The first few of a list, not all of them. */
const few = (list: string[]) => (list.length > 3 ? [...list.slice(0, 3), `and ${list.length - 3} more`] : list).join(', ')

/** One console line for a burst's violations, and one for its ambiguous names: the first few, not a line each. */
const say = ({ fresh, kept, unsure }: Burst) => {
  if (unsure.length)
    console.warn(
      `consent-gate: not declared, and shared by a framework and a tracker: ${few(unsure.map(bothReadings))} — not counted as a violation; declare ${unsure.length === 1 ? 'it' : 'each'} with its class to settle which`,
    )
  if (!fresh.length) return
  if (fresh.length === 1) return console.warn(describeViolation(fresh[0], !!kept.length))
  const first = fresh.map((v) => `${named(v)} (${v.provider ? v.provider + ', ' : ''}${v.class})`)
  console.warn(
    `consent-gate: ${fresh.length} present without consent or declaration: ${few(first)}` +
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
  const news = found.filter((v) => !reported.has(v.storage + v.name) && reported.add(v.storage + v.name))
  if (!news.length) return
  const fresh = news.filter((v) => !v.or)
  let burst = bursts.get(reported)
  if (!burst) {
    bursts.set(reported, (burst = { fresh: [], kept: [], unsure: [] }))
    idle(() => {
      bursts.delete(reported)
      say(burst!)
    })
  }
  burst.unsure.push(...news.filter((v): v is Unsure => !!v.or))
  burst.fresh.push(...fresh)
  burst.kept.push(...fresh.filter((v) => v.storage === 'cookie' && removed.includes(v.name)).map((v) => v.name))
  fresh.forEach(emit)
}
