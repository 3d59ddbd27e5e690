import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(import.meta.dirname, '../../src')

/** Every source file under src/, as a path relative to it. */
const files = (dir = SRC): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx|mts|mjs)$/.test(e.name) ? [relative(SRC, join(dir, e.name))] : [],
  )

/** The relative modules a file imports, types included: static and dynamic imports, re-exports, `typeof import()`. */
export const imports = (code: string): string[] => [
  ...[...code.matchAll(/^\s*(?:import|export)\s+[^'";]*?\s*from\s*['"](\.[^'"]+)['"]/gm)].map((m) => m[1]),
  ...[...code.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm)].map((m) => m[1]),
  ...[...code.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1]),
]

/** A file's room: its top folder under src/, or the file itself at the top. */
const room = (file: string) => (file.includes('/') ? file.split('/')[0] + '/' : file)

/** Which rooms each room imports from, each edge with one import line that makes it. */
const rooms = () => {
  const edges = new Map<string, Map<string, string>>()
  for (const file of files()) {
    const code = readFileSync(join(SRC, file), 'utf8')
    for (const spec of imports(code)) {
      const target = relative(SRC, resolve(SRC, dirname(file), spec))
      if (target.startsWith('..') || room(target) === room(file)) continue
      const from = edges.get(room(file)) ?? edges.set(room(file), new Map()).get(room(file))!
      from.set(room(target.replace(/\.\w+$/, '')), `${file} imports ${spec}`)
    }
  }
  return edges
}

/** One circle through the rooms, as the import lines that make it, or none. */
const circle = (edges: ReturnType<typeof rooms>): string[] => {
  const done = new Set<string>()
  const walk = (at: string, path: string[]): string[] => {
    const seen = path.indexOf(at)
    if (seen >= 0) return path.slice(seen).map((r, i, c) => edges.get(r)!.get(c[i + 1] ?? at)!)
    if (done.has(at)) return []
    for (const next of edges.get(at)?.keys() ?? []) {
      const found = walk(next, [...path, at])
      if (found.length) return found
    }
    done.add(at)
    return []
  }
  for (const start of edges.keys()) {
    const found = walk(start, [])
    if (found.length) return found
  }
  return []
}

describe('imports across src/', () => {
  it('reads every relative import, types included', () => {
    const code = [
      "import { a, type B } from './a'",
      "import type { C } from './c'",
      "export { e } from './e'",
      "export type { F } from './f'",
      "import './g'",
      "const h = () => import('./h')",
      "type I = typeof import('./i')",
      "import j from '../j'",
      "import k from 'preact'",
    ].join('\n')
    expect(imports(code).sort()).toEqual(['../j', './a', './c', './e', './f', './g', './h', './i'])
  })

  it('finds a circle of any length', () => {
    const edges = new Map([
      ['a/', new Map([['b/', 'a imports b']])],
      ['b/', new Map([['c/', 'b imports c']])],
      ['c/', new Map([['a/', 'c imports a']])],
    ])
    expect(circle(edges).sort()).toEqual(['a imports b', 'b imports c', 'c imports a'])
    edges.get('c/')!.clear()
    expect(circle(edges)).toEqual([])
  })

  it('has no circle between folders, of any length, types included', () => {
    const edges = rooms()
    expect(circle(edges)).toEqual([])
    // The map is really read: the gate wires the folders together.
    expect([...edges.get('gate.ts')!.keys()]).toEqual(expect.arrayContaining(['config/', 'consent/', 'cookies/']))
  })
})
