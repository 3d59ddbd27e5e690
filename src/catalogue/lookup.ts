import type { CookieClass } from '../config/profiles'
import { CLASSES, EXACT, HOSTS, PATTERNS, TEXT } from './tables'

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
}

export interface TrackerHost {
  class: 'analytics' | 'marketing'
  provider: string
}

type Row = [string, CatalogueEntry]

const parse = (rows: string): Row[] =>
  rows.split('\n').map((line) => {
    const [name, cls, ...texts] = line.split('\t')
    const [category, provider, purpose, retention] = texts.map((i) => TEXT[parseInt(i, 36)])
    return [name, { class: CLASSES[+cls], category, provider, purpose, retention }]
  })

/** `name*` is a prefix; a `*` elsewhere matches any run of characters. */
const matcher = (pattern: string): ((name: string) => boolean) => {
  const parts = pattern.split('*')
  if (parts.length === 2 && !parts[1]) return (name) => name.startsWith(parts[0])
  const re = new RegExp('^' + parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$')
  return (name) => re.test(name)
}

// Parsed on first use: importing the catalogue costs nothing until a name is looked up.
let exact: Map<string, CatalogueEntry> | undefined
let patterns: [(name: string) => boolean, CatalogueEntry][] = []
const load = (): Map<string, CatalogueEntry> => {
  if (!exact) {
    exact = new Map(parse(EXACT))
    // The build sorts patterns most specific first: `_hjSession_*` before `_hj*`.
    patterns = parse(PATTERNS).map(([p, e]) => [matcher(p), e])
  }
  return exact
}

/** The entry naming this cookie or key exactly, else the most specific pattern that matches. */
export const match = (name: string): { exact: boolean; entry: CatalogueEntry } | undefined => {
  const hit = load().get(name)
  if (hit) return { exact: true, entry: hit }
  for (const [test, entry] of patterns) if (test(name)) return { exact: false, entry }
  return undefined
}

/** What the catalogue knows about a cookie or storage key, or `undefined`. */
export const lookup = (name: string): CatalogueEntry | undefined => {
  const m = match(name)
  return m && { ...m.entry }
}

let hosts: [string, string, TrackerHost][] | undefined

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
    return [host, path, { class: CLASSES[+cls] as TrackerHost['class'], provider }]
  })
  const host = u.hostname.toLowerCase()
  for (const [h, path, tracker] of hosts)
    if ((h === '*' || host === h || host.endsWith('.' + h)) && u.pathname.startsWith(path)) return { ...tracker }
  return undefined
}
