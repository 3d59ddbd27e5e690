import type { Receipt } from '../consent/receipt'
import { ROLLUP_STEP } from './rollup'

/** A receipt as kept: what the browser sent, and what the server saw. */
export interface StoredReceipt extends Receipt {
  /** ISO 8601, the server's clock: when the receipt arrived. */
  receivedAt: string
  /** The visitor's address, truncated or hashed; only when the endpoint is told to keep it. */
  ip?: string
  /** Only when the endpoint is told to keep it. */
  userAgent?: string
}

/** Where receipts are kept: the embedded store (PGlite) and PostgreSQL share one schema and one SQL. */
export interface ReceiptStore {
  /**
   * Stores a receipt once. `key` names its content: the same receipt sent again (a keepalive
   * retry) has the same key and is not stored twice. Resolves true when stored now, false when it
   * already was; rejects when the database could not be reached, and then nothing was stored.
   */
  add(receipt: StoredReceipt, key: string): Promise<boolean>
  /** Every receipt of one consent id, oldest choice first: the answer to a data-subject request. */
  receiptsFor(consentId: string): Promise<StoredReceipt[]>
  /** The latest receipts received, newest first. */
  latest(limit: number): Promise<StoredReceipt[]>
  /**
   * Every receipt received in `[since, until)`, as NDJSON (one receipt per line, in the order
   * received), read from the database in batches as the stream is read: for an audit.
   */
  exportReceipts(range?: { since?: Date; until?: Date }): ReadableStream<Uint8Array>
  /**
   * Retention: deletes the receipts received before `date` whose choice had lapsed by then. A
   * receipt of a choice still in force is kept, however old. Resolves how many were deleted.
   */
  deleteBefore(date: Date): Promise<number>
  close(): Promise<void>
}

/** What both databases offer: PGlite's own API, and a small shim over node-postgres's pool. */
export interface SqlClient {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number; rowCount?: number | null }>
  /** Several statements, one implicit transaction (PostgreSQL's simple query protocol). */
  exec(sql: string): Promise<unknown>
  close(): Promise<void>
}

/** The schema's version this code writes; a database at a newer one is refused. */
export const SCHEMA_VERSION = 4

