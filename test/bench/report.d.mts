/** The table, RESULTS.md and the key-numbers block, from a run's samples (report.mjs). */
export function render(run: {
  samples: Record<string, Record<string, unknown[]>>
  peers: string[]
  runs: number
  chromium: string
  versions: Record<string, { version: string }>
  machine: string
}): { table: string; results: string; key: string }
export function syncDocs(root: string, key: string): string[]
