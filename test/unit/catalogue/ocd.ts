import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readRecords } from '../../../scripts/csv.mjs'

export interface OcdRow {
  name: string
  wildcard: string
  category: string
  provider: string
  purpose: string
  retention: string
}

const data = (file: string) => join(import.meta.dirname, '../../../data', file)

/** The repo's copy of the Open Cookie Database (derived columns), so these tests run in any clone. */
export const OCD = readRecords(readFileSync(data('open-cookie-database.csv'), 'utf8'), 'ocd') as unknown as OcdRow[]
export const CURATED = readRecords(readFileSync(data('curated.csv'), 'utf8'), 'curated') as unknown as (OcdRow & {
  class: string
  note: string
})[]

/** A name the row stands for: the name itself, or for a prefix, the prefix plus an id. */
export const sample = (r: OcdRow) => (r.wildcard === '1' ? r.name + '1a2b' : r.name)
