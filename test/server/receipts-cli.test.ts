// @vitest-environment node
// `consent-gate receipts`, the built CLI run as a child process, on the embedded store (PGlite in
// a directory) and on PostgreSQL (a throwaway cluster with a password; skipped, loudly, where it
// is not installed), as a site's DPO would run it.
import { execFile, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, SQL, wordingOf, type StoredReceipt } from '../../src/server'
import { summarise, type StatsRow } from '../../src/server/cli/stats'
import { databases, type Database } from './databases'

const root = join(import.meta.dirname, '../..')
const BIN = join(root, 'bin/consent-gate.mjs')
const QUERY_LOG = join(import.meta.dirname, 'query-log.mjs')
const PASSWORD = 's3cret-Pass_42'

interface Run {
  code: number
  stdout: string
  stderr: string
}
/** The CLI, `consent-gate receipts …args`, with CONSENT_GATE_STORE unset unless given. */
const cli = (args: string[], { env = {}, node = [] as string[] } = {}) =>
  new Promise<Run>((resolve) => {
    const { CONSENT_GATE_STORE: _, ...inherited } = process.env
    execFile(
      process.execPath,
      [...node, BIN, 'receipts', ...args],
      { env: { ...inherited, ...env }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    )
  })

const at = (iso: string, days = 0) => new Date(Date.parse(iso) + days * 864e5).toISOString()
const receipt = (over: Partial<StoredReceipt> = {}): StoredReceipt => ({
  consentId: 'visitor0001',
  givenAt: '2026-01-10T09:00:00.000Z',
  expiresAt: '2026-07-11T09:00:00.000Z',
  site: 'pisama',
  revision: '1',
  choices: { analytics: true, marketing: false },
  via: 'banner',
  sdkVersion: '0.1.0',
  receivedAt: '2026-01-10T09:00:00.020Z',
  ...over,
})

/** A small RFC 4180 reader: rows of cells, quotes undone. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++)
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') (row.push(cell), (cell = ''))
    else if (c === '\r' && text[i + 1] === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''), i++)
    else cell += c
  }
  expect(cell, 'the CSV ends with CRLF').toBe('')
  return rows
}

const DATABASES = databases({ password: PASSWORD })

// One visitor's history (a first choice, a change, a withdrawal), someone else's, and a GPC refusal.
const first = receipt({ ip: '203.0.113.0', userAgent: 'Test/1.0' })
const change = receipt({
  givenAt: '2026-02-01T08:00:00.000Z',
  via: 'api',
  choices: { analytics: true, marketing: true },
  receivedAt: '2026-02-01T08:00:01.000Z',
})
const withdrawal = receipt({
  givenAt: '2026-03-01T10:00:00.000Z',
  via: 'dialog',
  choices: { analytics: false, marketing: false },
  receivedAt: '2026-03-01T10:00:00.500Z',
})
const other = receipt({ consentId: 'someoneelse1', receivedAt: '2026-01-11T00:00:00.000Z' })
const gpc = receipt({ ...withdrawal, consentId: 'gpcvisitor1', via: 'gpc', receivedAt: '2026-03-15T00:00:00.000Z' })
// On 5 April: receipts that say what was shown, where the visitor was and under which rule, and one that says none of it.
const placed = receipt({
  consentId: 'placed00001',
  receivedAt: '2026-04-05T10:00:00.000Z',
  lang: 'de',
  wording: 'A'.repeat(42) + 'Q',
  gpc: true,
  region: 'US-CA',
  policy: 'opt-out',
})
const placedEn = receipt({
  consentId: 'placed00002',
  receivedAt: '2026-04-05T11:00:00.000Z',
  via: 'dialog',
  lang: 'en',
  wording: 'B'.repeat(43),
  gpc: false,
  region: 'DE',
  policy: 'opt-in',
})
const unplaced = receipt({ consentId: 'placed00003', receivedAt: '2026-04-05T12:00:00.000Z', via: 'api' })

// Cells a spreadsheet would run as a formula, and text that needs RFC 4180's quotes.
const HOSTILE = ['=HYPERLINK("https://evil.test","x")', '+1+2', '-2+3', '@SUM(A1)', 'a, "quoted"\r\nline', 'Zürich ✓ 東京']
const BULK = 3000

// The site's description as `--config` gives it, and the German title its banner shows today.
const PISAMA = { site: 'pisama', ga4: { measurementId: 'G-SHOW12345' } }
let germanTitle = ''

describe.each(DATABASES)('consent-gate receipts on %s', (name, create, available) => {
  describe.runIf(available)('', () => {
    let db: Database
    let dir: string
    const run = (...args: string[]) => cli([...args, '--store', db.store])
    /** What must not change under bad input: every row and the schema's version. */
    const fingerprint = async () =>
      db.sql(
        `SELECT (SELECT count(*)::int FROM consent_gate_receipts) AS n,
          (SELECT md5(string_agg(receipt_key, ',' ORDER BY id)) FROM consent_gate_receipts) AS keys,
          (SELECT max(version) FROM consent_gate_schema) AS version`,
      )

    beforeAll(async () => {
      db = await create()
      dir = mkdtempSync(join(tmpdir(), 'consent-gate-cli-out-'))
      const store = await db.open()
      // Stored out of order: one visitor's withdrawal before their first choice and their change.
      for (const [key, r] of Object.entries({ withdrawal, first, change, other, gpc, placed, placedEn, unplaced }))
        await store.add(r, key)
      // Later, the same visitor shown the banner as the site words it today (--config).
      const today = await wordingOf(PISAMA, 'de')
      await store.add(
        receipt({
          ...placed,
          givenAt: '2026-04-20T10:00:00.000Z',
          receivedAt: '2026-04-20T10:00:01.000Z',
          wording: today.digest,
        }),
        'placed-today',
      )
      germanTitle = today.texts.title
      // For the CSV: hostile text where the store keeps free text, on 1 April 2026.
      for (const [i, text] of HOSTILE.entries())
        await store.add(
          receipt({
            consentId: `hostile${i}000`,
            site: text,
            userAgent: text,
            receivedAt: at('2026-04-01T00:00:00.000Z', i / 100),
          }),
          `hostile-${i}`,
        )
      // For retention: received in 2024, one lapsed long ago, one still in force on the prune date.
      await store.add(
        receipt({
          consentId: 'retention01',
          givenAt: '2024-01-01T00:00:00.000Z',
          expiresAt: '2024-07-01T00:00:00.000Z',
          receivedAt: '2024-01-01T00:00:01.000Z',
        }),
        'retention-lapsed',
      )
      await store.add(
        receipt({
          consentId: 'retention02',
          givenAt: '2024-06-01T00:00:00.000Z',
          expiresAt: '2025-06-01T00:00:00.000Z',
          receivedAt: '2024-06-01T00:00:01.000Z',
        }),
        'retention-in-force',
      )
      await store.close()
      // Thousands for the export, received one a second from 1 June 2025.
      await db.sql(`INSERT INTO consent_gate_receipts
        (receipt_key, consent_id, given_at, expires_at, site, revision, choices, via, sdk_version, received_at)
        SELECT 'bulk-' || i, 'bulk' || lpad(i::text, 8, '0'), t, t + interval '182 days', 'pisama', '1',
          jsonb_build_object('analytics', i % 2 = 0), 'banner', '0.1.0', t
        FROM generate_series(1, ${BULK}) AS i, LATERAL (SELECT timestamptz '2025-06-01' + i * interval '1 second' AS t) AS s`)
    })
    afterAll(async () => {
      await db?.end()
      if (dir) rmSync(dir, { recursive: true, force: true })
    })

    it("shows one visitor's history oldest first, every field stored, and nobody else's", async () => {
      const { code, stdout, stderr } = await cli(['--store', db.store, 'show', 'visitor0001'])
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
      expect(stdout).toMatch(/^3 receipts for consent id visitor0001, oldest first:/)
      const heads = stdout.split('\n').filter((l) => /^\d\. /.test(l))
      expect(heads).toEqual([
        '1. 2026-01-10T09:00:00.000Z  via banner  site pisama  revision 1',
        '2. 2026-02-01T08:00:00.000Z  via api  site pisama  revision 1',
        '3. 2026-03-01T10:00:00.000Z  via dialog  site pisama  revision 1',
      ])
      expect(stdout).toContain('choices     analytics granted, marketing refused')
      expect(stdout).toContain('choices     analytics refused, marketing refused')
      expect(stdout).toMatch(/ip {10}203\.0\.113\.0\n {3}userAgent {3}Test\/1\.0/)
      expect(stdout).not.toContain('someoneelse1')
    })

    it('shows the history as JSON for machines, and an empty list for an unknown id', async () => {
      const { code, stdout } = await run('show', 'visitor0001', '--json')
      expect(code).toBe(0)
      expect(JSON.parse(stdout)).toEqual([first, change, withdrawal])
      // The store named by the environment, as a cron job would set it.
      const none = await cli(['show', 'nobody0000', '--json'], { env: { CONSENT_GATE_STORE: db.store } })
      expect(none).toEqual({ code: 0, stdout: '[]\n', stderr: '' })
    })

    it("says with --config whether each receipt's wording digest is the site's wording today, guessing nothing", async () => {
      const config = join(dir, 'pisama.json')
      writeFileSync(config, JSON.stringify(PISAMA))
      const { code, stdout, stderr } = await run('show', 'placed00001', '--config', config)
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
      expect(stdout.split('\n').filter((l) => /^ {3}(wording|today) /.test(l))).toEqual([
        `   wording     ${placed.wording}`,
        "   today       changed since: the site's description gives another wording in this language on this surface",
        expect.stringMatching(/^ {3}wording {5}[\w-]{43}$/),
        `   today       the site's wording today (its title: ${germanTitle})`,
      ])
      const json = JSON.parse((await run('show', 'placed00001', '--json', '--config', config)).stdout)
      expect(json.map((r: { wordingToday?: string }) => r.wordingToday)).toEqual(['changed since', 'matches'])
      // Another site's description says nothing of Pisama's texts; without --config nothing is said.
      const acme = join(dir, 'acme.json')
      writeFileSync(acme, JSON.stringify({ site: 'acme' }))
      expect((await run('show', 'placed00001', '--config', acme)).stdout).toContain(
        '   today       not checked: no --config describes this site',
      )
      expect((await run('show', 'placed00001')).stdout).not.toMatch(/^ {3}today /m)
      expect(await run('show', 'placed00001', '--config', join(dir, 'nope.json'))).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^consent-gate receipts: --config cannot read .*nope\.json/),
      })
    })

    it('exports CSV that a spreadsheet opens as text: a header, RFC 4180 quotes, UTF-8, no formula runs', async () => {
      const { code, stdout, stderr } = await run('export', '--since', '2026-04-01', '--until', '2026-04-02')
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
      expect(stdout.startsWith('\ufeffreceivedAt,consentId,')).toBe(true)
      const [header, ...rows] = parseCsv(stdout.slice(1))
      expect(header).toEqual([
        'receivedAt',
        'consentId',
        'givenAt',
        'expiresAt',
        'site',
        'revision',
        'via',
        'functional',
        'analytics',
        'marketing',
        'lang',
        'wording',
        'gpc',
        'region',
        'policy',
        'sdkVersion',
        'ip',
        'userAgent',
      ])
      expect(rows).toHaveLength(HOSTILE.length)
      const column = (name: string) => rows.map((r) => r[header.indexOf(name)])
      const neutral = HOSTILE.map((t) => (/^[=+\-@]/.test(t) ? "'" + t : t))
      expect(column('site')).toEqual(neutral)
      expect(column('userAgent')).toEqual(neutral)
      expect(column('consentId')).toEqual(HOSTILE.map((_, i) => `hostile${i}000`))
      expect(column('analytics')).toEqual(HOSTILE.map(() => 'true'))
      expect(column('functional')).toEqual(HOSTILE.map(() => ''))
      // No cell of the file begins with a formula character, quoted or not.
      expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([])
      expect(stdout).toContain('"\'=HYPERLINK(""https://evil.test"",""x"")"')
    })

    it('exports what was shown, the GPC signal, the region and the policy: a column each in CSV, as stored in NDJSON', async () => {
      const range = ['--since', '2026-04-05', '--until', '2026-04-06']
      const csv = await run('export', ...range)
      expect(csv.code).toBe(0)
      const [header, ...rows] = parseCsv(csv.stdout.slice(1))
      const cells = (name: string) => rows.map((r) => r[header.indexOf(name)])
      expect(cells('consentId')).toEqual(['placed00001', 'placed00002', 'placed00003'])
      expect(cells('lang')).toEqual(['de', 'en', ''])
      expect(cells('wording')).toEqual([placed.wording, placedEn.wording, ''])
      expect(cells('gpc')).toEqual(['true', 'false', ''])
      expect(cells('region')).toEqual(['US-CA', 'DE', ''])
      expect(cells('policy')).toEqual(['opt-out', 'opt-in', ''])
      const ndjson = await run('export', '--format', 'ndjson', ...range)
      expect(
        ndjson.stdout
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ).toEqual([placed, placedEn, unplaced])
    })

    it('counts the languages shown and the policies per period, "none" for receipts that say none', async () => {
      const { code, stdout } = await run('stats', '--by', 'day', '--since', '2026-04-05', '--until', '2026-04-06', '--json')
      expect(code).toBe(0)
      expect(JSON.parse(stdout)).toEqual([
        expect.objectContaining({
          period: '2026-04-05',
          choices: 3,
          languages: { de: 1, en: 1, none: 1 },
          policies: { 'opt-out': 1, 'opt-in': 1, none: 1 },
        }),
      ])
      const text = await run('stats', '--by', 'day', '--since', '2026-04-05', '--until', '2026-04-06')
      expect(text.stdout.split('\n')[0]).toMatch(/ by way +languages +policies$/)
      expect(text.stdout.split('\n')[1]).toMatch(/ api 1, banner 1, dialog 1 +de 1, en 1, none 1 +none 1, opt-in 1, opt-out 1$/)
    })

    it('exports NDJSON, one stored receipt a line, the range [since, until) only', async () => {
      const { code, stdout } = await run(
        'export',
        '--format',
        'ndjson',
        '--since',
        '2026-01-10T09:00:00.020Z',
        '--until',
        '2026-02-01T08:00:01Z',
      )
      expect(code).toBe(0)
      expect(
        stdout
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ).toEqual([first, other])
    })

    it('streams thousands of rows in batches to a file, with no progress line when not on a terminal', async () => {
      const log = join(dir, 'queries.json')
      const out = join(dir, 'all.csv')
      const result = await cli(['export', '--since', '2025-06-01', '--until', '2025-07-01', '--out', out, '--store', db.store], {
        node: ['--import', QUERY_LOG],
        env: { CONSENT_GATE_QUERY_LOG: log },
      })
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' })
      const rows = parseCsv(readFileSync(out, 'utf8').slice(1))
      expect(rows).toHaveLength(BULK + 1)
      expect(new Set(rows.slice(1).map((r) => r[1])).size).toBe(BULK)
      expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([])
      // The rows came 500 a query, none of them all at once: memory holds one batch.
      const queries: { sql: string; rows: number }[] = JSON.parse(readFileSync(log, 'utf8'))
      const pages = queries.filter((q) => /FROM consent_gate_receipts WHERE received_at >= \$1 .* LIMIT \$4/.test(q.sql))
      expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(BULK / 500))
      expect(Math.max(...queries.map((q) => q.rows))).toBeLessThanOrEqual(500)
      expect(pages.reduce((n, q) => n + q.rows, 0)).toBe(BULK)
    })

    it('ends quietly, exit code 0, when its reader has seen enough (| head)', async () => {
      const { CONSENT_GATE_STORE: _, ...env } = process.env
      const args = ['receipts', 'export', '--since', '2025-06-01', '--until', '2025-07-01', '--store', db.store]
      const child = spawn(process.execPath, [BIN, ...args], { env })
      let stderr = ''
      child.stderr.on('data', (d) => (stderr += d))
      // Thousands of rows are more than a pipe holds: the CLI is still writing when the pipe closes.
      child.stdout.once('data', () => child.stdout.destroy())
      const code = await new Promise((resolve) => child.on('close', resolve))
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    })

    // script(1) is in Debian's essential util-linux; in CI (which requires every suite to run) its absence is a failure, not a skip.
    it.runIf(existsSync('/usr/bin/script') || !!process.env.CONSENT_GATE_REQUIRE_POSTGRES)(
      'shows rows, rate and ETA on a terminal while exporting to a file',
      async () => {
        const out = join(dir, 'tty.ndjson')
        // script(1) gives the CLI a terminal; the export itself goes to the file.
        const command = [
          process.execPath,
          BIN,
          'receipts',
          'export',
          '--format',
          'ndjson',
          '--since',
          '2025-06-01',
          '--until',
          '2025-07-01',
          '--out',
          out,
          '--store',
          db.store,
        ]
        const quoted = command.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
        const { CONSENT_GATE_STORE: _, ...env } = process.env
        const terminal = execFileSync('script', ['-qec', quoted, '/dev/null'], { encoding: 'utf8', env })
        expect(terminal).toMatch(
          new RegExp(`${BULK.toLocaleString('en-US')} of ${BULK.toLocaleString('en-US')} receipts, [\\d,]+/s, ETA 0 s`),
        )
        expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(BULK)
      },
    )

    it('counts choices per month and revision: shares, grant rates per category, ways', async () => {
      const { code, stdout, stderr } = await run('stats', '--since', '2025-06-01', '--until', '2026-04-01', '--json')
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
      const period = (p: string, choices: number, over: object) => ({
        period: p,
        revision: '1',
        choices,
        gpc: 0,
        acceptAll: 0,
        rejectAll: 0,
        custom: 0,
        languages: { none: choices },
        policies: { none: choices },
        ...over,
      })
      expect(JSON.parse(stdout)).toEqual([
        period('2025-06-01', BULK, {
          via: { banner: BULK },
          acceptAll: BULK / 2,
          rejectAll: BULK / 2,
          categories: { analytics: { offered: BULK, granted: BULK / 2 } },
        }),
        period('2026-01-01', 2, {
          via: { banner: 2 },
          custom: 2,
          categories: { analytics: { offered: 2, granted: 2 }, marketing: { offered: 2, granted: 0 } },
        }),
        period('2026-02-01', 1, {
          via: { api: 1 },
          acceptAll: 1,
          categories: { analytics: { offered: 1, granted: 1 }, marketing: { offered: 1, granted: 1 } },
        }),
        period('2026-03-01', 2, {
          via: { dialog: 1, gpc: 1 },
          rejectAll: 2,
          gpc: 1,
          categories: { analytics: { offered: 2, granted: 0 }, marketing: { offered: 2, granted: 0 } },
        }),
      ])
    })

    it('counts per week from Monday, as a table a person reads', async () => {
      const { code, stdout } = await run('stats', '--by', 'week', '--since', '2026-01-01', '--until', '2026-02-01')
      expect(code).toBe(0)
      // Saturday 10 and Sunday 11 January 2026 are the week of Monday 5 January.
      expect(stdout.split('\n')).toEqual([
        expect.stringMatching(
          /^week from +revision +choices +accept all +reject all +custom +GPC +analytics granted +marketing granted +by way +languages +policies$/,
        ),
        expect.stringMatching(/^2026-01-05 +1 +2 +0% +0% +100% +0% +100% +0% +banner 2 +none 2 +none 2$/),
        '',
      ])
    })

    it('counts whole days from the per-day rollup and the ends of a range from the receipts, to the same figures', async () => {
      const log = join(dir, 'stats-queries.json')
      // From ten past midnight to noon: two part days at the ends, whole days between.
      const [since, until] = ['2025-06-01T00:10:00.000Z', '2026-03-01T12:00:00.000Z']
      const result = await cli(['stats', '--since', since, '--until', until, '--json', '--store', db.store], {
        node: ['--import', QUERY_LOG],
        env: { CONSENT_GATE_QUERY_LOG: log },
      })
      expect(result.code).toBe(0)
      const fromReceipts = summarise((await db.sql(SQL.stats, [since, until, 'month'])) as unknown as StatsRow[])
      expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(fromReceipts)))
      // 599 of the bulk receipts came before ten past midnight on 1 June: the part day is counted from the receipts.
      expect(fromReceipts[0]).toMatchObject({ period: '2025-06-01', choices: BULK - 599 })
      const queries: { sql: string }[] = JSON.parse(readFileSync(log, 'utf8'))
      const daily = queries.filter((q) => q.sql.includes('FROM consent_gate_daily WHERE'))
      const ends = queries.filter((q) =>
        q.sql.includes('FROM consent_gate_receipts WHERE received_at >= $1 AND received_at < $2) AS r'),
      )
      expect([daily.length, ends.length]).toEqual([1, 2])
      // Whole days only: the rollup alone.
      rmSync(log)
      await cli(['stats', '--since', '2025-06-01', '--until', '2026-04-01', '--store', db.store], {
        node: ['--import', QUERY_LOG],
        env: { CONSENT_GATE_QUERY_LOG: log },
      })
      // (PGlite groups a catalogue query of its own when it starts.)
      const grouped = (JSON.parse(readFileSync(log, 'utf8')) as { sql: string }[]).filter((q) =>
        /\bconsent_gate_\w+ .*\bGROUP BY\b/.test(q.sql),
      )
      expect(grouped.map((q) => q.sql)).toEqual([SQL.daily.replace(/\s+/g, ' ').trim()])
    })

    it('prunes for retention: --dry-run counts and changes nothing, then only lapsed choices go', async () => {
      const before = await fingerprint()
      const dry = await run('prune', '--before', '2024-12-01', '--dry-run')
      expect(dry.code).toBe(0)
      expect(dry.stdout).toMatch(/^Would delete 1 receipt from .*: received before 2024-12-01T00:00:00\.000Z/)
      expect(await fingerprint()).toEqual(before)
      const real = await run('prune', '--before', '2024-12-01')
      expect(real.code).toBe(0)
      expect(real.stdout).toMatch(/^Deleted 1 receipt from /)
      expect(real.stdout).not.toContain(PASSWORD)
      const left = await db.sql("SELECT consent_id FROM consent_gate_receipts WHERE consent_id LIKE 'retention%'")
      expect(left).toEqual([{ consent_id: 'retention02' }])
    })

    it('keeps the per-day rollup equal to the receipts through inserts and retention', async () => {
      const rollup = await db.sql(`SELECT day::text AS day, site, revision, via, choices::text AS choices, lang, wording, policy,
          n::int AS n FROM consent_gate_daily ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`)
      const receipts = await db.sql(`SELECT ((received_at AT TIME ZONE 'UTC')::date)::text AS day, site, revision, via,
          choices::text AS choices, coalesce(lang, '') AS lang, coalesce(wording, '') AS wording, coalesce(policy, '') AS policy,
          count(*)::int AS n FROM consent_gate_receipts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`)
      expect(rollup).toEqual(receipts)
      // The pruned day of 2024 is gone from it; the one still in force stays.
      expect(rollup.filter((r) => String(r.day).startsWith('2024'))).toEqual([
        expect.objectContaining({ day: '2024-06-01', n: 1 }),
      ])
    })

    describe('bad input: one line on stderr, exit code 2, nothing changed, no password shown', () => {
      const refused = async (args: string[], reason: RegExp, env: Record<string, string> = {}) => {
        const result = await cli(args, { env })
        expect(result, args.join(' ')).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(reason) })
        expect(result.stderr.split('\n'), 'one line').toHaveLength(2)
        expect(result.stderr).toMatch(/^consent-gate receipts: /)
        for (const secret of [PASSWORD, 'wrong-Pass-9', 'pw-in-mysql']) expect(result.stderr).not.toContain(secret)
      }

      it('refuses dates that do not parse, a consent id with SQL in it, and a prune date still to come', async () => {
        const before = await fingerprint()
        const store = ['--store', db.store]
        await refused(['export', '--since', '2026-02-30', ...store], /--since must be a date such as 2026-01-31/)
        await refused(['export', '--since', 'yesterday', ...store], /--since must be a date/)
        await refused(['export', '--since', '2026-02-01', '--until', '2026-01-01', ...store], /--since must be before --until/)
        await refused(['export', '--format', 'xlsx', ...store], /--format must be csv or ndjson/)
        await refused(['prune', '--before', '31/01/2026', ...store], /--before must be a date/)
        await refused(
          ['prune', '--before', at(new Date().toISOString(), 30).slice(0, 10), ...store],
          /--before must not be in the future/,
        )
        await refused(['prune', ...store], /prune needs --before DATE/)
        await refused(['show', "visitor0001' OR '1'='1", ...store], /a consent id is 8 to 32 of a-z and 0-9/)
        await refused(['show', "x'; DELETE FROM consent_gate_receipts; --", ...store], /a consent id is 8 to 32/)
        await refused(['show', ...store], /show takes one consent id/)
        await refused(['purge', ...store], /unknown command "purge"/)
        await refused(store, /no command; commands are show, export, prune, stats/)
        await refused(['stats', '--by', 'year', ...store], /--by must be day, week or month/)
        await refused(['stats', '--until', '2026-13-01', ...store], /--until must be a date/)
        await refused(['show', 'visitor0001', '--dry-run', ...store], /--dry-run does not apply to "show"/)
        expect(await fingerprint()).toEqual(before)
      })

      it('refuses an unknown store URL, a missing directory and a directory that is no store, creating nothing', async () => {
        await refused(
          ['show', 'visitor0001', '--store', 'mysql://root:pw-in-mysql@127.0.0.1/receipts'],
          /unknown store "mysql:\/\/…"/,
        )
        const missing = join(dir, 'no-such-store')
        await refused(['show', 'visitor0001', '--store', missing], /could not open the store .*no-such-store: no such directory/)
        expect(existsSync(missing)).toBe(false)
        const empty = join(dir, 'empty')
        mkdirSync(empty)
        await refused(['prune', '--before', '2024-01-01', '--store', empty], /not a PGlite database/)
        expect(readdirSync(empty)).toEqual([])
      })

      it('refuses a store whose schema is newer than this consent-gate knows', async () => {
        await db.sql('INSERT INTO consent_gate_schema (version) VALUES ($1)', [SCHEMA_VERSION + 1])
        const before = await fingerprint()
        try {
          await refused(
            ['prune', '--before', '2025-01-01', '--store', db.store],
            new RegExp(`schema is at version ${SCHEMA_VERSION + 1}, newer than this consent-gate knows`),
          )
          expect(await fingerprint()).toEqual(before)
        } finally {
          await db.sql('DELETE FROM consent_gate_schema WHERE version > $1', [SCHEMA_VERSION])
        }
      })

      // PGlite has no password to get wrong: the test exists only where one does.
      if (name === 'PostgreSQL')
        it('refuses a wrong password, from --store or the environment, without printing it', async () => {
          const wrong = db.store.replace(encodeURIComponent(PASSWORD), 'wrong-Pass-9')
          await refused(
            ['show', 'visitor0001', '--store', wrong],
            /could not open the store postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres: password authentication failed/,
          )
          await refused(['show', 'visitor0001'], /password authentication failed/, { CONSENT_GATE_STORE: wrong })
        })
    })
  })
})

describe('consent-gate receipts on a store of an older schema', () => {
  it('brings it up to date first, as the store does on first use, and then reads it', async () => {
    const db = await databases()[0][1]()
    try {
      await db.script(readFileSync(join(import.meta.dirname, 'fixtures/schema-v3.sql'), 'utf8'))
      await db.sql(`INSERT INTO consent_gate_receipts (receipt_key, consent_id, given_at, expires_at, site, revision, choices,
          via, sdk_version, received_at, lang, wording)
        VALUES ('v3', 'oldschema01', '2026-01-10T09:00:00Z', '2026-07-10T09:00:00Z', 'pisama', '1', '{"analytics":true}',
          'banner', '0.1.0', '2026-01-10T09:00:00Z', 'fr', '${'A'.repeat(43)}')`)
      const { code, stdout, stderr } = await cli(['stats', '--json', '--store', db.store])
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
      expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ choices: 1, languages: { fr: 1 } })])
      expect(await db.sql('SELECT max(version) AS version FROM consent_gate_schema')).toEqual([{ version: SCHEMA_VERSION }])
    } finally {
      await db.end()
    }
  })
})
