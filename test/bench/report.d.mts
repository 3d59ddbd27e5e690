export interface Run {
  /** `samples[scenario][lib]`: one entry per round. */
  samples: Record<string, Record<string, unknown[]>>
  peers: string[]
  runs: number
  chromium: string
  versions: Record<string, { version: string }>
  machine: string
  /** The label of an earlier build of ours measured in the same run. */
  before?: string
}
/** The table, RESULTS.md and the key-numbers block, from a run's samples (report.mjs). */
export function render(run: Run): { table: string; results: string; key: string }
export function syncDocs(root: string, key: string): string[]
