// @vitest-environment node
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

// `npm test` builds first: these are the files a site installs.
const esm = join(import.meta.dirname, '../../../dist/esm')

/** A module and every module it imports statically, as source text. */
const withImports = (file: string, seen = new Set<string>()): string => {
  if (seen.has(file)) return ''
  seen.add(file)
  const code = readFileSync(join(esm, file), 'utf8')
  const deps = [...code.matchAll(/(?:import|export)\s*(?:\{[^}]*\}\s*from\s*)?"\.\/([^"]+)"/g)].map((m) => m[1])
  return code + deps.map((d) => withImports(d, seen)).join('')
}

describe('consent-gate/catalogue', () => {
  it('works in Node, synchronously', async () => {
    const { classify, lookup, trackerOf } = await import(join(esm, 'catalogue.js'))
    expect(classify('MUID')).toBe('marketing')
    expect(classify('sessionid')).toBe('session')
    expect(lookup('_fbp')).toMatchObject({ class: 'marketing', provider: 'Meta Pixel' })
    expect(trackerOf('https://connect.facebook.net/x.js')).toEqual({ class: 'marketing', provider: 'Meta Pixel' })
  })

  it('stays out of the npm entry, whose classify keeps the small table', () => {
    const core = withImports('index.js')
    expect(core).not.toContain('MUID')
    expect(core.length).toBeLessThan(40_000)
    expect(withImports('catalogue.js')).toContain('MUID')
  })
})

describe('the README', () => {
  it('gives the audit chunk’s size as the build measures it', () => {
    const root = join(import.meta.dirname, '../../..')
    const manifest = JSON.parse(readFileSync(join(root, 'dist/manifest.json'), 'utf8'))
    const bytes = gzipSync(readFileSync(join(root, 'dist', manifest.audit)), { level: 9 }).length
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const stated = Number(readme.match(/audit chunk, now \*\*([\d.]+) KiB\*\*/)?.[1])
    expect(Math.abs(stated - bytes / 1024)).toBeLessThan(0.15)
  })
})
