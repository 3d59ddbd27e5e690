// `npm run bench:server`: the demo's receipt endpoint (consent-gate/server, Node http) under load,
// on the embedded store and on PostgreSQL: 10,000 receipts from 50 concurrent clients, every tenth
// sent twice, once steady and once with the store restarted halfway. Checks that nothing answered
// 204 was lost or stored twice, prints a table and writes it to test/bench/SERVER.md and
// docs/server.md. PostgreSQL runs on a throwaway cluster; without it its rows are skipped, loudly.
// Then `receipts stats` and `show` on a year of receipts (stats.mjs). `--stats` runs that part only,
// and writes only its table.
import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { postgresBin } from '../postgres.mjs'
import { describeRun, embedded, embeddedProcess, loadRun, postgres } from './load.mjs'
import { statsOnPglite, statsOnPostgres, statsTable } from './stats.mjs'

const TOTAL = Number(process.env.BENCH_RECEIPTS ?? 10_000)
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50)
// The scale on PostgreSQL; the embedded store is meant for a tenth of it.
const STATS_RECEIPTS = Number(process.env.BENCH_STATS_RECEIPTS ?? 10_000_000)
const STATS_RECEIPTS_EMBEDDED = Number(process.env.BENCH_STATS_RECEIPTS_EMBEDDED ?? 1_000_000)
const STATS_ONLY = process.argv.includes('--stats')

const rows = []
let failed = false
for (const [open, available, modes] of STATS_ONLY
  ? []
  : [
      [embedded, true, [false, true]],
      // The demo server's process SIGKILLed mid-run and started again on the same directory.
      [embeddedProcess, true, [true]],
      [postgres, !!postgresBin(), [false, true]],
    ]) {
  if (!available) {
    console.warn('!!! bench:server: PostgreSQL is not installed (apt-get install -y postgresql); its rows are skipped !!!')
    continue
  }
  for (const restart of modes) {
    const db = await open()
    try {
      const r = await loadRun(db, { total: TOTAL, clients: CLIENTS, restart })
      console.log(describeRun(r))
      if (r.lost || r.duplicated || r.stored !== TOTAL) failed = true
      rows.push({ ...r, restart })
    } finally {
      await db.end()
    }
  }
}

const ms = (v) => v.toFixed(1)
const FAULT = {
  'embedded (PGlite)': 'store closed and reopened',
  'embedded (PGlite), process killed': 'server process SIGKILLed, restarted',
  PostgreSQL: 'crash restart (`pg_ctl -m immediate`)',
}
const table = [
  '| store | mid-run | requests | clients | requests/s | p50 ms | p99 ms | retried | stored | lost | duplicated |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.store.replace(/, .*/, '')} | ${r.restart ? FAULT[r.store] : 'steady'} | ` +
      `${r.requests} | ${r.clients} | ${Math.round(r.perSecond)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.retries} | ${r.stored} | ${r.lost} | ${r.duplicated} |`,
  ),
].join('\n')
console.log('\n' + table)

const statsRuns = []
if (postgresBin()) statsRuns.push(await statsOnPostgres(STATS_RECEIPTS))
statsRuns.push(await statsOnPglite(STATS_RECEIPTS_EMBEDDED))
const stats = statsTable(statsRuns)
console.log('\n' + stats)

const cpu = cpus()[0]?.model ?? 'unknown CPU'
const machine = `${availableParallelism()} cores (${cpu})`
const STATS_TEXT =
  `## \`receipts stats\` and \`show\` on a year of receipts\n\n` +
  `A store seeded with a year of receipts spread over 2025 (two per visitor, every way, two revisions, five languages each with its wording, three policies, six regions; the count in the table), ` +
  `then the median of five runs of: a year's stats per month from the receipts themselves (\`SQL.stats\`, the path before the per-day rollup), ` +
  `the same from the rollup, and one visitor's history (\`SQL.forConsent\`), in the bench's process; and the CLI's \`receipts stats --since 2025-01-01 --until 2026-01-01\` ` +
  `and \`receipts show\` end to end (a Node process started, the driver loaded, connected, answered), on ${machine}, ${new Date().toISOString().slice(0, 10)}, ` +
  // A shared machine's other work slows every figure: say how busy it was.
  `with a load average of ${Math.round(loadavg()[0])} at the end.\n\n` +
  stats +
  '\n'
const SERVER_MD = join(import.meta.dirname, 'SERVER.md')
if (STATS_ONLY) {
  const old = readFileSync(SERVER_MD, 'utf8')
  const at = old.indexOf('## `receipts stats`')
  writeFileSync(SERVER_MD, (at < 0 ? old + '\n' : old.slice(0, at)) + STATS_TEXT)
} else
  writeFileSync(
    SERVER_MD,
    `# Receipt endpoint under load\n\n` +
      `\`npm run bench:server\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${availableParallelism()} cores (${cpu}), ` +
      `the demo server (Node \`http\`, \`nodeHandler\` + \`handleReceipt\`) and the load generator in one process (the server in a process of its own for the SIGKILL row), over loopback. ` +
      `${TOTAL} distinct receipts from ${CLIENTS} concurrent clients, every tenth sent twice (so ${Math.round(TOTAL * 1.1)} requests); ` +
      `each client sends its next receipt once the last was answered 204, and sends again after a 503 or a cut connection. ` +
      `Latency is per request answered 204. "Retried" counts the requests refused or cut while the store was away. ` +
      `Afterwards the store's own NDJSON export is checked against every receipt answered 204.\n\n` +
      table +
      '\n\n' +
      STATS_TEXT,
  )
// docs/server.md quotes the table between its markers.
const docs = join(import.meta.dirname, '../../docs/server.md')
let text = readFileSync(docs, 'utf8')
if (!STATS_ONLY)
  text = text.replace(
    /<!-- bench:server -->[\s\S]*?<!-- \/bench:server -->/,
    `<!-- bench:server -->\n${table}\n<!-- /bench:server -->`,
  )
writeFileSync(
  docs,
  text.replace(/<!-- bench:stats -->[\s\S]*?<!-- \/bench:stats -->/, `<!-- bench:stats -->\n${stats}\n<!-- /bench:stats -->`),
)
if (failed) {
  console.error('bench:server: a receipt answered 204 was lost or stored twice')
  process.exit(1)
}
