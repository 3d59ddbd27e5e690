import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export function buildApp(): Promise<void>
export function startServer(options?: {
  port?: number
  realTrackerHosts?: boolean
  log?: (line: string) => void
}): Promise<Omit<Server, 'address'> & { address(): AddressInfo }>
export function preloadLinks(cookie: string | undefined, base: string): Promise<string>
