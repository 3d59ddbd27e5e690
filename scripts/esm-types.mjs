// tsc writes declarations with the source's specifiers (`./gate`), which bundler resolution
// accepts and node16/nodenext refuse: ESM names the file in full. This gives every relative
// specifier in dist/types the `.js` (or `/index.js`) the compiled code has, and fails on one it
// cannot place rather than ship types that silently turn into `any`.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const root = join(import.meta.dirname, '../dist/types')
const SPECIFIER = /(from\s*|import\s*\(\s*|import\s+)(["'])(\.\.?(?:\/[^"']*)?)\2/g

function withExtension(file, spec) {
  const target = resolve(dirname(file), spec)
  if (existsSync(target + '.d.ts')) return spec + '.js'
  if (existsSync(join(target, 'index.d.ts'))) return spec.replace(/\/?$/, '/index.js')
  throw new Error(`esm-types: ${file} imports "${spec}", which has no declaration`)
}

for (const name of readdirSync(root, { recursive: true })) {
  if (!name.endsWith('.d.ts')) continue
  const file = join(root, name)
  const code = readFileSync(file, 'utf8')
  writeFileSync(
    file,
    code.replace(SPECIFIER, (_, before, q, spec) => before + q + withExtension(file, spec) + q),
  )
}
