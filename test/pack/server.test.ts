// @vitest-environment node
// The built consent-gate/server, as a site installs it (`npm test` builds first): it carries the
// build's chunk manifest, imports nothing a Worker or Deno lacks, and none of it is in a browser file.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const dist = join(root, 'dist')
const read = (file: string) => readFileSync(join(dist, file), 'utf8')
const files = (dir: string) =>
  readdirSync(join(dist, dir), { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => f.endsWith('.js'))

describe('the built consent-gate/server', () => {
  it('preloads the files of the build it came with, without being given a manifest', async () => {
    const { preloadHints } = await import(join(dist, 'server/index.js'))
    const hints: string = preloadHints('', { site: 'pisama', ga4: { measurementId: 'G-XXXXXXXXXX' } }, { base: '/', lang: 'de' })
    const hrefs = [...hints.matchAll(/href="\/([^"]+)"/g)].map((m) => m[1])
    expect(hrefs).toEqual([expect.stringMatching(/^chunks\/ui-/), expect.stringMatching(/^chunks\/lang-de-/)])
    for (const href of hrefs) expect(existsSync(join(dist, href)), href).toBe(true)
  })

  it('imports only its own files and names no Node global, so edge runtimes load it', () => {
    const entry = [
      'server/index.js',
      ...files('server')
        .map((f) => f)
        .filter((f) => /store-/.test(f)),
    ]
    for (const file of entry) {
      const code = read(file)
      for (const [, specifier] of code.matchAll(/(?:^|\n)(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g))
        expect(specifier, file).toMatch(/^\.\//)
      expect(code, file).not.toMatch(/\bimport\s*\(|\brequire\(|\bprocess\.|\bBuffer\b|__dirname|node:/)
    }
    // The stores import their drivers, and only them.
    expect(read('server/pglite.js')).toMatch(/from ['"]@electric-sql\/pglite['"]/)
    expect(read('server/postgres.js')).toMatch(/from ['"]pg['"]/)
  })

  it('leaves no trace in the loader, its chunks or the npm build', () => {
    const browser = ['consent-gate.js', ...files('chunks'), ...files('esm')]
    expect(browser.length).toBeGreaterThan(10)
    for (const file of browser)
      expect(read(file), file).not.toMatch(/consent_gate_receipts|handleReceipt|modulepreload|Set-Cookie/)
  })
})
