export function postgresBin(): string | undefined
export interface Cluster {
  url: string
  port: number
  restart(options?: { crash?: boolean }): Promise<void>
  stop(): Promise<void>
}
export function startPostgres(options?: { password?: string }): Promise<Cluster>
