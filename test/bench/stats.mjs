// `receipts stats` and `show` at scale, for `npm run bench:server`: a store seeded with a year of
// receipts (server.mjs says how many), then the built CLI timed end to
// end as a DPO runs it (a Node process, its driver, its connection), and the queries alone: a year
// of stats from the receipts themselves (the path before the per-day rollup) and from the rollup,
// and one visitor's history. Each timing is the median of five runs.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { SQL } from '../../dist/server/index.js'
import { startPostgres } from '../postgres.mjs'

const BIN = join(import.meta.dirname, '../../bin/consent-gate.mjs')
const RUNS = 5

const median = async (run) => {
  const times = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    await run()
    times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)[RUNS >> 1]
}

// A year from 1 January 2025, evenly spread; two receipts per visitor; every way; revision 2
// from 1 July; grants that vary; five languages on the surfaces that show texts, each with its
// wording (a digest per language, surface and revision); three policies, six regions.
const seed = (rows) => `INSERT INTO consent_gate_receipts
  (receipt_key, consent_id, given_at, expires_at, site, revision, choices, via, sdk_version, received_at, lang, wording, gpc,
    region, policy)
  SELECT 'k' || i, 'v' || lpad((i % ${Math.ceil(rows / 2)})::text, 9, '0'), t, t + interval '182 days', 'pisama', r.revision,
    jsonb_build_object('analytics', i % 3 <> 0, 'marketing', i % 5 = 0), v.via, '0.1.0', t, l.lang,
    CASE WHEN l.lang IS NOT NULL THEN rpad(l.lang || v.via || r.revision, 43, 'x') END, i % 13 = 0,
    (ARRAY['DE', 'FR', 'US-CA', 'GB', 'ES', 'IT'])[1 + i % 6], (ARRAY['opt-in', 'opt-in', 'opt-out', 'notice'])[1 + i % 4]
  FROM generate_series(1, ${rows}) AS i,
    LATERAL (SELECT timestamptz '2025-01-01' + i * (interval '365 days' / ${rows}) AS t) AS s,
    LATERAL (SELECT CASE WHEN t < '2025-07-01' THEN '1' ELSE '2' END AS revision) AS r,
    LATERAL (SELECT (ARRAY['banner', 'banner', 'banner', 'dialog', 'gpc', 'embed', 'api'])[1 + i % 7] AS via) AS v,
    LATERAL (SELECT CASE WHEN v.via IN ('banner', 'dialog', 'embed') THEN (ARRAY['en', 'de', 'fr', 'es', 'it'])[1 + i % 5] END
      AS lang) AS l`
const YEAR = ['2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']

/**
 * Times one store: `query` runs SQL in this process, `cli` the built CLI on it. The queries come
 * first: PGlite's directory is one process's, so its `cli` closes `query`'s database.
 */
async function measure(name, rows, { query, cli }) {
  const t = performance.now()
  await query(seed(rows))
  const seedS = (performance.now() - t) / 1000
  await query('ANALYZE')
  const r = {
    store: name,
    rows,
    seedS,
    rawMs: await median(() => query(SQL.stats, [...YEAR, 'month'])),
    rollupRows: Number((await query('SELECT count(*) AS n FROM consent_gate_daily'))[0].n),
    rollupMs: await median(() => query(SQL.daily, [...YEAR, 'month'])),
    showQueryMs: await median(() => query(SQL.forConsent, ['v000012345'])),
  }
  await cli(['show', 'v000000001']) // the CLI's first run, out of the timings
  r.statsCliMs = await median(() => cli(['stats', '--since', '2025-01-01', '--until', '2026-01-01']))
  r.showCliMs = await median(() => cli(['show', 'v000012345']))
  console.log(r)
  return r
}

const run = (store) => async (args) => {
  const { CONSENT_GATE_STORE: _, ...env } = process.env
  await promisify(execFile)(process.execPath, [BIN, 'receipts', ...args, '--store', store], { env, maxBuffer: 16 << 20 })
}

export async function statsOnPostgres(rows) {
  const cluster = await startPostgres()
  const pool = new pg.Pool({ connectionString: cluster.url })
  try {
    // The schema as a server makes it on first use.
    const { postgresStore } = await import('../../dist/server/postgres.js')
    const store = postgresStore(cluster.url)
    await store.latest(1)
    await store.close()
    const query = async (sql, params) => (await pool.query(sql, params)).rows
    return await measure('PostgreSQL', rows, { query, cli: run(cluster.url) })
  } finally {
    await pool.end()
    await cluster.stop()
  }
}

export async function statsOnPglite(rows) {
  const dir = mkdtempSync(join(tmpdir(), 'consent-gate-stats-'))
  const path = join(dir, 'db')
  try {
    const { pgliteStore } = await import('../../dist/server/pglite.js')
    const store = await pgliteStore(path)
    await store.latest(1)
    await store.close()
    const db = await PGlite.create(path)
    const query = async (sql, params) => (await db.query(sql, params)).rows
    let open = true
    const cli = async (args) => {
      if (open) await db.close()
      open = false
      return run(path)(args)
    }
    return await measure('embedded (PGlite)', rows, { query, cli })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const ms = (v) => (v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US'))

export const statsTable = (results) =>
  [
    '| store | receipts (a year) | seeding s | rollup rows | stats query, from the receipts ms | stats query, from the rollup ms | `receipts stats` (CLI, end to end) ms | show query ms | `receipts show` (CLI, end to end) ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.store} | ${r.rows.toLocaleString('en-US')} | ${Math.round(r.seedS)} | ${r.rollupRows.toLocaleString('en-US')} | ${ms(r.rawMs)} | ${ms(r.rollupMs)} | ${ms(r.statsCliMs)} | ${ms(r.showQueryMs)} | ${ms(r.showCliMs)} |`,
    ),
  ].join('\n')
