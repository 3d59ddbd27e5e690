// Preloaded (`node --import`) into the receipts CLI by its tests: records each query the CLI sends
// to PGlite or PostgreSQL and how many rows came back, and writes the list to
// CONSENT_GATE_QUERY_LOG on exit. So a test sees that an export reads in batches, not all at once.
import { writeFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

const log = []
const wrap = (Class) => {
  let proto = Class.prototype
  while (proto && !Object.hasOwn(proto, 'query')) proto = Object.getPrototypeOf(proto)
  const query = proto.query
  proto.query = async function (sql, ...rest) {
    const result = await query.call(this, sql, ...rest)
    log.push({ sql: String(sql).replace(/\s+/g, ' ').trim(), rows: result?.rows?.length ?? 0 })
    return result
  }
}
wrap(PGlite)
wrap(pg.Pool)
process.on('exit', () => writeFileSync(process.env.CONSENT_GATE_QUERY_LOG, JSON.stringify(log)))
