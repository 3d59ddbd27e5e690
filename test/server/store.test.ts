// @vitest-environment node
// One schema and one SQL on two real databases: the embedded store (PGlite, persisted in a
// directory) and PostgreSQL (a throwaway cluster; skipped, loudly, where it is not installed).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { SCHEMA_VERSION, type StoredReceipt } from '../../src/server'
import { postgresStore } from '../../src/server/postgres'
import { startPostgres, type Cluster } from '../postgres.mjs'
import { databases, type Database } from './databases'

const DAY = 864e5
const T0 = Date.UTC(2026, 0, 1)
const at = (ms: number) => new Date(ms).toISOString()
const receipt = (i: number, over: Partial<StoredReceipt> = {}): StoredReceipt => ({
  consentId: `visitor${String(i % 50).padStart(5, '0')}`,
  givenAt: at(T0 + i * 1000),
  expiresAt: at(T0 + i * 1000 + 182 * DAY),
  site: 'pisama',
  revision: '1',
  choices: { analytics: i % 2 === 0 },
  via: 'banner',
  sdkVersion: '0.1.0',
  receivedAt: at(T0 + i * 1000 + 20),
  ...over,
})
const text = async (stream: ReadableStream<Uint8Array>) => {
  let out = ''
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) out += new TextDecoder().decode(part)
  return out
}

const DATABASES = databases()

