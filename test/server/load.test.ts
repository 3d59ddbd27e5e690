// @vitest-environment node
// The demo's receipt endpoint under concurrent load, with its store restarted mid-run: nothing
// answered 204 is lost, nothing is stored twice. `npm run bench:server` runs the same at full size
// (10,000 receipts from 50 clients) and writes the numbers to test/bench/SERVER.md.
import { describe, expect, inject, it } from 'vitest'
import { describeRun, embedded, loadRun, postgres } from '../bench/load.mjs'

const cases: [string, typeof embedded, boolean][] = [
  ['the embedded store (PGlite), closed and reopened', embedded, true],
  ['PostgreSQL, crashed and restarted', postgres, inject('hasPostgres')],
]

describe.each(cases)('1,000 receipts from 20 clients to the demo endpoint on %s', (_, open, available) => {
  it.runIf(available)('loses nothing answered 204 and stores nothing twice', { timeout: 240e3 }, async () => {
    const db = await open()
    try {
      const result = await loadRun(db, { total: 1000, clients: 20 })
      console.log(describeRun(result))
      expect(result).toMatchObject({ answered: 1000, stored: 1000, lost: 0, duplicated: 0 })
      // Every tenth receipt went twice: 1,100 answers of 204, and only the restart cost retries.
      expect(result.requests).toBe(1100)
      expect(Object.keys(result.statuses).sort()).toEqual(expect.arrayContaining(['204']))
      expect(Object.keys(result.statuses).filter((s) => !['204', '503', 'network'].includes(s))).toEqual([])
    } finally {
      await db.end()
    }
  })
})
