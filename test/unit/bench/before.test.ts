// The bench report's columns: an earlier build of ours (BENCH_BEFORE) sits beside ours with
// ours ÷ before, and is never a peer, however fast it was.
import { describe, expect, it } from 'vitest'
import { BEFORE, OURS, hintsOf } from '../../bench/names.mjs'
import { render } from '../../bench/report.mjs'

const view = (banner: number) => ({ seen: { banner }, fcp: 100, bytes: 10_000, longTasks: [], shifts: [], movedAt: [], moved: 0 })
const LOOP = 'First banner visible, loopback, ours with preloadHints'
const SCRIPT = "Returning visit, refused: script time (Chromium's ScriptDuration), cold"

/** A run where the earlier build beats ours and the peer on the first banner and the script time. */
const run = (before?: string) =>
  render({
    samples: {
      'first:loopback': { hints: [view(300)], [hintsOf(BEFORE)]: [view(100)], orejime: [view(200)] },
      'script:cold:reject': { [OURS]: [{ script: 3 }], [BEFORE]: [{ script: 1 }], orejime: [{ script: 2 }] },
    },
    peers: ['orejime'],
    runs: 1,
    chromium: '1',
    versions: { [OURS]: { version: '0.1.0' }, orejime: { version: '3.2.1' } },
    machine: 'test',
    ...(before && { before }),
  })
const row = (table: string, label: string) =>
  table
    .split('\n')
    .find((l) => l.startsWith(`| ${label} |`))!
    .split(' | ')

describe('bench report with an earlier build of ours', () => {
  it('gives it a column right after ours, with ours ÷ before', () => {
    const { table } = run('cd3de8f')
    expect(table.split('\n')[0]).toMatch(
      /^\| {2}\| consent-gate 0\.1\.0 \| consent-gate cd3de8f \(before\) \| orejime 3\.2\.1 \|/,
    )
    expect(row(table, LOOP).slice(1, 4)).toEqual(['300 ms', '100 ms (×3.00)', '200 ms (×1.50)'])
  })

  it('never makes it the best peer, the fastest or cheapest, or the yardstick of a goal', () => {
    const { table, key } = run('cd3de8f')
    expect(row(table, LOOP).slice(4)).toEqual(['orejime (×1.50)', 'fastest of all peers, at both networks: NOT met |'])
    expect(row(table, SCRIPT).slice(4)).toEqual(['orejime (×1.50)', '≤ cheapest peer: NOT met |'])
    expect(key).toContain('| 300 ms | 200 ms (orejime) | 1.50 |')
    expect(key).not.toMatch(/before|cd3de8f|100 ms|1\.00 ms/)
  })

  it('leaves the report as it was when no earlier build was measured, its samples ignored', () => {
    const { table, results, key } = run()
    expect(table).not.toMatch(/before/)
    expect(row(table, LOOP).slice(1)).toEqual(['300 ms', '200 ms (×1.50)', 'orejime (×1.50)', 'fastest of all peers, at both networks: NOT met |'])
    expect(key).toBe(run('cd3de8f').key)
    expect(results).not.toMatch(/BENCH_BEFORE|\(before\)/)
  })
})
