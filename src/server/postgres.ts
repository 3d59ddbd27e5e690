// consent-gate/server/postgres: receipts in PostgreSQL through node-postgres (`pg`), for
// production and scale. An optional peer dependency: `npm install pg`. Its types are described
// here by shape, so a consumer type-checks this entry without `@types/pg`.
import pg from 'pg'
import { sqlStore, type ReceiptStore } from './store'

/** What the store uses of a `pg.Pool` of yours (any copy or version of `pg` that has these). */
export interface PoolLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>
  on(event: 'error', listener: (error: Error) => void): unknown
  end(): Promise<void>
}

/**
 * node-postgres's pool settings (its `PoolConfig`), handed to `new pg.Pool` as given. The second
 * form takes a value typed `pg.PoolConfig`, an interface, which the first's index signature refuses.
 */
export type PoolSettings = { connectionString?: string; [setting: string]: unknown } | { connectionString?: string }

/**
 * A receipt store on PostgreSQL: a connection string, a pool config, or a `pg.Pool` of yours (then
 * `close()` ends it too). Any PostgreSQL from 12 on serves, managed ones included; the schema is
 * created on first use, so the role needs CREATE on its schema once. A pooled connection that
 * breaks while idle is reported to `onError` (console.error by default).
 */
export function postgresStore(
  connection: string | PoolSettings | PoolLike,
  { onError = (e: Error) => console.error('consent-gate: a PostgreSQL connection failed:', e.message) } = {},
): ReceiptStore {
  // A pool is told by what it does: `instanceof` fails for a pool from another copy of `pg`.
  const pool: PoolLike =
    typeof (connection as PoolLike).query === 'function'
      ? (connection as PoolLike)
      : new pg.Pool(typeof connection === 'string' ? { connectionString: connection } : (connection as pg.PoolConfig))
  // An idle connection that breaks (a restart, a failover) is dropped from the pool and reported
  // to `onError`; without a listener node-postgres would end the process. The next query opens a
  // new connection.
  pool.on('error', onError)
  return sqlStore({
    query: <T>(sql: string, params?: unknown[]) => pool.query(sql, params) as Promise<{ rows: T[]; rowCount: number | null }>,
    exec: (sql) => pool.query(sql),
    close: () => pool.end(),
  })
}
