// Turns the catalogue's data (data/*.csv) into lookup tables the SDK imports. The data is the
// source of truth; the generated files are not committed. Run by `npm run build` before rollup,
// by `npm run typecheck`, and by vitest's config, so tests never see stale tables.
//
//   data/open-cookie-database.csv  derived from the Open Cookie Database (scripts/derive-ocd.mjs)
//   data/curated.csv               ours: entries the database lacks or gets wrong, with a note why
//   data/tracker-hosts.csv         ours: hosts (and paths) that only trackers are served from
//
// Writes src/catalogue/tables.ts (names, classes and providers: the audit chunk),
// src/catalogue/purpose-tables.ts (their English wording: the purposes chunk) and
// src/cookies/builtin.ts (the curated classes only, for the npm entry's small `classify`).
// `consent-gate/catalogue` has both tables.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readRecords } from './csv.mjs'

const root = join(import.meta.dirname, '..')

/**
 * The database's categories as our classes. Functional and Personalization (chat, embeds, saved
 * preferences) need the visitor's grant like analytics does: class `functional`.
 */
export const CLASS_OF = {
  Necessary: 'essential',
  Security: 'essential',
  Analytics: 'analytics',
  Marketing: 'marketing',
  Functional: 'functional',
  Personalization: 'functional',
}
/** Tables store a class as its index in this list. */
const CLASSES = ['essential', 'session', 'xsrf', 'analytics', 'marketing', 'unknown', 'functional']

const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

const read = (file) => readRecords(readFileSync(join(root, 'data', file), 'utf8'), 'data/' + file)