describe.each(DATABASES)('receipts in %s', (_, create, available) => {
  describe.runIf(available)('', () => {
    let db: Database
    beforeAll(async () => {
      db = await create()
    })
    afterAll(() => db?.end())

    it('creates its schema on first use: a version table, the receipts, an index on consent_id', async () => {
      const store = await db.open()
      expect(await store.add(receipt(0), 'key-0')).toBe(true)
      await store.close()
      // One row per step taken, up to the version this code writes.
      expect(await db.sql('SELECT version FROM consent_gate_schema ORDER BY version')).toEqual(
        Array.from({ length: SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })),
      )
      const indexes = await db.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'consent_gate_receipts'")
      expect(indexes.map((i) => i.indexdef)).toContainEqual(expect.stringMatching(/\(consent_id\)$/))
      await db.restart()
    })

    it('stores a receipt once per key, and keeps what the server saw', async () => {
      const store = await db.open()
      const r = receipt(1, { ip: '203.0.113.0', userAgent: 'Test/1.0' })
      expect(await store.add(r, 'key-1')).toBe(true)
      expect(await store.add(r, 'key-1')).toBe(false)
      expect(await Promise.all([store.add(receipt(2), 'key-2'), store.add(receipt(2), 'key-2')])).toEqual(
        expect.arrayContaining([true, false]),
      )
      expect(await store.receiptsFor(r.consentId)).toEqual([r])
      expect((await store.latest(2)).map((x) => x.givenAt)).toEqual([receipt(2).givenAt, r.givenAt])
      await store.close()
    })

    it('keeps what it stored across a close and a reopen, and a second start changes nothing', async () => {
      const first = await db.open()
      await first.add(receipt(3), 'key-3')
      await first.close()
      await db.restart()
      const second = await db.open()
      expect(await second.receiptsFor(receipt(3).consentId)).toEqual([receipt(3)])
      expect(await second.add(receipt(3), 'key-3')).toBe(false)
      await second.close()
      expect(await db.sql('SELECT count(*)::int AS n FROM consent_gate_schema')).toEqual([{ n: SCHEMA_VERSION }])
      await db.restart()
    })

    it("answers a data-subject request with one visitor's choices, oldest first", async () => {
      const store = await db.open()
      const id = 'subject000000'
      await store.add(receipt(30, { consentId: id, choices: { analytics: false } }), 'subject-b')
      await store.add(receipt(10, { consentId: id, choices: { analytics: true } }), 'subject-a')
      expect((await store.receiptsFor(id)).map((r) => r.choices)).toEqual([{ analytics: true }, { analytics: false }])
      expect(await store.receiptsFor('nobody000000')).toEqual([])
      await store.close()
    })

    it('exports a time range as NDJSON, in the order received, in batches', async () => {
      const store = await db.open()
      const base = 100_000
      for (let i = 0; i < 1200; i += 100)
        await Promise.all(Array.from({ length: 100 }, (_, j) => store.add(receipt(base + i + j), `export-${i + j}`)))
      const lines = (
        await text(store.exportReceipts({ since: new Date(T0 + base * 1000), until: new Date(T0 + (base + 1100) * 1000) }))
      )
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as StoredReceipt)
      expect(lines).toHaveLength(1100)
      expect(lines[0]).toEqual(receipt(base))
      expect(new Set(lines.map((l) => l.givenAt)).size).toBe(1100)
      expect(await text(store.exportReceipts({ since: new Date(T0 + 10 * 365 * DAY) }))).toBe('')
      await store.close()
    })

    it('deletes for retention only receipts of choices that had lapsed by then', async () => {
      const store = await db.open()
      const old = (i: number, lapsed: boolean) =>
        receipt(i, {
          consentId: 'retention0000',
          receivedAt: at(T0 - 400 * DAY + i),
          givenAt: at(T0 - 400 * DAY + i),
          expiresAt: at(lapsed ? T0 - 10 * DAY : T0 + 10 * DAY),
        })
      await store.add(old(1, true), 'retention-1')
      await store.add(old(2, false), 'retention-2')
      expect(await store.deleteBefore(new Date(T0 - 5 * DAY))).toBe(1)
      expect((await store.receiptsFor('retention0000')).map((r) => r.expiresAt)).toEqual([at(T0 + 10 * DAY)])
      await store.close()
    })

    it('upgrades a store from before the per-day rollup: it counts every receipt the store held, and then every new one', async () => {
      const current = await db.open()
      await current.latest(1)
      await current.close()
      // The rollup is schema step 3: take it and every later step away, as a store of version 2 had none.
      for (const sql of [
        'DROP TRIGGER consent_gate_daily_add ON consent_gate_receipts',
        'DROP TRIGGER consent_gate_daily_remove ON consent_gate_receipts',
        'DROP FUNCTION consent_gate_daily_add',
        'DROP FUNCTION consent_gate_daily_remove',
        'DROP TABLE consent_gate_daily',
        'ALTER TABLE consent_gate_receipts DROP COLUMN region, DROP COLUMN policy',
        'DELETE FROM consent_gate_schema WHERE version >= 3',
      ])
        await db.sql(sql)
      await db.sql(`INSERT INTO consent_gate_receipts (receipt_key, consent_id, given_at, expires_at, site, revision, choices, via, sdk_version, received_at)
        SELECT 'old-' || i, 'old' || lpad(i::text, 8, '0'), t, t + interval '182 days', 'pisama', '1',
          jsonb_build_object('analytics', i % 3 = 0), 'banner', '0.1.0', t
        FROM generate_series(1, 500) AS i, LATERAL (SELECT timestamptz '2025-03-01' + i * interval '1 hour' AS t) AS s`)
      await db.restart()
      const store = await db.open()
      // A receipt of a site with rules by region keeps them once upgraded (step 4).
      const regional = receipt(900_000, { receivedAt: '2025-03-02T12:00:00.000Z', region: 'US-CA', policy: 'opt-out' })
      await store.add(regional, 'after-upgrade')
      expect(await store.receiptsFor(regional.consentId)).toContainEqual(regional)
      await store.close()
      expect(await db.sql('SELECT max(version) AS version FROM consent_gate_schema')).toEqual([{ version: SCHEMA_VERSION }])
      const counted = `SELECT day::text AS day, revision, via, choices::text AS choices, n::int AS n FROM consent_gate_daily ORDER BY 1, 2, 3, 4`
      const actual = `SELECT ((received_at AT TIME ZONE 'UTC')::date)::text AS day, revision, via, choices::text AS choices, count(*)::int AS n
        FROM consent_gate_receipts GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`
      const rollup = await db.sql(counted)
      expect(rollup).toEqual(await db.sql(actual))
      expect(rollup).toContainEqual({ day: '2025-03-02', revision: '1', via: 'banner', choices: '{"analytics": true}', n: 9 })
    })

    it('refuses a schema newer than it knows', async () => {
      const store = await db.open()
      await store.latest(1)
      await store.close()
      await db.sql('INSERT INTO consent_gate_schema (version) VALUES ($1)', [SCHEMA_VERSION + 1])
      await db.restart()
      const newer = await db.open()
      await expect(newer.latest(1)).rejects.toThrow(`version ${SCHEMA_VERSION + 1}, newer than this consent-gate knows`)
      await newer.close()
      await db.sql('DELETE FROM consent_gate_schema WHERE version > $1', [SCHEMA_VERSION])
      await db.restart()
    })
  })
})

