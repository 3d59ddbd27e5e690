import type { CookieClass } from '../config/profiles'
import { decide } from './families'
import { CLASSES, HOSTS, NAMES, OR } from './tables'

/** A tracker's reading of a name a framework uses too (`_session_id`: Marfeel's analytics). */
export interface Reading {
  class: CookieClass
  provider: string
}

/** What the catalogue knows about a cookie or storage key. English text. */
export interface CatalogueEntry {
  class: CookieClass
  /**
   * The category the source gave it: the Open Cookie Database's (`Analytics`, `Marketing`,
   * `Functional`, `Personalization`, `Security`, `Necessary`) or ours. `Functional` and
   * `Personalization` are class `functional`.
   */
  category: string
  provider: string
  purpose: string
  /** As the source words it: "2 years", "Session". */
  retention: string
  /** The catalogue's pattern that matched, when no entry names it exactly: `_ga_*` for `_ga_ABC123`. */
  pattern?: string
  /**
   * Set on a name a framework and a tracker share (docs/classification.md, "Ambiguous names"):
   * the tracker's reading; `class` and `provider` are the framework's.
   */
  or?: Reading
}

/** The wording of a catalogue entry: the purposes chunk (purposes.ts). */
export type Purpose = Pick<CatalogueEntry, 'category' | 'purpose' | 'retention'>

/**
 * What the audit chunk knows of a name: class and provider, and the row of its wording in the
 * purposes chunk, which only callers that show words fetch.
 */
export interface Known extends Pick<CatalogueEntry, 'class' | 'provider' | 'or'> {
  row: number
}

export interface TrackerHost {
  class: 'analytics' | 'marketing'
  provider: string
}

/** `name*` is a prefix; a `*` elsewhere matches any run of characters. */
const matcher = (pattern: string): ((name: string) => boolean) => {
  const parts = pattern.split('*')
  if (parts.length === 2 && !parts[1]) return (name) => name.startsWith(parts[0])
  const re = new RegExp('^' + parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$')
  return (name) => re.test(name)
}

// Parsed on first use: importing the catalogue costs nothing until a name is looked up.
let exact: Map<string, Known> | undefined
let patterns: [string, (name: string) => boolean, Known][] = []
const load = (): Map<string, Known> => {
  if (!exact) {
    exact = new Map()
    let row = 0
    for (const group of NAMES.split('~')) {
      const [head, ...names] = group.split('|')
      const cls = CLASSES[+head[0]]
      const provider = head.slice(1)
      for (const name of names) {
        const known = { class: cls, provider, row: row++ }
        if (name.includes('*')) patterns.push([name, matcher(name), known])
        else exact.set(name, known)
      }
    }
    // Most specific first: `_hjSession_*` before `_hj*` (the longest text before the first `*`).
    const literal = (p: string) => p.indexOf('*')
    patterns.sort(([a], [b]) => literal(b) - literal(a) || b.length - a.length)
    for (const line of OR ? OR.split('\n') : []) {
      const [name, cls, provider] = line.split('\t')
      exact.get(name)!.or = { class: CLASSES[+cls], provider }
    }
  }
  return exact
}

/** The entry naming this cookie or key exactly, else the most specific pattern that matches. */
export const match = (name: string): { exact: boolean; entry: Known; pattern?: string } | undefined => {
  const hit = load().get(name)
  if (hit) return { exact: true, entry: hit }
  for (const [pattern, test, entry] of patterns) if (test(name)) return { exact: false, entry, pattern }
  return undefined
}

/**
 * What the catalogue knows about a name, with its wording from `purposeOf` (the purposes chunk);
 * `undefined` for a name it does not know. Its class is the classifier's (the families can
 * overrule the database's Functional: `ci_session` is a session).
 */
export const entryOf = (name: string, purposeOf: (row: number) => Purpose): CatalogueEntry | undefined => {
  const hit = match(name)
  if (!hit) return undefined
  const { entry: known, pattern } = hit
  const { category, purpose, retention } = purposeOf(known.row)
  const cls = decide(name, { exact: hit.exact, class: known.class })
  return {
    class: cls,
    category,
    provider: known.provider,
    purpose,
    retention,
    ...(pattern && { pattern }),
    ...(known.or && { or: { ...known.or } }),
  }
}

let hosts: [string, string, TrackerHost][] | undefined

/**
 * Whether `path` is `prefix` or goes on below it: `/tr`, `/tr/` and `/tr.php` are the pixel's
 * endpoint, `/trending` is not. Compared without case, as the servers route them.
 */
const under = (path: string, prefix: string): boolean => {
  const p = path.toLowerCase()
  return p.startsWith(prefix) && (prefix.endsWith('/') || !/[\w-]/.test(p.charAt(prefix.length)))
}

/** The tracker a request URL goes to, if its host (or path) is one only trackers are served from. */
export const trackerOf = (url: string | URL): TrackerHost | undefined => {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return undefined
  }
  hosts ??= HOSTS.split('\n').map((line) => {
    const [host, path, cls, provider] = line.split('\t')
    return [host, path.toLowerCase(), { class: CLASSES[+cls] as TrackerHost['class'], provider }]
  })
  // `www.google-analytics.com.` (fully qualified) reaches the same server as without the dot.
  const host = u.hostname.toLowerCase().replace(/\.+$/, '')
  // A server decodes `%74r` to `tr`: so must the match.
  let path = u.pathname
  try {
    path = decodeURIComponent(path)
  } catch {}
  for (const [h, prefix, tracker] of hosts)
    if ((h === '*' || host === h || host.endsWith('.' + h)) && under(path, prefix)) return { ...tracker }
  return undefined
}