/** `name*` is a prefix; a `*` elsewhere matches any run of characters. */
export const patternTest = (pattern) => {
  const parts = pattern.split('*')
  if (parts.length === 1) return (name) => name === pattern
  const re = new RegExp('^' + parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$')
  return (name) => re.test(name)
}

/** Every entry, the database's first and ours over it, each with where its class came from. */
export function mergeCatalogue() {
  const entries = new Map()
  const conflicts = []
  for (const r of read('open-cookie-database.csv')) {
    const cls = CLASS_OF[r.category]
    if (!cls) throw new Error(`data/open-cookie-database.csv: category "${r.category}" of ${r.name} has no class in CLASS_OF`)
    const key = r.wildcard === '1' ? r.name + '*' : r.name
    const entry = {
      key,
      class: cls,
      category: r.category,
      provider: r.provider,
      purpose: r.purpose,
      retention: r.retention,
      source: 'ocd',
    }
    const seen = entries.get(key)
    if (!seen) entries.set(key, entry)
    else if (seen.class !== cls) conflicts.push(key)
  }
  const curated = read('curated.csv')
  const curatedKeys = new Set(curated.map((c) => c.name))
  const unresolved = conflicts.filter((k) => !curatedKeys.has(k))
  if (unresolved.length)
    throw new Error(`the database gives these names two classes; decide them in data/curated.csv: ${unresolved.join(' ')}`)

  const reclassified = []
  for (const c of curated) {
    if (!CLASSES.includes(c.class)) throw new Error(`data/curated.csv: class "${c.class}" of ${c.name} is not one of ${CLASSES}`)
    const base = entries.get(c.name)
    entries.set(c.name, {
      key: c.name,
      class: c.class,
      category: c.category || base?.category || '',
      provider: c.provider || base?.provider || '',
      purpose: c.purpose || base?.purpose || '',
      retention: c.retention || base?.retention || '',
      source: 'curated',
      note: c.note,
      or: c.or,
    })
    // A curated pattern speaks for every name the database lists under it (Hotjar's `_hj*` are
    // analytics even where the database says Functional), keeping the database's wording.
    if (!c.name.includes('*')) continue
    const test = patternTest(c.name)
    for (const e of entries.values())
      if (e.source === 'ocd' && test(e.key.replace(/\*$/, '')) && e.class !== c.class) {
        reclassified.push({ key: e.key, from: e.class, to: c.class, by: c.name })
        Object.assign(e, { class: c.class, source: 'curated', note: c.note })
      }
  }
  return { entries: [...entries.values()], reclassified, curated }
}

/** Checks that a name or provider can go in the names table without breaking its separators. */
const plain = (text, what) => {
  if (/[|~\n]/.test(text)) throw new Error(`data/*.csv: ${what} "${text}" has a | or a ~ or a line break`)
  return text
}

/**
 * Source text of the three generated modules. The catalogue is split in two so that the
 * tripwire and `gate.classify()` fetch only what they need:
 *
 *   tables.ts          names, class and provider: a group per class and provider, its names
 *                      sorted and joined (the audit chunk; names are most of its weight, and
 *                      gzip likes them grouped and sorted)
 *   purpose-tables.ts  category, purpose and retention, a row per name in the same order (the
 *                      purposes chunk, the long English texts: fetched only for words to show)
 */
export function renderTables() {
  const { entries, curated } = mergeCatalogue()
  const groups = new Map()
  for (const e of entries) {
    const head = CLASSES.indexOf(e.class) + plain(e.provider, 'provider')
    if (!groups.has(head)) groups.set(head, [])
    groups.get(head).push(e)
  }
  // Sorted, so that gzip finds providers next to their kin and names share their beginnings.
  const sorted = [...groups]
    .sort(([a], [b]) => compare(a.slice(1), b.slice(1)) || compare(a, b))
    .map(([head, list]) => [head, list.sort((a, b) => compare(a.key, b.key))])
  // The order both tables share: row n of purpose-tables.ts is the n-th name in tables.ts.
  const ordered = sorted.flatMap(([, list]) => list)
  const names = sorted.map(([head, list]) => [head, ...list.map((e) => plain(e.key, 'name'))].join('|')).join('~')
  const pool = []
  const index = new Map()
  const intern = (s) => {
    if (!index.has(s)) index.set(s, pool.push(s) - 1)
    return index.get(s).toString(36)
  }
  const rows = ordered.map((e) => [intern(e.category), intern(e.purpose), intern(e.retention)].join(',')).join(' ')
  // A name a framework and a tracker share: its other reading, `class:provider` (analytics:Marfeel).
  const readings = entries
    .filter((e) => e.or)
    .map((e) => {
      const [, cls, provider] = /^(analytics|marketing|functional):([^\t\n]+)$/.exec(e.or) ?? []
      if (!cls || !['essential', 'session', 'xsrf'].includes(e.class))
        throw new Error(
          `data/curated.csv: "or" of ${e.key} must be analytics, marketing or functional:<provider>, on an essential, session or xsrf name`,
        )
      return [e.key, CLASSES.indexOf(cls), provider].join('\t')
    })
  const hosts = read('tracker-hosts.csv').map((h) => {
    if (!['analytics', 'marketing'].includes(h.class))
      throw new Error(`data/tracker-hosts.csv: ${h.host} must be analytics or marketing`)
    return [h.host, h.path, CLASSES.indexOf(h.class), h.provider].join('\t')
  })
  const banner = '// Generated by scripts/catalogue.mjs from data/*.csv: change the data, not this file.\n'
  const tables =
    banner +
    `// A group per class and provider, separated by ~: the class's index and the provider, then its\n` +
    `// names (a * is a wildcard), sorted, separated by |. purpose-tables.ts has a row for each name,\n` +
    `// in this order.\n` +
    `export const CLASSES = ${JSON.stringify(CLASSES)} as const\n` +
    `export const NAMES = ${JSON.stringify(names)}\n` +
    `/** Tracker hosts: host (itself and its subdomains; * is any host), path prefix, class index, provider. */\n` +
    `export const HOSTS = ${JSON.stringify(hosts.join('\n'))}\n` +
    `/** Names a framework and a tracker share: name, the tracker reading's class index, its provider. */\n` +
    `export const OR = ${JSON.stringify(readings.join('\n'))}\n`
  const purposes =
    banner +
    `// A row per name of tables.ts, in its order, separated by spaces: indexes (base 36) into TEXT\n` +
    `// for category, purpose and retention, separated by commas.\n` +
    `export const TEXT: string[] = ${JSON.stringify(pool)}\n` +
    `export const ROWS = ${JSON.stringify(rows)}\n`

  // A class no curated name has is left out: an empty list would declare the empty name.
  const byClass = CLASSES.filter((c) => c !== 'unknown' && curated.some((e) => e.class === c)).map((c) => [
    c,
    curated
      .filter((e) => e.class === c)
      .map((e) => e.name)
      .join(' '),
  ])
  const builtin =
    banner +
    `// The curated names only (data/curated.csv), by class: the npm entry's small table.\n` +
    `export const BUILTIN: [string, string][] = ${JSON.stringify(byClass)}\n`
  return { tables, purposes, builtin }
}

const write = (file, text) => {
  const path = join(root, file)
  let old = ''
  try {
    old = readFileSync(path, 'utf8')
  } catch {}
  if (old !== text) writeFileSync(path, text)
}

export function buildCatalogue() {
  const { tables, purposes, builtin } = renderTables()
  write('src/catalogue/tables.ts', tables)
  write('src/catalogue/purpose-tables.ts', purposes)
  write('src/cookies/builtin.ts', builtin)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildCatalogue()
