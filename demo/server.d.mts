import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export function buildApp(): Promise<void>
export function startServer(options?: {
  port?: number
  realTrackerHosts?: boolean
  log?: (line: string) => void
}): Promise<Omit<Server, 'address'> & { address(): AddressInfo }>
/** `lang` is a language code as in dist/manifest.json (`de`, `pt-br`); English by default. */
export function preloadLinks(cookie: string | undefined, base: string, lang?: string): Promise<string>
