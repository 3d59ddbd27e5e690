// @vitest-environment node
// The sizes our docs quote come from sizes.json, which `npm run size` writes. This holds
// sizes.json to the build `npm test` just made, and every "N KiB" in the README and docs/ to
// sizes.json, so neither can go stale without a failing test.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gzip } from '../pack/project.mjs'
import sizes from './sizes.json' with { type: 'json' }

const root = join(import.meta.dirname, '../..')
const dist = join(root, 'dist')
// gzip's output may differ by a few bytes between zlib versions; a real change is larger.
const SLACK = 16
const STALE = 'test/size/sizes.json is stale: run `npm run size` and commit it'

const manifest: Record<string, string> = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'))
const built = (chunk: string) => gzip(readFileSync(join(dist, chunk === 'loader' ? 'consent-gate.js' : manifest[chunk])))

/** A tag's value: `chunks.ui`, or a sum such as `chunks.dialog+chunks.wording`. */
const valueOf = (expr: string) =>
  expr.split('+').reduce((sum, path) => {
    const v = path.split('.').reduce((o: any, k) => o?.[k], sizes)
    if (typeof v !== 'number') throw new Error(`no size "${path}" in sizes.json`)
    return sum + v
  }, 0)

const docs = ['README.md', ...readdirSync(join(root, 'docs')).map((f) => join('docs', f))]

describe('the build', () => {
  // V8 compiles a file so marked on the thread that streams it in, not lazily on the main thread:
  // worth its 29 bytes only where nearly every function runs at once.
  it('marks the loader, the tracker chunk and the banner chunk, and no other chunk, for eager compilation', () => {
    const hinted = ['loader', ...Object.keys(manifest)].filter((c) =>
      readFileSync(join(dist, c === 'loader' ? 'consent-gate.js' : manifest[c]), 'utf8').startsWith(
        '//# allFunctionsCalledOnLoad\n',
      ),
    )
    expect(hinted.sort()).toEqual(['loader', 'trackers', 'ui'])
  })
})

describe('sizes.json', () => {
  it('records every chunk of this build', () => {
    expect(Object.keys(sizes.chunks).sort()).toEqual(['loader', ...Object.keys(manifest)].sort())
    for (const [chunk, bytes] of Object.entries(sizes.chunks))
      expect(Math.abs(built(chunk) - bytes), `${chunk}: ${STALE}`).toBeLessThanOrEqual(SLACK)
  })

  it('adds up each scenario from its chunks', () => {
    for (const [id, files] of Object.entries(sizes.files))
      expect(sizes.scenarios[id as keyof typeof sizes.scenarios], id).toBe(
        files.reduce((sum, f) => sum + sizes.chunks[f as keyof typeof sizes.chunks], 0),
      )
  })
})

describe.each(docs)('%s', (file) => {
  it('quotes only measured sizes, each as measured', () => {
    const text = readFileSync(join(root, file), 'utf8')
    const quotes = [...text.matchAll(/(\d+(?:\.\d+)?) KiB(?:<!--size:([\w.+-]+)-->)?/g)]
    for (const [quote, number, expr] of quotes) {
      expect(expr, `${file}: "${quote}" needs a <!--size:…--> tag naming its figure in sizes.json`).toBeDefined()
      expect(number, `${file}: ${expr}`).toBe((valueOf(expr) / 1024).toFixed(1))
    }
  })
})
