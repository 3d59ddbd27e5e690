// The two databases the receipt tests run on: the embedded store (PGlite, persisted in a
// directory) and PostgreSQL (a throwaway cluster; its tests skipped, loudly, where it is not
// installed, and required in CI).
import { PGlite } from '@electric-sql/pglite'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import type { ReceiptStore } from '../../src/server'
import { pgliteStore } from '../../src/server/pglite'
import { postgresStore } from '../../src/server/postgres'
import { startPostgres, type Cluster } from '../postgres.mjs'

/** A database to test on: its `--store`, a store factory, raw SQL beside it, and a way to restart it. */
export interface Database {
  store: string
  open(): Promise<ReceiptStore>
  sql(query: string, params?: unknown[]): Promise<Record<string, unknown>[]>
  /** Several statements at once, no parameters: a schema from a file. */
  script(sql: string): Promise<void>
  restart(): Promise<void>
  end(): Promise<void>
}

async function pgliteDatabase(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'consent-gate-pglite-'))
  const store = join(dir, 'db')
  return {
    store,
    open: () => pgliteStore(store),
    // PGlite is one process's: opened for each query, so a store (or a CLI) finds the directory free.
    async sql(query, params) {
      const db = await PGlite.create(store)
      try {
        return (await db.query<Record<string, unknown>>(query, params)).rows
      } finally {
        await db.close()
      }
    },
    async script(sql) {
      const db = await PGlite.create(store)
      try {
        await db.exec(sql)
      } finally {
        await db.close()
      }
    },
    // Nothing runs between uses: each opens the directory afresh.
    restart: async () => {},
    end: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

async function postgresDatabase(options?: { password?: string }): Promise<Database> {
  const cluster: Cluster = await startPostgres(options)
  const pool = new pg.Pool({ connectionString: cluster.url })
  pool.on('error', () => {})
  return {
    store: cluster.url,
    open: async () => postgresStore(cluster.url),
    // A pooled connection may still be the one a restart cut: then the query runs again on a new one.
    sql: async (query, params) => (await pool.query(query, params).catch(() => pool.query(query, params))).rows,
    script: async (sql) => void (await pool.query(sql)),
    restart: () => cluster.restart({ crash: true }),
    async end() {
      await pool.end()
      await cluster.stop()
    },
  }
}

/** For `describe.each`: a name, a factory, and whether the database is here to test on. */
export const databases = (postgres?: { password?: string }): [string, () => Promise<Database>, boolean][] => [
  ['the embedded store (PGlite)', pgliteDatabase, true],
  ['PostgreSQL', () => postgresDatabase(postgres), inject('hasPostgres')],
]
