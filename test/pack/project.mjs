// A scratch app that gets consent-gate as a user's app does: from the packed tarball, in a
// directory of its own. Shared by the package test and `npm run size`.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import { rollup } from 'rollup'

const root = join(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

export const gzip = (code) => gzipSync(code, { level: 9 }).length

/**
 * Packs dist/ as it was last built (`npm test` and `npm run size` build first) and unpacks it into
 * node_modules of a new directory, as `npm install <tarball>` would. Its dependencies, React and
 * React's types are linked from this checkout, so no registry is needed.
 */
export function packedProject() {
  const dir = mkdtempSync(join(tmpdir(), 'consent-gate-'))
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const packed = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: root,
    encoding: 'utf8',
  })
  const tarball = join(dir, JSON.parse(packed)[0].filename)
  const installed = join(dir, 'node_modules', pkg.name)
  mkdirSync(installed, { recursive: true })
  execFileSync('tar', ['xzf', tarball, '-C', installed, '--strip-components=1'])
  for (const dep of [...Object.keys(pkg.dependencies), 'react', '@types/react']) {
    const at = join(dir, 'node_modules', dep)
    mkdirSync(dirname(at), { recursive: true })
    symlinkSync(join(root, 'node_modules', dep), at, 'dir')
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }))
  return { dir, tarball, installed, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * gzip -9 of the entry chunk a bundler makes for an app that creates a gate: what the npm build
 * costs every page of that app, to set against the script-tag loader.
 */
export async function appEntryBytes(dir) {
  const input = join(dir, 'app.js')
  writeFileSync(
    input,
    `import { createConsentGate } from 'consent-gate'\n` +
      `createConsentGate({ site: 'pisama', ga4: { measurementId: 'G-XXXXXXXXXX' }, vercel: true })\n`,
  )
  const bundle = await rollup({ input, plugins: [nodeResolve({ browser: true })], logLevel: 'silent' })
  const { output } = await bundle.generate({ format: 'es', plugins: [terser()] })
  await bundle.close()
  return gzip(output.find((c) => c.type === 'chunk' && c.isEntry).code)
}
