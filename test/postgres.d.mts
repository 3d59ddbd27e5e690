export function postgresBin(): string | undefined
export interface Cluster {
  url: string
  port: number
  restart(options?: { crash?: boolean }): void
  stop(): void
}
export function startPostgres(): Promise<Cluster>
