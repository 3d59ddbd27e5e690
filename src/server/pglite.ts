// consent-gate/server/pglite: the embedded receipt store. PGlite is PostgreSQL compiled to
// WebAssembly, in this process, persisted in a directory: no database server to run. An optional
// peer dependency: `npm install @electric-sql/pglite`. Its types are described here by shape, so
// a consumer type-checks this entry without PGlite's (which need `@types/emscripten`).
import { PGlite } from '@electric-sql/pglite'
import { sqlStore, type ReceiptStore } from './store'

/** What the store uses of an open PGlite of yours. */
export interface PGliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>
  exec(sql: string): Promise<unknown>
  close(): Promise<void>
}

/**
 * A receipt store in the directory `dataDir` (created, with its parents, if missing), or in an
 * open PGlite of yours. One process
 * owns a directory at a time: PGlite is not a server, so scale out with `postgresStore`.
 */
export async function pgliteStore(dataDir: string | PGliteLike): Promise<ReceiptStore> {
  // PGlite makes the directory, but not its parents. (`memory://` and `idb://` need none.)
  if (typeof dataDir === 'string' && !dataDir.includes('://')) (await import('node:fs')).mkdirSync(dataDir, { recursive: true })
  const db: PGliteLike = typeof dataDir === 'string' ? await PGlite.create(dataDir) : dataDir
  return sqlStore({
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
  })
}
