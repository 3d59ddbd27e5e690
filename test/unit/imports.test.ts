import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(import.meta.dirname, '../../src')

/** Every source file under src/, as a path relative to it. */
const files = (dir = SRC): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx|mts|mjs)$/.test(e.name) ? [relative(SRC, join(dir, e.name))] : [],
  )

/**
 * The relative modules a file imports for their values: static and dynamic imports and re-exports,
 * not `import type`, `export type`, an import whose names are all `type`, or `typeof import()`.
 */
export const valueImports = (code: string): string[] => [
  ...[...code.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"](\.[^'"]+)['"]/gm)]
    .filter(([, , type, names]) => !type && !/^\{\s*(type\s+[\w$]+(\s+as\s+[\w$]+)?\s*,?\s*)+\}$/.test(names))
    .map((m) => m[4]),
  ...[...code.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm)].map((m) => m[1]),
  ...[...code.matchAll(/(typeof\s+)?\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)].filter(([, type]) => !type).map((m) => m[2]),
]

/** A file's room: its top folder under src/, or the file itself at the top. */
const room = (file: string) => (file.includes('/') ? file.split('/')[0] + '/' : file)

/** Which rooms each room imports values from. */
const rooms = () => {
  const edges = new Map<string, Map<string, string>>()
  for (const file of files()) {
    const code = readFileSync(join(SRC, file), 'utf8')
    for (const spec of valueImports(code)) {
      const target = relative(SRC, resolve(SRC, dirname(file), spec))
      if (target.startsWith('..') || room(target) === room(file)) continue
      const from = edges.get(room(file)) ?? edges.set(room(file), new Map()).get(room(file))!
      from.set(room(target.replace(/\.\w+$/, '')), `${file} imports ${spec}`)
    }
  }
  return edges
}

describe('imports across src/', () => {
  it('reads value imports and leaves type-only ones out', () => {
    const code = [
      "import { a, type B } from './a'",
      "import type { C } from './c'",
      "import { type D } from './d'",
      "export { e } from './e'",
      "export type { F } from './f'",
      "import './g'",
      "const h = () => import('./h')",
      "type I = typeof import('./i')",
      "import j from '../j'",
    ].join('\n')
    expect(valueImports(code).sort()).toEqual(['../j', './a', './e', './g', './h'])
  })

  it('has no circle between folders: none imports from a folder that imports from it', () => {
    const edges = rooms()
    const circles: string[] = []
    for (const [a, targets] of edges)
      for (const [b, why] of targets) if (a < b && edges.get(b)?.has(a)) circles.push(`${why}, and ${edges.get(b)!.get(a)}`)
    expect(circles).toEqual([])
    // The map is really read: the gate wires the folders together.
    expect([...edges.get('gate.ts')!.keys()]).toEqual(expect.arrayContaining(['config/', 'consent/', 'cookies/']))
  })
})
