import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Report } from '../../src/scan/findings'

const root = join(import.meta.dirname, '../..')
const out = mkdtempSync(join(tmpdir(), 'consent-gate-scan-'))

/** Runs the built CLI as a site's CI would: `consent-gate scan …`. */
const scan = (...args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/consent-gate.mjs'), 'scan', ...args], { cwd: root })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
const json = (file: string): Report => JSON.parse(readFileSync(file, 'utf8'))

describe.skipIf(!inject('hasBrowser'))('consent-gate scan against the demo', () => {
  const demo = (path: string) => `http://127.0.0.1:${inject('port')}${path}`

  it('finds Pisama and Pigi clean: exit 0, every cookie declared', async () => {
    const file = join(out, 'clean.json')
    const { code, stdout } = await scan(demo('/pisama/'), demo('/pigi/'), '--json', file)
    expect(stdout).toContain('No violations.')
    expect(code).toBe(0)
    const report = json(file)
    expect(report).toMatchObject({ version: 1, pages: [demo('/pisama/'), demo('/pigi/')], violations: [] })
    const [pisama, pigi] = report.visits
    expect(pisama).toMatchObject({ consentGate: true, banner: true, phases: ['before', 'accept', 'reject'] })
    expect(pigi).toMatchObject({ consentGate: true, banner: false, phases: ['before'] })
    const cookies = Object.fromEntries(report.cookies.map((c) => [c.name, c]))
    // Pigi's session cookie is HttpOnly: the scanner still gets the gate's word on it.
    expect(cookies.pigi_session).toMatchObject({ class: 'session', declared: true, httpOnly: true, phases: ['before'] })
    expect(cookies['XSRF-TOKEN']).toMatchObject({ class: 'xsrf', declared: true })
    expect(cookies.consent_gate).toMatchObject({ class: 'essential', declared: true, phases: ['accept', 'reject'] })
    // The demo loads gtag.js from Google's host: answered locally, seen only after accept.
    expect(report.requests).toContainEqual(
      expect.objectContaining({ host: 'www.googletagmanager.com', tracker: 'Google Tag Manager', phases: ['accept'] }),
    )
  })

  it('catches the leaky page: _ga and _fbp before consent and after reject, _fbp undeclared; exit 1', async () => {
    const file = join(out, 'leaky.json')
    const declarations = join(out, 'declarations.json')
    const { code, stdout } = await scan(demo('/leaky/'), '--json', file, '--declarations', declarations)
    expect(code).toBe(1)
    expect(stdout).toMatch(/^VIOLATIONS \(\d+\)$/m)
    const { violations } = json(file)
    for (const phase of ['before', 'reject'])
      for (const name of ['_ga', '_fbp'])
        expect(violations).toContainEqual(expect.objectContaining({ kind: 'cookie', name, phase }))
    expect(violations).toContainEqual(expect.objectContaining({ kind: 'undeclared', name: '_fbp', phase: 'before' }))
    expect(violations).toContainEqual(expect.objectContaining({ kind: 'request', name: 'www.facebook.com/tr', phase: 'before' }))
    expect(violations.filter((v) => v.phase === 'accept')).toEqual([])
    expect(JSON.parse(readFileSync(declarations, 'utf8'))).toContainEqual({
      name: '_fbp',
      class: 'marketing',
      provider: 'Meta Pixel',
      purpose: expect.any(String),
      lifetime: '3 months',
    })
  })
})

describe.skipIf(!inject('hasBrowser'))('consent-gate scan against hostile pages', () => {
  let server: Server
  const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`
  beforeAll(async () => {
    server = createServer((req, res) => {
      const html = (body: string) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>t</title>${body}`)
      // /hang never answers.
      if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end()
      else if (req.url === '/busy') html('<script>for (;;) {}</script>')
      else if (req.url === '/rude')
        html(
          `<script src="https://cdn.elsewhere.example/x.js"></script>
           <script>window.open('/popup'); alert('hello'); document.cookie = 'plain=1; Path=/'</script>
           <script>throw new Error('boom')</script><a href="/linked">more</a>`,
        )
      else if (req.url !== '/hang') html('<p>plain</p>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  })
  afterAll(() => {
    server.closeAllConnections()
    server.close()
  })

  it('reports and skips what hangs, loops or spins; notes popups, dialogs and errors; contacts no other host', async () => {
    const file = join(out, 'hostile.json')
    const { code, stdout } = await scan(
      url('/hang'),
      url('/loop'),
      url('/busy'),
      url('/rude'),
      '--crawl',
      '1',
      '--timeout',
      '1.5',
      '--json',
      file,
    )
    expect(code).toBe(0)
    const report = json(file)
    const byUrl = Object.fromEntries(report.visits.map((v) => [v.url.replace(/^http:\/\/[^/]+/, ''), v]))
    expect(byUrl['/hang']).toMatchObject({ loaded: false, notes: ['not scanned: did not finish loading within 1.5 s'] })
    expect(byUrl['/loop']).toMatchObject({ loaded: false, notes: ['not scanned: redirects too many times'] })
    expect(byUrl['/busy']).toMatchObject({ loaded: false })
    expect(byUrl['/rude']).toMatchObject({
      loaded: true,
      consentGate: false,
      phases: ['before'],
      blocked: ['cdn.elsewhere.example'],
    })
    expect(byUrl['/rude'].notes).toEqual(
      expect.arrayContaining([
        'opened a popup window; it was closed',
        'opened a dialog (alert); it was dismissed',
        'the page threw: boom',
      ]),
    )
    // --crawl 1 follows the one same-origin link.
    expect(byUrl['/linked']).toMatchObject({ loaded: true })
    expect(report.cookies).toContainEqual(expect.objectContaining({ name: 'plain', class: 'unknown', declared: null }))
    expect(stdout).toContain('no consent-gate on this page: one visit, before any choice')
  })
})
