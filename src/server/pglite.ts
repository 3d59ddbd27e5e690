// consent-gate/server/pglite: the embedded receipt store. PGlite is PostgreSQL compiled to
// WebAssembly, in this process, persisted in a directory: no database server to run. An optional
// peer dependency: `npm install @electric-sql/pglite`.
import { PGlite } from '@electric-sql/pglite'
import { sqlStore, type ReceiptStore } from './store'

/**
 * A receipt store in the directory `dataDir` (created, with its parents, if missing), or in an
 * open PGlite of yours. One process
 * owns a directory at a time: PGlite is not a server, so scale out with `postgresStore`.
 */
export async function pgliteStore(dataDir: string | PGlite): Promise<ReceiptStore> {
  // PGlite makes the directory, but not its parents. (`memory://` and `idb://` need none.)
  if (typeof dataDir === 'string' && !dataDir.includes('://')) (await import('node:fs')).mkdirSync(dataDir, { recursive: true })
  const db = typeof dataDir === 'string' ? await PGlite.create(dataDir) : dataDir
  return sqlStore({
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
  })
}
