import type { ReceiptStore } from '../../src/server/store'

export interface Database {
  name: string
  /** The store the demo server in this process writes to and the run reads back... */
  store?: ReceiptStore
  /** ...or an endpoint of the database's own, and a store to read it back from afterwards. */
  url?(): string
  reader?(): Promise<ReceiptStore>
  restart(): Promise<void>
  end(): Promise<void>
}
export interface LoadResult {
  store: string
  restarted: boolean
  total: number
  clients: number
  requests: number
  answered: number
  stored: number
  lost: number
  duplicated: number
  retries: number
  statuses: Record<string, number>
  seconds: number
  perSecond: number
  p50: number
  p99: number
}
export function receiptOf(run: string, i: number): Record<string, unknown>
export function embedded(): Promise<Database>
export function postgres(): Promise<Database>
export function embeddedProcess(): Promise<Database>
export function loadRun(
  db: Database,
  options: { total: number; clients: number; duplicateEvery?: number; restart?: boolean; timeoutMs?: number },
): Promise<LoadResult>
export function describeRun(result: LoadResult): string
