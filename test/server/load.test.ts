// @vitest-environment node
// The demo's receipt endpoint under concurrent load, with its store restarted or its process
// killed mid-run: nothing answered 204 is lost, nothing is stored twice. `npm run bench:server` runs the same at full size
// (10,000 receipts from 50 clients) and writes the numbers to test/bench/SERVER.md.
import { describe, expect, inject, it } from 'vitest'
import { describeRun, embedded, embeddedProcess, loadRun, postgres } from '../bench/load.mjs'

const cases: [string, typeof embedded, boolean, number, number][] = [
  ['the embedded store (PGlite), closed and reopened', embedded, true, 1000, 20],
  // A process killed outright: no close, no flush. Smaller, as each start of PGlite takes seconds.
  ['the embedded store (PGlite), its server process SIGKILLed and restarted', embeddedProcess, true, 500, 10],
  ['PostgreSQL, crashed and restarted', postgres, inject('hasPostgres'), 1000, 20],
]

describe.each(cases)('receipts to the demo endpoint on %s', (_, open, available, total, clients) => {
  it.runIf(available)(
    `loses none of ${total} from ${clients} clients answered 204, and stores none twice`,
    { timeout: 240e3 },
    async () => {
      const db = await open()
      try {
        const result = await loadRun(db, { total, clients })
        console.log(describeRun(result))
        expect(result).toMatchObject({ answered: total, stored: total, lost: 0, duplicated: 0 })
        // Every tenth receipt went twice: all answered 204, and only the restart cost retries.
        expect(result.requests).toBe(total * 1.1)
        expect(Object.keys(result.statuses).sort()).toEqual(expect.arrayContaining(['204']))
        expect(Object.keys(result.statuses).filter((s) => !['204', '503', 'network'].includes(s))).toEqual([])
      } finally {
        await db.end()
      }
    },
  )
})
