// Derives data/open-cookie-database.csv from the Open Cookie Database's CSV (Apache-2.0), keeping
// only what the catalogue uses. Run by hand when the database is updated, then commit the result
// and update NOTICE (source commit, row count):
//   node scripts/derive-ocd.mjs [path/to/open-cookie-database.csv]
// What it changes, besides dropping columns (NOTICE repeats this):
// - names are trimmed; a name ending in `*` or in the placeholder `NNN` becomes a prefix
//   (wildcard 1) without it, as the database's own wildcard column does for the rest;
// - runs of white space in descriptions and retention periods become one space.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readRecords, writeCsv } from './csv.mjs'

const root = join(import.meta.dirname, '..')

/** The database's CSV text as ours. */
export function derive(text, file = 'open-cookie-database.csv') {
  const rows = readRecords(text, file)
  const derived = rows
    .map((r) => {
      let name = r['Cookie / Data Key name'].trim()
      let wildcard = r['Wildcard match'].trim() === '1'
      const placeholder = name.match(/^(.+?)(\*|NNN)$/)
      if (placeholder) [name, wildcard] = [placeholder[1], true]
      return {
        name,
        wildcard: wildcard ? 1 : 0,
        category: r.Category.trim(),
        provider: r.Platform.trim(),
        purpose: r.Description.replace(/\s+/g, ' ').trim(),
        retention: r['Retention period'].replace(/\s+/g, ' ').trim(),
      }
    })
    .filter((r) => r.name)
  return writeCsv(['name', 'wildcard', 'category', 'provider', 'purpose', 'retention'], derived)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = process.argv[2] ?? join(root, '../shared/open-cookie-database/open-cookie-database.csv')
  const csv = derive(readFileSync(source, 'utf8'), source)
  writeFileSync(join(root, 'data/open-cookie-database.csv'), csv)
  copyFileSync(join(dirname(source), 'LICENSE'), join(root, 'data/LICENSE-open-cookie-database'))
  console.log(`data/open-cookie-database.csv: ${csv.split('\n').length - 2} rows from ${source}`)
}
