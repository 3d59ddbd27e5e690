// consent-gate/server/postgres: receipts in PostgreSQL through node-postgres (`pg`), for
// production and scale. An optional peer dependency: `npm install pg`.
import pg from 'pg'
import { sqlStore, type ReceiptStore } from './store'

/**
 * A receipt store on PostgreSQL: a connection string, a pool config, or a `pg.Pool` of yours (then
 * `close()` ends it too). Any PostgreSQL from 12 on serves, managed ones included; the schema is
 * created on first use, so the role needs CREATE on its schema once. A pooled connection that
 * breaks while idle is reported to `onError` (console.error by default).
 */
export function postgresStore(
  connection: string | pg.PoolConfig | pg.Pool,
  { onError = (e: Error) => console.error('consent-gate: a PostgreSQL connection failed:', e.message) } = {},
): ReceiptStore {
  const pool =
    connection instanceof pg.Pool
      ? connection
      : new pg.Pool(typeof connection === 'string' ? { connectionString: connection } : connection)
  // An idle connection that breaks (a restart, a failover) is dropped from the pool and reported
  // to `onError`; without a listener node-postgres would end the process. The next query opens a
  // new connection.
  pool.on('error', onError)
  return sqlStore({
    query: <T>(sql: string, params?: unknown[]) => pool.query(sql, params) as Promise<pg.QueryResult & { rows: T[] }>,
    exec: (sql) => pool.query(sql),
    close: () => pool.end(),
  })
}
