import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/ui/language'

// `npm test` builds first, so these are the files a site would install.
const root = join(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

describe('the package', () => {
  it('exports files that the build made', () => {
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t as object)))
    for (const t of targets) expect(existsSync(join(root, t as string)), t as string).toBe(true)
  })

  it('names the banner chunk and every language in its manifest, for preload hints', () => {
    const chunks = JSON.parse(readFileSync(join(root, pkg.exports['./manifest.json']), 'utf8'))
    for (const name of ['ui', ...LANGUAGES.flatMap((l) => ['lang-' + l, `lang-${l}-details`])])
      expect(existsSync(join(root, 'dist', chunks[name])), name).toBe(true)
  })
})
