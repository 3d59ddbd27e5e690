import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { resolveConfig, type Options } from '../../src/config/options'
import type { Report } from '../../src/scan/findings'
import { ACME_TRACKERS } from '../unit/scan/fixtures'

const root = join(import.meta.dirname, '../..')
const out = mkdtempSync(join(tmpdir(), 'consent-gate-init-'))

/** Runs the built CLI as a new user would: `consent-gate init …`, `consent-gate scan …`, from `out`. */
const cli = (...args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/consent-gate.mjs'), ...args], { cwd: out })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
const read = <T = Options>(file: string): T => JSON.parse(readFileSync(join(out, file), 'utf8'))

/**
 * Acme before it installs consent-gate: a session cookie (HttpOnly, from its server), a theme in
 * localStorage, a link to its privacy page, and every tracker the SDK loads. The scanner answers
 * the trackers' hosts itself (with an empty script or a 204), so the page's own script stands in
 * for what their tags would write, and their requests carry the ids as the real tags' do.
 */
const ACME = `<!doctype html><title>Acme</title>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-ACME123"></script>
<script async src="https://www.googletagmanager.com/gtm.js?id=GTM-ACME12"></script>
<script async src="https://www.clarity.ms/tag/acme1234"></script>
<script async src="https://bat.bing.com/bat.js"></script>
<script defer src="/_vercel/insights/script.js"></script>
<script>
  localStorage.setItem('theme', 'dark')
  for (const c of ['_ga=GA1.1.1.1', '_ga_ACME123=GS1.1.1', '_gid=GA1.1.2', '_clck=1', '_clsk=1', '_uetsid=1', '_uetvid=1'])
    document.cookie = c + '; Path=/; Max-Age=600'
  new Image().src = 'https://www.google-analytics.com/g/collect?v=2&tid=G-ACME123&cid=1.1'
  new Image().src = 'https://bat.bing.com/action/0?ti=12345678&evt=pageLoad'
</script>
<a href="/pricing">Pricing</a> <a href="/privacy">Privacy</a>`

describe.skipIf(!inject('hasBrowser'))('consent-gate init against a fixture site', { timeout: 240_000 }, () => {
  let server: Server
  const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`
  beforeAll(async () => {
    server = createServer((req, res) => {
      const headers = { 'content-type': 'text/html; charset=utf-8' }
      if (req.url === '/_vercel/insights/script.js')
        res.writeHead(200, { 'content-type': 'text/javascript' }).end('/* Vercel Web Analytics stand-in */')
      else if (req.url === '/') res.writeHead(200, { ...headers, 'set-cookie': '_acme_session=s1; Path=/; HttpOnly' }).end(ACME)
      else if (req.url === '/quiet') res.writeHead(200, headers).end('<!doctype html><title>Acme</title><p>Nothing here.')
      else res.writeHead(404, headers).end('<!doctype html><title>Not found</title>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  })
  afterAll(() => {
    server.closeAllConnections()
    server.close()
  })

  it('writes a description the validator accepts: every tracker with its id, every cookie and key classified, the policy link', async () => {
    const { code, stdout, stderr } = await cli('init', url('/'), '--site', 'acme')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const description = read('consent-gate.json')
    expect(() => resolveConfig(description, null)).not.toThrow()
    expect(description).toEqual({
      $schema: './node_modules/consent-gate/schema.json',
      site: 'acme',
      ...ACME_TRACKERS,
      categories: ['analytics', 'marketing'],
      policyUrl: '/privacy',
      // _ga, _ga_<id>, _clck, _clsk, _uetsid and _uetvid come with their trackers.
      cookies: [
        { name: '_acme_session', class: 'session' },
        { name: '_gid', class: 'analytics' },
        { name: 'theme', storage: 'localStorage' },
      ],
    })
    // Written as JSON with a 2-space indent, as a person would write it.
    expect(readFileSync(join(out, 'consent-gate.json'), 'utf8')).toBe(JSON.stringify(description, null, 2) + '\n')
    expect(stdout).toContain('consent-gate init: wrote consent-gate.json for site "acme" (1 page scanned)')
    expect(stdout).toContain('TO DO: the catalogue does not know these')
    expect(stdout).toContain('<script type="application/json" id="consent-gate-config">\n{\n  "site": "acme",')
    expect(stdout).toContain('<script src="/consent-gate/consent-gate.js" data-config="consent-gate-config"></script>')
    expect(stdout).toContain(
      "import { createConsentGate } from 'consent-gate'\nimport site from './consent-gate.json'\ncreateConsentGate(site)",
    )
  })

  it('leaves an existing description as it is without --force, and replaces it with', async () => {
    writeFileSync(join(out, 'mine.json'), '{"site":"mine"}\n')
    const kept = await cli('init', url('/'), '--site', 'acme', '--out', 'mine.json')
    expect(kept.code).toBe(2)
    expect(kept.stderr).toContain('consent-gate init: mine.json already exists and was left as it is; --force replaces it')
    expect(readFileSync(join(out, 'mine.json'), 'utf8')).toBe('{"site":"mine"}\n')

    const replaced = await cli('init', url('/'), '--site', 'acme', '--out', 'mine.json', '--force')
    expect(replaced.code).toBe(0)
    expect(read('mine.json')).toMatchObject({ site: 'acme', ga4: { measurementId: 'G-ACME123' } })
  })

  it('gives a scan with that description no undeclared cookie; one it leaves out is reported', async () => {
    const description = read('consent-gate.json')
    const checked = await cli('scan', url('/'), '--config', 'consent-gate.json', '--json', 'checked.json')
    expect(checked.stdout).toContain('Declarations: consent-gate.json (--config), on every page')
    const report = read<Report>('checked.json')
    // Acme sets its trackers' cookies before any choice (it has no banner yet): those are violations,
    // but none is undeclared, and every first-party cookie is declared.
    expect(checked.code).toBe(1)
    expect(report.violations.filter((v) => v.kind === 'undeclared')).toEqual([])
    expect(report.cookies.map((c) => [c.name, c.declared]).sort()).toEqual(
      ['_acme_session', '_clck', '_clsk', '_ga', '_ga_ACME123', '_gid', '_uetsid', '_uetvid'].map((n) => [n, true]),
    )

    writeFileSync(
      join(out, 'partial.json'),
      JSON.stringify({ ...description, cookies: description.cookies!.filter((c) => c.name !== '_acme_session') }),
    )
    const partial = await cli('scan', url('/'), '--config', 'partial.json', '--json', 'partial-report.json')
    expect(partial.code).toBe(1)
    expect(read<Report>('partial-report.json').violations.filter((v) => v.kind === 'undeclared')).toEqual([
      expect.objectContaining({ name: '_acme_session', class: 'session', phase: 'before' }),
    ])
  })

  it('refuses a description the SDK would refuse, before scanning', async () => {
    writeFileSync(join(out, 'bad.json'), JSON.stringify({ site: 'acme', ga4: { measurementId: 'UA-1' } }))
    const { code, stderr } = await cli('scan', url('/'), '--config', 'bad.json')
    expect(code).toBe(2)
    expect(stderr).toContain(
      'consent-gate scan: bad.json: consent-gate: option "ga4.measurementId" must look like "G-XXXXXXXXXX", got "UA-1"',
    )
  })

  it('with --never writes a never description without the trackers, says loudly what breaks the promise, exits 1', async () => {
    const { code, stdout } = await cli('init', url('/'), '--site', 'acme', '--never', '--out', 'never.json')
    expect(code).toBe(1)
    const description = read('never.json')
    expect(() => resolveConfig(description, null)).not.toThrow()
    expect(description).toEqual({
      $schema: './node_modules/consent-gate/schema.json',
      site: 'acme',
      never: true,
      policyUrl: '/privacy',
      cookies: [
        { name: '_acme_session', class: 'session' },
        { name: 'theme', storage: 'localStorage' },
      ],
    })
    expect(stdout).toMatch(/^PROMISE BROKEN \(\d+\): the site runs what a site with --never may not/m)
    for (const broken of ['analytics cookie _ga', 'marketing cookie _uetvid', 'requests to Microsoft Clarity (analytics)'])
      expect(stdout).toContain('  ' + broken + '\n')
  })

  it('with --never on a quiet page writes a never description and exits 0', async () => {
    const { code, stdout } = await cli('init', url('/quiet'), '--site', 'acme', '--never', '--out', 'quiet.json')
    expect(code).toBe(0)
    expect(read('quiet.json')).toEqual({ $schema: './node_modules/consent-gate/schema.json', site: 'acme', never: true })
    expect(stdout).not.toContain('PROMISE BROKEN')
  })

  it('writes nothing for a site it could not scan', async () => {
    const { code, stderr } = await cli('init', url('/missing'), '--site', 'acme', '--out', 'missing.json')
    expect(code).toBe(2)
    expect(stderr).toBe(
      `consent-gate init: nothing written, could not fully scan ${url('/missing')}: not scanned: answered HTTP 404\n`,
    )
    expect(() => readFileSync(join(out, 'missing.json'))).toThrow()
  })
})