// Each step is idempotent and runs in one transaction under an advisory lock, so two servers
// starting at once cannot race each other. Step n brings the schema from version n-1 to n.
const STEPS = [
  `CREATE TABLE IF NOT EXISTS consent_gate_receipts (
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
  CREATE INDEX IF NOT EXISTS consent_gate_receipts_consent_id ON consent_gate_receipts (consent_id);
  CREATE INDEX IF NOT EXISTS consent_gate_receipts_received_at ON consent_gate_receipts (received_at);`,
  // 2: what was shown (a receipt's lang and wording) and the GPC signal; null in older receipts.
  `ALTER TABLE consent_gate_receipts
    ADD COLUMN IF NOT EXISTS lang text,
    ADD COLUMN IF NOT EXISTS wording text,
    ADD COLUMN IF NOT EXISTS gpc boolean;`,
  // 3: the per-day counts that `receipts stats` and `report` read (rollup.ts).
  ROLLUP_STEP,
  // 4: where the visitor was and the rules that applied (docs/regions.md); null where none did.
  `ALTER TABLE consent_gate_receipts
    ADD COLUMN IF NOT EXISTS region text,
    ADD COLUMN IF NOT EXISTS policy text;`,
]
const LOCK = "SELECT pg_advisory_xact_lock(hashtext('consent_gate_schema'));"
const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS consent_gate_schema (
  version integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);`

// Retention's rule, for the deletion and its dry run alike: received before $1, and lapsed by then.
const LAPSED = 'received_at < $1 AND expires_at < $1'

const COLUMNS =
  'consent_id, given_at, expires_at, site, revision, choices, via, sdk_version, received_at, ip, user_agent, lang, wording, gpc, region, policy'

/** The SQL every store runs, and nothing else. */
export const SQL = {
  insert: `INSERT INTO consent_gate_receipts (receipt_key, ${COLUMNS})
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
    ON CONFLICT (receipt_key) DO NOTHING`,
  forConsent: `SELECT ${COLUMNS} FROM consent_gate_receipts WHERE consent_id = $1 ORDER BY given_at, id`,
  latest: `SELECT ${COLUMNS} FROM consent_gate_receipts ORDER BY id DESC LIMIT $1`,
  // Keyset pages: each batch starts after the last id read, so a long export holds no cursor open.
  page: `SELECT id, ${COLUMNS} FROM consent_gate_receipts
    WHERE received_at >= $1 AND received_at < $2 AND id > $3 ORDER BY id LIMIT $4`,
  /** How many receipts `page` reads in `[$1, $2)`: for an export's progress. */
  count: 'SELECT count(*)::bigint AS n FROM consent_gate_receipts WHERE received_at >= $1 AND received_at < $2',
  /**
   * Choices received in `[$1, $2)` counted per period (`$3`: day, week from Monday, month; UTC),
   * revision, way and choice: few rows however many receipts, for the shares and rates of `stats`.
   */
  stats: `SELECT to_char(date_trunc($3, received_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS period,
      revision, via, choices, count(*)::int AS n
    FROM consent_gate_receipts WHERE received_at >= $1 AND received_at < $2
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3`,
  deleteBefore: `DELETE FROM consent_gate_receipts WHERE ${LAPSED}`,
  /** How many `deleteBefore` would delete: a dry run. */
  countBefore: `SELECT count(*)::bigint AS n FROM consent_gate_receipts WHERE ${LAPSED}`,
  version: 'SELECT max(version) AS version FROM consent_gate_schema',
} as const

interface Row {
  id?: string | number
  consent_id: string
  given_at: Date | string
  expires_at: Date | string
  site: string
  revision: string
  choices: Receipt['choices'] | string
  via: Receipt['via']
  sdk_version: string
  received_at: Date | string
  ip: string | null
  user_agent: string | null
  lang: string | null
  wording: string | null
  gpc: boolean | null
  region: string | null
  policy: Receipt['policy'] | null
}

const iso = (t: Date | string) => new Date(t).toISOString()

const fromRow = (r: Row): StoredReceipt => {
  const receipt: StoredReceipt = {
    consentId: r.consent_id,
    givenAt: iso(r.given_at),
    expiresAt: iso(r.expires_at),
    site: r.site,
    revision: r.revision,
    choices: typeof r.choices === 'string' ? JSON.parse(r.choices) : r.choices,
    via: r.via,
    sdkVersion: r.sdk_version,
    receivedAt: iso(r.received_at),
  }
  // As the receipt came: a field it did not have (an older SDK's) stays out.
  if (r.lang != null) receipt.lang = r.lang
  if (r.wording != null) receipt.wording = r.wording
  if (r.gpc != null) receipt.gpc = r.gpc
  if (r.region != null) receipt.region = r.region
  if (r.policy != null) receipt.policy = r.policy
  if (r.ip != null) receipt.ip = r.ip
  if (r.user_agent != null) receipt.userAgent = r.user_agent
  return receipt
}

const EXPORT_BATCH = 500

/** `$1` and `$2` of `SQL.page` and `SQL.count`: an open end is PostgreSQL's infinity. */
export const rangeParams = ({ since, until }: { since?: Date; until?: Date }) => [
  since?.toISOString() ?? '-infinity',
  until?.toISOString() ?? 'infinity',
]

/**
 * A receipt store on any PostgreSQL that speaks `client`. The schema is created (or brought up to
 * date) on first use; every call waits for that.
 */
export function sqlStore(client: SqlClient): ReceiptStore {
  let ready: Promise<void> | undefined
  const migrate = async () => {
    await client.exec(LOCK + VERSION_TABLE)
    const { rows } = await client.query<{ version: number | null }>(SQL.version)
    const at = rows[0]?.version ?? 0
    if (at > SCHEMA_VERSION)
      throw new Error(
        `consent-gate: the receipts schema is at version ${at}, newer than this consent-gate knows (${SCHEMA_VERSION})`,
      )
    for (let step = at; step < STEPS.length; step++)
      await client.exec(`${LOCK}${STEPS[step]}
        INSERT INTO consent_gate_schema (version) VALUES (${step + 1}) ON CONFLICT (version) DO NOTHING;`)
  }
  // A failed migration (the database was down) is tried again on the next call.
  const schema = () =>
    (ready ||= migrate().catch((e) => {
      ready = undefined
      throw e
    }))
  const query = async <T>(sql: string, params: unknown[]) => (await schema(), client.query<T>(sql, params))

  return {
    async add(r, key) {
      const result = await query(SQL.insert, [
        key,
        r.consentId,
        r.givenAt,
        r.expiresAt,
        r.site,
        r.revision,
        JSON.stringify(r.choices),
        r.via,
        r.sdkVersion,
        r.receivedAt,
        r.ip ?? null,
        r.userAgent ?? null,
        r.lang ?? null,
        r.wording ?? null,
        r.gpc ?? null,
        r.region ?? null,
        r.policy ?? null,
      ])
      return (result.affectedRows ?? result.rowCount ?? 0) > 0
    },
    receiptsFor: async (consentId) => (await query<Row>(SQL.forConsent, [consentId])).rows.map(fromRow),
    latest: async (limit) => (await query<Row>(SQL.latest, [limit])).rows.map(fromRow),
    exportReceipts({ since, until } = {}) {
      const range = rangeParams({ since, until })
      const encoder = new TextEncoder()
      let after = '0'
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { rows } = await query<Row>(SQL.page, [...range, after, EXPORT_BATCH])
          if (rows.length) {
            after = String(rows[rows.length - 1].id)
            controller.enqueue(encoder.encode(rows.map((r) => JSON.stringify(fromRow(r)) + '\n').join('')))
          }
          if (rows.length < EXPORT_BATCH) controller.close()
        },
      })
    },
    async deleteBefore(date) {
      const result = await query(SQL.deleteBefore, [date.toISOString()])
      return result.affectedRows ?? result.rowCount ?? 0
    },
    close: () => client.close(),
  }
}
