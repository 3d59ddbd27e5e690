// @vitest-environment node
// The package as a user's app gets it: packed, unpacked into a scratch app, type-checked under
// each module resolution, bundled, required. `npm test` builds first, so this is the build.
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sizes from '../size/sizes.json' with { type: 'json' }
import { appEntryBytes, gzip, packedProject } from './project.mjs'

const run = promisify(execFile)
const root = join(import.meta.dirname, '../..')
const tsc = join(root, 'node_modules/typescript/bin/tsc')

let project: ReturnType<typeof packedProject>
beforeAll(() => {
  project = packedProject()
})
afterAll(() => project?.remove())

// Each probe fails to compile if the types it touches are `any`, so an unused @ts-expect-error
// (an error of its own) means the types did not resolve.
const CONSUMER = `
import { createElement } from 'react'
import { classify, createConsentGate, type ConsentGate, type Options } from 'consent-gate'
import { Consent, useConsent } from 'consent-gate/react'
import { readConsent, refreshCookie, type ServerConsent } from 'consent-gate/server'
import { pgliteStore } from 'consent-gate/server/pglite'
import { postgresStore } from 'consent-gate/server/postgres'
import { lookup } from 'consent-gate/catalogue'

const options: Options = { site: 'pisama', ga4: { measurementId: 'G-XXXXXXXXXX' } }
const gate: ConsentGate = createConsentGate(options)
const granted: boolean = gate.getConsent().choices.analytics
const kind: 'essential' | 'session' | 'xsrf' | 'functional' | 'analytics' | 'marketing' | 'unknown' = classify('_ga')
createElement(Consent, { gate, category: 'analytics', fallback: 'off' }, 'on')
const onServer: ServerConsent = readConsent('consent_gate=x', options)
const grantedOnServer: boolean = onServer.choices.analytics
// The stores type-check without their drivers' types (no @types/pg, no @types/emscripten here).
export const stores = [pgliteStore('./receipts'), postgresStore({ connectionString: 'postgres://', max: 4 })]
export const probes = [granted, kind, useConsent, grantedOnServer, lookup]

// @ts-expect-error a misspelt option
createConsentGate({ site: 'pisama', lifetimeDay: 30 })
// @ts-expect-error a category that does not exist
gate.hasConsent('advertising')
// @ts-expect-error classify answers a class
export const n: number = classify('_ga')
// @ts-expect-error <Consent> needs a category
createElement(Consent, { gate })
// @ts-expect-error useConsent answers the consent
export const s: string = useConsent(gate)
// @ts-expect-error refreshCookie must be told whether the cookie is Secure
refreshCookie('', options)
// @ts-expect-error a store takes a directory or a PGlite, not a number
pgliteStore(5432)
`

const RESOLUTIONS = [
  ['esnext', 'bundler'],
  ['node16', 'node16'],
  ['nodenext', 'nodenext'],
] as const

