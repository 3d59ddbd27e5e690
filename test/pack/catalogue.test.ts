// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// `npm test` builds first: these are the files a site installs.
const esm = join(import.meta.dirname, '../../dist/esm')
const chunks = join(import.meta.dirname, '../../dist/chunks')
/** The script-tag build's chunk of that name. */
const chunk = (name: string) =>
  readFileSync(
    join(
      chunks,
      readdirSync(chunks).find((f) => f.startsWith(name + '-'))!,
    ),
    'utf8',
  )

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

  it('is split in the browser: names, classes and providers for the tripwire; purposes apart', async () => {
    const { lookup } = await import(join(esm, 'catalogue.js'))
    const { purpose, provider } = lookup('_fbp')
    expect(chunk('audit')).toContain('MUID')
    expect(chunk('audit')).toContain(provider)
    expect(chunk('audit')).not.toContain(purpose)
    expect(chunk('purposes')).toContain(purpose)
    expect(chunk('purposes')).not.toContain('MUID')
  })
})
