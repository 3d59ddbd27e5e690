import type { CookieClass } from '../config/profiles'
import { cookieKey, PHASES, type Phase, type Report } from './findings'

/** What `scan --baseline` compares: a cookie, a storage key, or a third-party host. */
export type ChangeKind = 'cookie' | 'storage' | 'host'

/** One thing new or gone since the baseline, with the visits it is new (or gone) in. */
export interface Change {
  change: 'new' | 'gone'
  kind: ChangeKind
  /** A cookie's or storage key's name, or a host. */
  name: string
  /** Where it was found (a cookie's domain, a storage key's kind); empty for a host. */
  where: string
  /** The visits it is new or gone in; empty for a host that was blocked (not recorded per visit). */
  phases: Phase[]
  class: CookieClass
  provider: string | null
  /** The site's declarations cover it; `null` when nothing declares (a host, a page without consent-gate). */
  declared: boolean | null
  /** A new thing no declaration covers: what fails the scan without `--strict`. */
  uncovered: boolean
  /** The pages it was found on, in the scan that has it. */
  pages: string[]
}

export interface Changes {
  /** When the baseline was scanned. */
  since: string
  changes: Change[]
  /** Pages one scan visited and the other did not: their findings differ for that alone. */
  pages: { new: string[]; gone: string[] }
}

// A new cookie or key of these classes keeps the site working: no declaration needed to pass.
const NEEDED = new Set<CookieClass>(['essential', 'session', 'xsrf'])

/** One finding of a scan, as compared. */
type Item = Omit<Change, 'change' | 'uncovered'>

/**
 * Every cookie, storage key and host of a report, by key. A tracker host counts once per tracker:
 * a first-party one (Vercel's `/_vercel/insights` on the site's own host) is told from another.
 */
const itemsOf = (r: Report): Map<string, Item> => {
  const items = new Map<string, Item>()
  for (const c of r.cookies) items.set('cookie\n' + cookieKey(c), { kind: 'cookie', where: c.domain, ...pick(c) })
  for (const s of r.storage) items.set(`storage\n${s.kind}\n${s.name}`, { kind: 'storage', where: s.kind, ...pick(s) })
  const host = (name: string, phases: Phase[], cls: CookieClass, provider: string | null, pages: string[]) => {
    const key = `host\n${name}\n${provider ?? ''}`
    const item = items.get(key) ?? { kind: 'host', name, where: '', phases: [], class: cls, provider, declared: null, pages: [] }
    item.phases = PHASES.filter((p) => item.phases.includes(p) || phases.includes(p))
    item.pages = [...new Set([...item.pages, ...pages])]
    items.set(key, item)
  }
  for (const q of r.requests) host(q.host, q.phases, q.class, q.tracker, q.pages)
  // Blocked hosts are not trackers (those are answered), and are recorded per page, not per visit.
  for (const v of r.visits) for (const h of v.blocked) host(h, [], 'unknown', null, [v.url])
  return items
}

const pick = ({ name, phases, class: cls, provider, declared, pages }: Report['cookies' | 'storage'][number]) => ({
  name,
  phases,
  class: cls,
  provider,
  declared,
  pages,
})

/**
 * A new item no declaration covers: a cookie or key the site does not declare (or, with nothing to
 * declare it, one the catalogue does not call needed), and any tracker host, since a scan cannot
 * tell a declared tracker's requests from a hand-added tag's.
 */
const uncovered = (i: Item): boolean =>
  i.kind === 'host' ? i.class !== 'unknown' : i.declared === false || (i.declared === null && !NEEDED.has(i.class))

/**
 * What changed from `before` (the baseline) to `after` (this scan), per visit: an item is new in
 * the visits it shows up in now and did not then, gone in those it did and does not now. A host
 * that was blocked has no visits recorded: it is new or gone as a whole.
 */
export function compare(before: Report, after: Report): Changes {
  const was = itemsOf(before)
  const now = itemsOf(after)
  const changes: Change[] = []
  const add = (change: 'new' | 'gone', item: Item, phases: Phase[]) =>
    changes.push({ change, ...item, phases, uncovered: change === 'new' && uncovered(item) })
  const diff = (a: Item, b: Item | undefined) => PHASES.filter((p) => a.phases.includes(p) && !b?.phases.includes(p))
  for (const [key, item] of now) {
    const old = was.get(key)
    const phases = diff(item, old)
    if (phases.length || (!old && !item.phases.length)) add('new', item, phases)
  }
  for (const [key, item] of was) {
    const current = now.get(key)
    const phases = diff(item, current)
    if (phases.length || (!current && !item.phases.length)) add('gone', item, phases)
  }
  const order = (c: Change) => (c.uncovered ? 0 : c.change === 'new' ? 1 : 2)
  changes.sort((a, b) => order(a) - order(b))
  return {
    since: before.scannedAt,
    changes,
    pages: {
      new: after.pages.filter((p) => !before.pages.includes(p)),
      gone: before.pages.filter((p) => !after.pages.includes(p)),
    },
  }
}

/** Exit 1 (`true`) for a new uncovered item, or with `strict` for any change at all. */
export const fails = (c: Changes, strict: boolean): boolean => c.changes.some((x) => x.uncovered || strict)

const isPhases = (v: unknown): v is Phase[] => Array.isArray(v) && v.every((p) => PHASES.includes(p as Phase))
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string')
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown) => typeof v === 'string' || v === null

/** Why `data` is not a `--json` result this version can compare, or `undefined` when it is. */
const invalid = (data: unknown): string | undefined => {
  if (!isObject(data)) return 'not a scan result (not a JSON object)'
  if (data.version !== 1)
    return `a scan result of version ${JSON.stringify(data.version) ?? 'none'}; this consent-gate reads version 1 (remove it and write a new one with --update)`
  const list = (field: string, ok: (e: Record<string, unknown>) => boolean) => {
    const v = data[field]
    return Array.isArray(v) && v.every((e) => isObject(e) && ok(e))
      ? undefined
      : `not a scan result: "${field}" is not a list of findings`
  }
  const finding = (e: Record<string, unknown>) =>
    typeof e.name === 'string' &&
    typeof e.class === 'string' &&
    isText(e.provider) &&
    (typeof e.declared === 'boolean' || e.declared === null) &&
    isPhases(e.phases) &&
    isStrings(e.pages)
  return (
    (typeof data.scannedAt === 'string' && isStrings(data.pages) ? undefined : 'not a scan result: no "scannedAt" or "pages"') ??
    list('cookies', (e) => finding(e) && typeof e.domain === 'string' && typeof e.path === 'string') ??
    list('storage', (e) => finding(e) && (e.kind === 'local' || e.kind === 'session')) ??
    list(
      'requests',
      (e) =>
        typeof e.host === 'string' &&
        typeof e.tracker === 'string' &&
        typeof e.class === 'string' &&
        isPhases(e.phases) &&
        isStrings(e.pages),
    ) ??
    list('visits', (e) => typeof e.url === 'string' && isStrings(e.blocked))
  )
}

/** A saved `--json` result from its text; throws an Error saying, in one line, what is wrong with it. */
export function parseBaseline(text: string, file: string): Report {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new Error(`baseline ${file} is not JSON (${(e as Error).message.split('\n')[0]})`)
  }
  const why = invalid(data)
  if (why) throw new Error(`baseline ${file} is ${why}`)
  return data as Report
}
