import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ReceiptStore } from '../src/server/store'

export function buildApp(): Promise<void>
export function startServer(options?: {
  port?: number
  realTrackerHosts?: boolean
  log?: (line: string) => void
  /** Where receipts go; the embedded store in `receiptsDir` by default. */
  store?: ReceiptStore
  receiptsDir?: string
}): Promise<Omit<Server, 'address'> & { address(): AddressInfo }>
