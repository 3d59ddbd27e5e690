import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Changes } from '../../src/scan/baseline'
import type { Report } from '../../src/scan/findings'

const root = join(import.meta.dirname, '../..')

/** Runs the built CLI from `cwd` as a site's CI would: `consent-gate …`. */
const cli = (cwd: string, args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/consent-gate.mjs'), ...args], { cwd })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })

type Result = Report & { baseline: Changes & { file: string } }
const read = (dir: string, file: string): Result => JSON.parse(readFileSync(join(dir, file), 'utf8'))

/**
 * The CI recipe's commands, as docs/scan.md writes them (`npx consent-gate scan https://www.example.com/ …`):
 * the one that makes the baseline and the one the workflow runs, as arguments after `consent-gate`.
 */
const recipe = () => {
  const doc = readFileSync(join(root, 'docs/scan.md'), 'utf8')
  const section = doc.slice(doc.indexOf('## In CI'))
  const commands = [...section.matchAll(/npx consent-gate (scan https:\/\/www\.example\.com\/ [^\n]*)/g)].map((m) => m[1])
  const yaml = section.slice(section.indexOf('```yaml'), section.indexOf('```', section.indexOf('```yaml') + 3))
  const update = commands.find((c) => c.includes('--update'))
  const ci = commands.find((c) => !c.includes('--update') && yaml.includes(c))
  expect(update, 'the recipe makes its baseline with --update').toBeDefined()
  expect(ci, 'the workflow runs consent-gate scan').toBeDefined()
  expect(yaml).toMatch(/schedule:\n\s+- cron:/)
  expect(yaml).toContain('pull_request:')
  expect(yaml).toContain('apt-get install -y --no-install-recommends chromium')
  // No quoting in the commands: the words are what a shell passes.
  const words = (c: string, url: string) => c.split(/\s+/).map((w) => (w === 'https://www.example.com/' ? url : w))
  return { update: (url: string) => words(update!, url), ci: (url: string) => words(ci!, url) }
}

// Each run starts its own Chromium: slow on a loaded machine, never timed.
describe.skipIf(!inject('hasBrowser'))('the CI recipe of docs/scan.md against the demo', { timeout: 240_000 }, () => {
  const demo = (path: string) => `http://127.0.0.1:${inject('port')}${path}`
  const repo = mkdtempSync(join(tmpdir(), 'consent-gate-ci-'))

  it('makes a baseline of Pisama, passes Pisama against it, and fails the leaky page naming its new tracker', async () => {
    const { update, ci } = recipe()
    const made = await cli(repo, update(demo('/pisama/')))
    expect(made.stdout).toContain('Baseline scan-baseline.json written (there was none).')
    expect(made.code).toBe(0)
    expect(read(repo, 'scan-baseline.json')).toMatchObject({ version: 1, pages: [demo('/pisama/')] })

    const same = await cli(repo, ci(demo('/pisama/')))
    expect(same.stdout.split('\n')[2]).toMatch(/^No changes since the baseline scan-baseline\.json \(scanned .*\)\.$/)
    expect(same.code).toBe(0)
    expect(read(repo, 'scan-result.json').baseline).toMatchObject({ file: 'scan-baseline.json', changes: [] })

    const leaky = await cli(repo, ci(demo('/leaky/')))
    expect(leaky.code).toBe(1)
    const lines = leaky.stdout.split('\n')
    expect(lines[2]).toMatch(
      /^CHANGES since the baseline scan-baseline\.json .*: \d+ new \(\d+ not covered by declarations\), \d+ gone$/,
    )
    // What fails comes first: the Meta Pixel cookie and host, in every visit.
    expect(lines[4]).toMatch(
      /^ {4}NEW +before, accept, reject +(cookie +_fbp +marketing +Meta Pixel +NO|host +www\.facebook\.com +marketing +Meta Pixel +-)/,
    )
    expect(leaky.stdout.indexOf('CHANGES')).toBeLessThan(leaky.stdout.indexOf('VIOLATIONS'))
    const result = read(repo, 'scan-result.json')
    expect(Object.keys(result).slice(0, 2)).toEqual(['version', 'baseline'])
    const { baseline } = result
    expect(baseline.changes).toContainEqual(
      expect.objectContaining({
        change: 'new',
        kind: 'cookie',
        name: '_fbp',
        phases: ['before', 'accept', 'reject'],
        class: 'marketing',
        provider: 'Meta Pixel',
        declared: false,
        uncovered: true,
      }),
    )
    expect(baseline.changes).toContainEqual(
      expect.objectContaining({ change: 'new', kind: 'host', name: 'www.facebook.com', uncovered: true }),
    )
    expect(baseline.pages).toEqual({ new: [demo('/leaky/')], gone: [demo('/pisama/')] })
    // The workflow never writes the baseline.
    expect(read(repo, 'scan-baseline.json').pages).toEqual([demo('/pisama/')])
  })
})

describe.skipIf(!inject('hasBrowser'))('consent-gate scan --baseline on a site that changes', { timeout: 240_000 }, () => {
  let server: Server
  const dir = mkdtempSync(join(tmpdir(), 'consent-gate-baseline-'))
  // What the page sets besides its session cookie, changed between scans.
  let extra: string[] = []
  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  beforeAll(async () => {
    server = createServer((req, res) => {
      const script = extra.map((c) => `document.cookie = ${JSON.stringify(c + '; Path=/; Max-Age=600')}`).join('\n')
      res
        .writeHead(req.url === '/' ? 200 : 404, {
          'content-type': 'text/html; charset=utf-8',
          'set-cookie': 'app_session=s1; Path=/; HttpOnly',
        })
        .end(`<!doctype html><title>Shop</title><p>A shop.</p><script>${script}</script>`)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const scan = (...args: string[]) => cli(dir, ['scan', url(), '--baseline', 'base.json', '--json', 'out.json', ...args])
  const inBaseline = () =>
    read(dir, 'base.json')
      .cookies.map((c) => c.name)
      .sort()

  it('exits 1 on a new cookie that is no violation but nothing declares; --update accepts it, saying so; --strict fails on one gone', async () => {
    expect((await scan('--update')).code).toBe(0)

    // `zz_pref`: a name the catalogue does not know, so no violation, and nothing declares it.
    extra = ['zz_pref=1']
    const added = await scan()
    expect(added.stdout).toContain('No violations.')
    expect(added.stdout).toMatch(/^ {4}NEW +before +cookie +zz_pref +unknown +- +127\.0\.0\.1 /m)
    expect(added.code).toBe(1)
    expect(read(dir, 'out.json').baseline.changes).toEqual([
      expect.objectContaining({ change: 'new', name: 'zz_pref', class: 'unknown', declared: null, uncovered: true }),
    ])

    const accepted = await scan('--update')
    expect(accepted.stdout).toContain('Baseline base.json updated: 1 change accepted.')
    expect(accepted.code).toBe(0)
    expect(inBaseline()).toEqual(['app_session', 'zz_pref'])
    const again = await scan()
    expect(again.stdout).toContain('No changes since the baseline base.json')
    expect(again.code).toBe(0)

    // Gone: reported, and fails only --strict.
    extra = []
    const gone = await scan()
    expect(gone.stdout).toMatch(/^ {4}gone +before +cookie +zz_pref /m)
    expect(gone.code).toBe(0)
    const strict = await scan('--strict')
    expect(strict.stdout).toContain('--strict: any change fails the scan')
    expect(strict.code).toBe(1)
    // Neither wrote the baseline.
    expect(inBaseline()).toEqual(['app_session', 'zz_pref'])
  })

  it('writes no baseline from a scan that did not reach its URL, and says so', async () => {
    // Nothing listens on the port the server had before it was closed.
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const r = await cli(dir, ['scan', gone, '--baseline', 'partial.json', '--update'])
    expect(r.stdout).toContain('Baseline partial.json NOT updated: not every URL was fully scanned.')
    expect(r.code).toBe(2)
    expect(existsSync(join(dir, 'partial.json'))).toBe(false)
  })

  it('exits 2 with one line on a baseline that is not a scan result, before any browser starts', async () => {
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ version: 2 }))
    const r = await cli(dir, ['scan', url(), '--baseline', 'other.json'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      'consent-gate scan: baseline other.json is a scan result of version 2; this consent-gate reads version 1 (remove it and write a new one with --update)\n',
    )
    expect(r.stdout).toBe('')
  })
})
