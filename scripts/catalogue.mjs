// Turns the catalogue's data (data/*.csv) into lookup tables the SDK imports. The data is the
// source of truth; the generated files are not committed. Run by `npm run build` before rollup,
// by `npm run typecheck`, and by vitest's config, so tests never see stale tables.
//
//   data/open-cookie-database.csv  derived from the Open Cookie Database (scripts/derive-ocd.mjs)
//   data/curated.csv               ours: entries the database lacks or gets wrong, with a note why
//   data/tracker-hosts.csv         ours: hosts (and paths) that only trackers are served from
//
// Writes src/catalogue/tables.ts (everything, for the catalogue export and the audit chunk) and
// src/cookies/builtin.ts (the curated classes only, for the npm entry's small `classify`).
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

const literalLength = (key) => key.indexOf('*')

/** Source text of the two generated modules. */
export function renderTables() {
  const { entries, curated } = mergeCatalogue()
  const pool = []
  const index = new Map()
  const intern = (s) => {
    if (!index.has(s)) index.set(s, pool.push(s) - 1)
    return index.get(s).toString(36)
  }
  const row = (e) =>
    [e.key, CLASSES.indexOf(e.class), intern(e.category), intern(e.provider), intern(e.purpose), intern(e.retention)].join('\t')
  const exact = entries.filter((e) => !e.key.includes('*'))
  // Most specific first: the longest text before the first `*` wins.
  const patterns = entries.filter((e) => e.key.includes('*')).sort((a, b) => literalLength(b.key) - literalLength(a.key))
  const exactRows = exact.map(row).join('\n')
  const patternRows = patterns.map(row).join('\n')
  const hosts = read('tracker-hosts.csv').map((h) => {
    if (!['analytics', 'marketing'].includes(h.class))
      throw new Error(`data/tracker-hosts.csv: ${h.host} must be analytics or marketing`)
    return [h.host, h.path, CLASSES.indexOf(h.class), h.provider].join('\t')
  })
  const banner = '// Generated by scripts/catalogue.mjs from data/*.csv: change the data, not this file.\n'
  const tables =
    banner +
    `// Rows are tab-separated: name (a * is a wildcard), class index, then indexes (base 36) into\n` +
    `// TEXT for category, provider, purpose and retention.\n` +
    `export const CLASSES = ${JSON.stringify(CLASSES)} as const\n` +
    `export const TEXT: string[] = ${JSON.stringify(pool)}\n` +
    `export const EXACT = ${JSON.stringify(exactRows)}\n` +
    `export const PATTERNS = ${JSON.stringify(patternRows)}\n` +
    `/** Tracker hosts: host (itself and its subdomains; * is any host), path prefix, class index, provider. */\n` +
    `export const HOSTS = ${JSON.stringify(hosts.join('\n'))}\n`
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
  return { tables, builtin }
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
  const { tables, builtin } = renderTables()
  write('src/catalogue/tables.ts', tables)
  write('src/cookies/builtin.ts', builtin)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildCatalogue()
