import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { shown } from '../../scan/shown'
import { SCHEMA_VERSION, SQL, type ReceiptStore } from '../store'

/** The store could not be opened or read; its message is one line, safe to print (no password). */
export class StoreError extends Error {}

/** An open store, and its database for the queries the store does not offer. */
export interface Opened {
  store: ReceiptStore
  query<T>(sql: string, params: unknown[]): Promise<T[]>
  /** Where it is, as it may be printed: a URL's password replaced by `***`. */
  name: string
}

// A password in a store URL: `scheme://user:password@host` (to the last @, as a raw password may
// hold one; a mistyped `postgres:/…` too), and libpq's `?password=`.
const USERINFO = /^((?:[a-z][a-z0-9+.-]*:)?\/*[^:@/]*:)(.*)@/i
const PARAM = /([?&]password=)([^&]*)/i

const decoded = (s: string) => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The passwords in `spec`, as written and decoded, so that no message can show one. */
const passwords = (spec: string) => [USERINFO.exec(spec)?.[2], PARAM.exec(spec)?.[2]].flatMap((p) => (p ? [p, decoded(p)] : []))

/** A store URL or directory as it may be printed: its password replaced by `***`. */
export const redacted = (spec: string) => shown(spec.replace(USERINFO, '$1***@').replace(PARAM, '$1***'), 200)

/** Opening must not create: PGlite would make a database of any directory it is given. */
async function openPglite(dir: string): Promise<Omit<Opened, 'name'>> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new StoreError('no such directory')
  if (!existsSync(join(dir, 'PG_VERSION'))) throw new StoreError('not a PGlite database (no PG_VERSION in it)')
  // The driver first: the store's module imports it, and would fail with a path in its message.
  const { PGlite } = await driver(() => import('@electric-sql/pglite'), '@electric-sql/pglite')
  const { pgliteStore } = await import('../pglite')
  const db = await PGlite.create(dir)
  return { store: await pgliteStore(db), query: async (sql, params) => (await db.query<any>(sql, params)).rows }
}

async function openPostgres(url: string): Promise<Omit<Opened, 'name'>> {
  const { default: pg } = await driver(() => import('pg'), 'pg')
  const { postgresStore } = await import('../postgres')
  // A host that drops packets would otherwise be waited on forever.
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 15_000 })
  return {
    store: postgresStore(pool, { onError: () => {} }),
    query: async (sql, params) => (await pool.query(sql, params)).rows,
  }
}

const driver = <T>(load: () => Promise<T>, name: string) =>
  load().catch(() => {
    throw new StoreError(`this store needs its driver: npm install ${name}`)
  })

/**
 * Opens `spec` (a PGlite directory, or a postgres:// URL) without changing it: a database that
 * holds no receipts schema, or one newer than this code knows, is refused here.
 */
export async function openStore(spec: string): Promise<Opened> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(spec)?.[1]
  const name = redacted(spec)
  if (scheme && !/^postgres(ql)?$/i.test(scheme))
    throw new StoreError(`unknown store "${shown(scheme, 20)}://…": give a PGlite directory or a postgres:// URL`)
  let opened: Omit<Opened, 'name'> | undefined
  try {
    opened = scheme ? await openPostgres(spec) : await openPglite(spec)
    const [{ present }] = await opened.query<{ present: boolean }>(
      "SELECT to_regclass('consent_gate_schema') IS NOT NULL AS present",
      [],
    )
    if (!present) throw new StoreError('no receipts there (no consent_gate_schema table)')
    const [{ version }] = await opened.query<{ version: number | null }>(SQL.version, [])
    if ((version ?? 0) > SCHEMA_VERSION)
      throw new StoreError(
        `its receipts schema is at version ${version}, newer than this consent-gate knows (${SCHEMA_VERSION}): upgrade consent-gate`,
      )
    // An older one is brought up to date, as a server's store does on first use: the queries here
    // read today's columns and rollup.
    if ((version ?? 0) < SCHEMA_VERSION) await opened.store.latest(1)
    return { ...opened, name }
  } catch (e) {
    await opened?.store.close().catch(() => {})
    throw new StoreError(`could not open the store ${name}: ${oneLine(e, spec)}`)
  }
}

/** An error's first line, with the store's password (should a driver quote it) and URL taken out. */
export function oneLine(e: unknown, spec: string): string {
  // Node reports a refused connection to every address of a host as an AggregateError without a message.
  const error = e instanceof AggregateError && !e.message ? e.errors[0] : e
  let text = (error instanceof Error ? error.message || String((error as { code?: unknown }).code) : String(error)).split('\n')[0]
  text = text.split(spec).join(redacted(spec))
  for (const secret of passwords(spec)) text = text.split(secret).join('***')
  return shown(text, 300)
}