describe('the packed package', () => {
  it.each(
    RESOLUTIONS.flatMap(([module, resolution]) => [true, false].map((skipLibCheck) => ({ module, resolution, skipLibCheck }))),
  )(
    'gives real types under moduleResolution $resolution, skipLibCheck $skipLibCheck',
    async ({ module, resolution, skipLibCheck }) => {
      const { dir } = project
      writeFileSync(join(dir, 'consumer.ts'), CONSUMER)
      const config = `tsconfig.${resolution}.${skipLibCheck}.json`
      const compilerOptions = {
        module,
        moduleResolution: resolution,
        target: 'es2022',
        lib: ['es2022', 'dom'],
        strict: true,
        noEmit: true,
        skipLibCheck,
        types: [],
      }
      writeFileSync(join(dir, config), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }))
      const result = await run(process.execPath, [tsc, '-p', config], { cwd: dir }).catch((e) => e)
      expect(result.stdout, result.stdout).toBe('')
    },
  )

  it('compiles the README’s examples as written', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const files = [...readme.matchAll(/```tsx?\n\/\/ ([\w.]+)\n([\s\S]*?)```/g)].map(([, name, code]) => {
      writeFileSync(join(project.dir, name), code)
      return name
    })
    expect(files).toEqual(['consent.ts', 'stats.tsx'])
    const compilerOptions = {
      module: 'esnext',
      moduleResolution: 'bundler',
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
      lib: ['es2022', 'dom'],
    }
    writeFileSync(join(project.dir, 'tsconfig.readme.json'), JSON.stringify({ compilerOptions, files }))
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.readme.json'], { cwd: project.dir }).catch((e) => e)
    expect(result.stdout, result.stdout).toBe('')
  })

  it('has no type problem that arethetypeswrong knows, beyond being ESM only', async () => {
    const attw = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js')
    const result = await run(process.execPath, [attw, project.tarball, '--ignore-rules', 'cjs-resolves-to-esm', '--no-color'], {
      cwd: project.dir,
    }).catch((e) => e)
    expect(result.code ?? 0, result.stdout).toBe(0)
    expect(result.stdout).toContain('No problems found')
  })

  it('holds the license, the build and no sources', () => {
    const files = JSON.parse(readFileSync(join(project.installed, 'package.json'), 'utf8'))
    expect(files.license).toBe('MIT')
    expect(readFileSync(join(project.installed, 'LICENSE'), 'utf8')).toContain('consent-gate contributors')
    expect(() => readFileSync(join(project.installed, 'src/index.ts'))).toThrow()
  })

  // Node has required ES modules since 20.19 and 22.12.
  it.runIf(process.features.require_module)('can be required', async () => {
    const code = `const cg = require('consent-gate'), r = require('consent-gate/react')
      console.log(typeof cg.createConsentGate, typeof r.Consent, cg.createConsentGate({ site: 'pigi' }).hasConsent('analytics'))`
    const { stdout } = await run(process.execPath, ['--no-warnings', '-e', code], { cwd: project.dir })
    expect(stdout.trim()).toBe('function function false')
  })

  // Each entry of package.json "exports", with the optional drivers installed for the stores.
  it.runIf(process.features.require_module)('can require every export', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    const names = Object.keys(pkg.exports).map((key) => 'consent-gate' + key.slice(1))
    const peers = ['pg', '@electric-sql/pglite'].map((dep) => join(project.dir, 'node_modules', dep))
    peers.forEach(
      (at, i) => (
        mkdirSync(dirname(at), { recursive: true }),
        symlinkSync(join(root, 'node_modules', ['pg', '@electric-sql/pglite'][i]), at, 'dir')
      ),
    )
    try {
      const code = `for (const name of ${JSON.stringify(names)}) console.log(name, Object.keys(require(name)).length > 0)`
      const { stdout } = await run(process.execPath, ['--no-warnings', '-e', code], { cwd: project.dir })
      expect(stdout.trim().split('\n')).toEqual(names.map((name) => `${name} true`))
    } finally {
      peers.forEach((at) => rmSync(at))
    }
  })

  it('serves consent-gate/server to Node from the package, its stores as entries of their own', async () => {
    const code = `const s = await import('consent-gate/server')
      const pigi = s.preloadHints('', { site: 'pigi' }, { base: '/' })
      const first = s.preloadHints('', { site: 'pisama', ga4: { measurementId: 'G-XXXXXXXXXX' } }, { base: '/' })
      console.log(typeof s.readConsent, typeof s.handleReceipt, JSON.stringify(pigi), /chunks\\/ui-/.test(first))
      await import('consent-gate/server/postgres').catch((e) => console.log(e.code))`
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: project.dir })
    // pg is an optional peer dependency this scratch app does not have: only that entry needs it.
    expect(stdout.trim().split('\n')).toEqual(['function function "" true', 'ERR_MODULE_NOT_FOUND'])
  })

  it('adds at most 0.3 KiB more to an app’s entry chunk than the script-tag loader weighs', async () => {
    const loader = gzip(readFileSync(join(project.installed, 'dist/consent-gate.js')))
    const entry = await appEntryBytes(project.dir)
    expect(entry - loader).toBeLessThanOrEqual(sizes.limits.npmOverLoader)
    // The figure the docs quote (see test/size/sizes.test.ts), give or take gzip's version.
    expect(Math.abs(entry - sizes.npm.entry), 'test/size/sizes.json is stale: run `npm run size`').toBeLessThanOrEqual(16)
  })
})