/**
 * The schema exactly as consent-gate 0.1.0 created it (version 1), and a receipt as it stored one:
 * frozen here, so the upgrade is tested from what sites really have, whatever the code says now.
 */
const VERSION_1 = `
  CREATE TABLE consent_gate_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE consent_gate_receipts (
    id bigserial PRIMARY KEY,
    receipt_key text NOT NULL UNIQUE,
    consent_id text NOT NULL,
    given_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    site text NOT NULL,
    revision text NOT NULL,
    choices jsonb NOT NULL,
    via text NOT NULL,
    sdk_version text NOT NULL,
    received_at timestamptz NOT NULL,
    ip text,
    user_agent text
  );
  CREATE INDEX consent_gate_receipts_consent_id ON consent_gate_receipts (consent_id);
  CREATE INDEX consent_gate_receipts_received_at ON consent_gate_receipts (received_at);
  INSERT INTO consent_gate_schema (version) VALUES (1);
  INSERT INTO consent_gate_receipts (receipt_key, consent_id, given_at, expires_at, site, revision, choices, via,
    sdk_version, received_at, ip, user_agent)
  VALUES ('old-key', 'upgraded0000', '2026-01-01T00:00:00.000Z', '2026-07-02T00:00:00.000Z', 'pisama', '1',
    '{"analytics":false}', 'banner', '0.1.0', '2026-01-01T00:00:00.020Z', '203.0.113.0', NULL);`

describe.each(DATABASES)('a store of schema version 1 in %s', (_, create, available) => {
  describe.runIf(available)('', () => {
    let db: Database
    beforeAll(async () => {
      db = await create()
    })
    afterAll(() => db?.end())

    it('is upgraded on first use: its receipts read as they were, and new ones say what was shown', async () => {
      for (const statement of VERSION_1.split(';').filter((q) => q.trim())) await db.sql(statement)
      await db.restart()
      const store = await db.open()
      const old: StoredReceipt = {
        consentId: 'upgraded0000',
        givenAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2026-07-02T00:00:00.000Z',
        site: 'pisama',
        revision: '1',
        choices: { analytics: false },
        via: 'banner',
        sdkVersion: '0.1.0',
        receivedAt: '2026-01-01T00:00:00.020Z',
        ip: '203.0.113.0',
      }
      const [read] = await store.receiptsFor(old.consentId)
      // Not even an empty field: the receipt as it came.
      expect(read).toStrictEqual(old)
      const shown = { ...old, givenAt: '2026-02-01T00:00:00.000Z', lang: 'de', wording: 'w'.repeat(43), gpc: true }
      expect(await store.add(shown, 'new-key')).toBe(true)
      expect(await store.receiptsFor(old.consentId)).toEqual([old, shown])
      await store.close()
      // Every step since, one row each.
      expect(await db.sql('SELECT version FROM consent_gate_schema ORDER BY version')).toEqual(
        Array.from({ length: SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })),
      )
      // A second start finds nothing to do.
      await db.restart()
      const again = await db.open()
      expect(await again.receiptsFor(old.consentId)).toEqual([old, shown])
      await again.close()
      expect(await db.sql('SELECT count(*)::int AS n FROM consent_gate_schema')).toEqual([{ n: SCHEMA_VERSION }])
    })
  })
})

describe.runIf(inject('hasPostgres'))('PostgreSQL restarted under a store', () => {
  let cluster: Cluster
  beforeAll(async () => {
    cluster = await startPostgres()
  })
  afterAll(() => cluster?.stop())

  it('fails the calls made while it is down, then carries on: nothing committed is lost', async () => {
    const broken: Error[] = []
    const store = postgresStore(cluster.url, { onError: (e) => broken.push(e) })
    expect(await store.add(receipt(1), 'before')).toBe(true)
    await cluster.restart({ crash: true })
    // The pooled connection died with the server: the first call after may fail, a retry works.
    const after = await store.add(receipt(2), 'after').catch(() => store.add(receipt(2), 'after'))
    expect(after).toBe(true)
    expect((await store.latest(10)).map((r) => r.givenAt)).toEqual([receipt(2).givenAt, receipt(1).givenAt])
    // The idle connection the crash cut was reported, not thrown.
    expect(broken.map((e) => e.message)).toContainEqual(expect.stringMatching(/terminat/i))
    await store.close()
  })
})
