// @vitest-environment node
// The bench figures our docs quote are RESULTS.md's key numbers: `npm run bench` writes the block
// into RESULTS.md and copies it between the same two marker lines in each quoting file. This holds
// every copy to RESULTS.md, so a number edited by hand, or a bench run whose copy was not kept,
// fails here. Sizes are held to sizes.json by test/size/sizes.test.ts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KEY_START, QUOTING, keyBlock } from '../bench/quote.mjs'

const root = join(import.meta.dirname, '../..')
const read = (file: string) => readFileSync(join(root, file), 'utf8')
const results = keyBlock(read('test/bench/RESULTS.md'))

describe('bench numbers in the docs', () => {
  it('come from a block in test/bench/RESULTS.md', () => {
    expect(results, `test/bench/RESULTS.md has no key-numbers block: run \`npm run bench\``).toBeDefined()
    expect(results).toMatch(/\|First banner, no server hints, loopback\|\d+ ms\|/)
  })

  it.each(QUOTING)('%s quotes that block verbatim', (file) => {
    const quoted = keyBlock(read(file))
    expect(quoted, `${file} has no line "${KEY_START}"`).toBeDefined()
    // Line by line, so a failure shows which figure differs.
    expect(
      quoted?.split('\n'),
      `${file}: the bench numbers differ from test/bench/RESULTS.md; run \`npm run bench\`, or copy its block`,
    ).toEqual(results?.split('\n'))
  })

  it('ignores table padding but not a changed figure', () => {
    const block = (cell: string) => `${KEY_START}\n| a | b |\n|---|---:|\n| x | ${cell} |\n<!-- /bench:key-numbers -->`
    expect(keyBlock(block('149 ms'))).toBe(keyBlock(block('   149 ms   ').replace('|---|---:|', '| ----- | -------: |')))
    expect(keyBlock(block('149 ms'))).not.toBe(keyBlock(block('148 ms')))
  })
})
