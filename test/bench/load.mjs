// Load and faults for the receipt endpoint: many clients POST distinct receipts (some twice) to the
// demo server while its store is restarted under them, then the store is checked against what was
// answered. Shared by the test (test/server/load.test.ts, small) and `npm run bench:server` (full).
// Traffic goes to 127.0.0.1 only, bounded in count and time.
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer } from '../../demo/server.mjs'
import { pgliteStore } from '../../dist/server/pglite.js'
import { postgresStore } from '../../dist/server/postgres.js'
import { startPostgres } from '../postgres.mjs'

const DAY = 864e5

/** Receipt `i` of a run: each has a consent id of its own, so each must be stored exactly once. */
export const receiptOf = (run, i) => {
  const at = Date.now() - 60e3
  return {
    consentId: `${run}${i.toString(36).padStart(8, '0')}`,
    givenAt: new Date(at).toISOString(),
    expiresAt: new Date(at + 182 * DAY).toISOString(),
    site: 'pisama',
    revision: '1',
    choices: { analytics: i % 3 !== 0 },
    via: ['banner', 'dialog', 'api', 'gpc'][i % 4],
    sdkVersion: '0.1.0',
  }
}

/** A store whose database can be taken away and given back while requests run. */
function restartable(open, restartDatabase) {
  let current
  const store = {
    add: (...a) => current.add(...a),
    receiptsFor: (...a) => current.receiptsFor(...a),
    latest: (...a) => current.latest(...a),
    exportReceipts: (...a) => current.exportReceipts(...a),
    deleteBefore: (...a) => current.deleteBefore(...a),
    close: () => current.close(),
  }
  return {
    store,
    start: async () => void (current = await open()),
    restart: () => restartDatabase(current, (next) => (current = next)),
  }
}

/** The embedded store in a directory of its own; a restart closes it and opens the directory again. */
export async function embedded() {
  const dir = mkdtempSync(join(tmpdir(), 'consent-gate-load-'))
  const open = () => pgliteStore(join(dir, 'receipts'))
  const db = restartable(open, async (old, use) => {
    // Requests that reach the closed store meanwhile fail (503) and are sent again.
    await old.close()
    use(await open())
  })
  await db.start()
  return {
    name: 'embedded (PGlite)',
    ...db,
    end: async () => (await db.store.close(), rmSync(dir, { recursive: true, force: true })),
  }
}

/**
 * The embedded store in the demo server's own process, which a restart kills (SIGKILL: no close,
 * no flush, as a crash or an OOM kill) and starts again on the same directory and port. Its
 * receipts are read back, after a clean stop, by opening the directory here.
 */
export async function embeddedProcess() {
  const dir = join(mkdtempSync(join(tmpdir(), 'consent-gate-load-')), 'receipts')
  let child
  let port = 0
  const spawn = async () => {
    child = fork(join(import.meta.dirname, 'endpoint.mjs'), [dir, String(port)])
    ;[port] = await once(child, 'message')
  }
  await spawn()
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.send('stop')
    await exited
  }
  return {
    name: 'embedded (PGlite), process killed',
    url: () => `http://127.0.0.1:${port}/receipts`,
    async restart() {
      const exited = once(child, 'exit')
      child.kill('SIGKILL')
      await exited
      await spawn()
    },
    async reader() {
      await stop()
      return pgliteStore(dir)
    },
    end: async () => (await stop(), rmSync(join(dir, '..'), { recursive: true, force: true })),
  }
}

/** A throwaway PostgreSQL cluster; a restart stops it as a crash does and starts it again. */
export async function postgres() {
  const cluster = await startPostgres()
  const db = restartable(
    async () => postgresStore({ connectionString: cluster.url, max: 10 }, { onError: () => {} }),
    async () => cluster.restart({ crash: true }),
  )
  await db.start()
  return { name: 'PostgreSQL', ...db, end: async () => (await db.store.close(), await cluster.stop()) }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

/**
 * POSTs `total` receipts from `clients` concurrent clients to the demo's endpoint on `db`, every
 * `duplicateEvery`-th one a second time once answered. Each is sent until answered 204 (a 503 or
 * a refused connection is retried). Halfway through, the store is restarted. Then every receipt
 * answered 204 must be in the store exactly once, and nothing else.
 */
export async function loadRun(db, { total, clients, duplicateEvery = 10, restart = true, timeoutMs = 240e3 }) {
  // The demo server in this process on the store, unless the database brings its own endpoint.
  const server = db.url ? undefined : await startServer({ store: db.store })
  const url = () => db.url?.() ?? `http://127.0.0.1:${server.address().port}/receipts`
  const run = 'l' + Date.now().toString(36)
  const latencies = []
  const statuses = {}
  const answered = new Set()
  let next = 0
  let retries = 0
  let restarting
  const deadline = Date.now() + timeoutMs
  const post = async (receipt) => {
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > deadline) throw new Error(`load: no 204 for ${receipt.consentId} in time`)
      const t0 = performance.now()
      const status = await fetch(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(receipt),
      }).then(
        async (r) => (await r.arrayBuffer(), r.status),
        () => 'network',
      )
      statuses[status] = (statuses[status] ?? 0) + 1
      if (status === 204) return latencies.push(performance.now() - t0)
      if (status !== 503 && status !== 'network') throw new Error(`load: ${receipt.consentId} answered ${status}`)
      retries++
      // A client backs off a little while the store is away.
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, 5 * (attempt + 1))))
    }
  }
  const client = async () => {
    while (next < total) {
      const i = next++
      if (restart && i === Math.floor(total / 2)) restarting = db.restart()
      const receipt = receiptOf(run, i)
      await post(receipt)
      answered.add(receipt.consentId)
      if (i % duplicateEvery === 0) await post(receipt)
    }
  }
  const started = performance.now()
  try {
    await Promise.all(Array.from({ length: clients }, client))
    await restarting
  } finally {
    if (server) await new Promise((resolve) => server.close(resolve))
  }
  const seconds = (performance.now() - started) / 1000

  // What the store holds of this run, read back through its own export.
  const reader = db.reader ? await db.reader() : db.store
  const counts = new Map()
  let buffer = ''
  const decoder = new TextDecoder()
  for await (const part of reader.exportReceipts()) {
    buffer += decoder.decode(part, { stream: true })
    const lines = buffer.split('\n')
    buffer = lines.pop()
    for (const line of lines) {
      const { consentId } = JSON.parse(line)
      if (consentId.startsWith(run)) counts.set(consentId, (counts.get(consentId) ?? 0) + 1)
    }
  }
  if (reader !== db.store) await reader.close()
  const lost = [...answered].filter((id) => !counts.has(id))
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([id]) => id)
  const sorted = latencies.sort((a, b) => a - b)
  return {
    store: db.name,
    restarted: restart,
    total,
    clients,
    requests: latencies.length,
    answered: answered.size,
    stored: counts.size,
    lost: lost.length,
    duplicated: duplicated.length,
    retries,
    statuses,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  }
}

export const describeRun = (r) =>
  `${r.store}: ${r.total} receipts (${r.requests} requests with duplicates) from ${r.clients} clients in ${r.seconds.toFixed(1)} s, ` +
  `${Math.round(r.perSecond)} requests/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; ` +
  (r.restarted ? `restarted mid-run, ${r.retries} requests refused (503) or cut and sent again; ` : 'steady; ') +
  `${r.stored} stored, ${r.lost} lost, ${r.duplicated} duplicated`
