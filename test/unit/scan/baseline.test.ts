// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseScanArgs, UsageError } from '../../../src/scan/args'
import { compare, fails, parseBaseline } from '../../../src/scan/baseline'
import { main } from '../../../src/scan/cli'
import { summarise, type PageResult, type Report, type Visit } from '../../../src/scan/findings'
import { renderReport } from '../../../src/scan/report'
import { cookie, plainPage } from './fixtures'

const PAGE = 'https://www.pisama.example/'
const AT = new Date('2026-12-01T00:00:00Z')

/** A consent-gate page's three visits: what each found, the site declaring `declared`. */
const gated = (found: Partial<Record<'before' | 'accept' | 'reject', Partial<Visit>>>, declared: string[] = []): Report => {
  const words = Object.fromEntries(declared.map((n) => [n, { class: 'analytics' as const, declared: true }]))
  const visits: Visit[] = (['before', 'accept', 'reject'] as const).map((phase) => ({
    page: PAGE,
    phase,
    cookies: [],
    storage: [],
    requests: [],
    site: { cookies: words, storage: {} },
    ...found[phase],
  }))
  const page: PageResult = {
    ...plainPage(PAGE),
    consentGate: true,
    banner: true,
    choice: 'banner',
    phases: ['before', 'accept', 'reject'],
  }
  return summarise(visits, [page], AT)
}

/** A page without consent-gate, one visit: nothing declares what it finds. */
const plain = (found: Partial<Visit>, blocked: string[] = []): Report =>
  summarise(
    [{ page: PAGE, phase: 'before', cookies: [], storage: [], requests: [], ...found }],
    [{ ...plainPage(PAGE), blocked }],
    AT,
  )

describe('comparing a scan with its baseline', () => {
  it('finds nothing changed in the same scan', () => {
    const r = gated({ accept: { cookies: [cookie('_ga')] } }, ['_ga'])
    const c = compare(r, r)
    expect(c.changes).toEqual([])
    expect(fails(c, true)).toBe(false)
  })

  it('names a new undeclared cookie with its class and provider, and fails on it', () => {
    const c = compare(plain({ cookies: [cookie('app_session')] }), plain({ cookies: [cookie('app_session'), cookie('_fbp')] }))
    expect(c.changes).toEqual([
      expect.objectContaining({
        change: 'new',
        kind: 'cookie',
        name: '_fbp',
        phases: ['before'],
        class: 'marketing',
        provider: 'Meta Pixel',
        declared: null,
        uncovered: true,
        pages: [PAGE],
      }),
    ])
    expect(fails(c, false)).toBe(true)
  })

  it('passes a new cookie the declarations cover, and one the catalogue calls needed on a page with nothing to declare it; --strict fails both', () => {
    const declared = compare(gated({}, ['_ga']), gated({ accept: { cookies: [cookie('_ga')] } }, ['_ga']))
    expect(declared.changes).toEqual([
      expect.objectContaining({ name: '_ga', phases: ['accept'], declared: true, uncovered: false }),
    ])
    expect(fails(declared, false)).toBe(false)
    expect(fails(declared, true)).toBe(true)
    const needed = compare(plain({}), plain({ cookies: [cookie('csrf_token')] }))
    expect(needed.changes).toEqual([expect.objectContaining({ name: 'csrf_token', class: 'xsrf', uncovered: false })])
    expect(fails(needed, false)).toBe(false)
  })

  it('fails on an undeclared cookie on a consent-gate page, and on a name the catalogue does not know with nothing to declare it', () => {
    const undeclared = compare(gated({}), gated({ accept: { cookies: [cookie('_hjid')] } }))
    expect(undeclared.changes).toEqual([expect.objectContaining({ name: '_hjid', declared: false, uncovered: true })])
    const unknown = compare(plain({}), plain({ cookies: [cookie('zz_pref')] }))
    expect(unknown.changes).toEqual([expect.objectContaining({ name: 'zz_pref', class: 'unknown', uncovered: true })])
  })

  it('compares per visit: a cookie seen before accept now also after reject is new in the reject visit only', () => {
    const before = gated({ accept: { cookies: [cookie('_ga')] } }, ['_ga'])
    const after = gated({ accept: { cookies: [cookie('_ga')] }, reject: { cookies: [cookie('_ga')] } }, ['_ga'])
    expect(compare(before, after).changes).toEqual([expect.objectContaining({ change: 'new', name: '_ga', phases: ['reject'] })])
    expect(compare(after, before).changes).toEqual([
      expect.objectContaining({ change: 'gone', name: '_ga', phases: ['reject'], uncovered: false }),
    ])
  })

  it('tells cookies apart by domain and path, and storage keys by kind', () => {
    const c = compare(
      plain({ cookies: [cookie('pref')], storage: [{ name: 'theme', kind: 'local' }] }),
      plain({ cookies: [cookie('pref', { path: '/shop' })], storage: [{ name: 'theme', kind: 'session' }] }),
    )
    expect(c.changes.map((x) => [x.change, x.kind, x.name, x.where])).toEqual([
      ['new', 'cookie', 'pref', 'www.pisama.example'],
      ['new', 'storage', 'theme', 'session'],
      ['gone', 'cookie', 'pref', 'www.pisama.example'],
      ['gone', 'storage', 'theme', 'local'],
    ])
  })

  it('fails on a new tracker host, even after accept; a new blocked host (no tracker) is listed and fails only --strict', () => {
    const tracker = compare(
      gated({}),
      gated({ accept: { requests: ['https://www.clarity.ms/tag/abc?ref=1', 'https://www.clarity.ms/collect'] } }),
    )
    expect(tracker.changes).toEqual([
      expect.objectContaining({
        kind: 'host',
        name: 'www.clarity.ms',
        phases: ['accept'],
        class: 'analytics',
        provider: 'Microsoft Clarity',
        uncovered: true,
      }),
    ])
    const blocked = compare(plain({}), plain({}, ['cdn.other.example']))
    expect(blocked.changes).toEqual([
      expect.objectContaining({
        change: 'new',
        kind: 'host',
        name: 'cdn.other.example',
        phases: [],
        class: 'unknown',
        uncovered: false,
      }),
    ])
    expect(fails(blocked, false)).toBe(false)
    expect(fails(blocked, true)).toBe(true)
    expect(compare(plain({}, ['cdn.other.example']), plain({})).changes).toEqual([
      expect.objectContaining({ change: 'gone', name: 'cdn.other.example' }),
    ])
  })

  it("names a first-party tracker by the site's host and its tracker: Vercel gone after accept", () => {
    const c = compare(gated({ accept: { requests: [PAGE + '_vercel/insights/view'] } }), gated({}))
    expect(c.changes).toEqual([
      expect.objectContaining({
        change: 'gone',
        kind: 'host',
        name: 'www.pisama.example',
        provider: 'Vercel Web Analytics',
        phases: ['accept'],
      }),
    ])
  })

  it('fails --strict only on something gone', () => {
    const c = compare(plain({ cookies: [cookie('_fbp')] }), plain({}))
    expect(c.changes).toEqual([expect.objectContaining({ change: 'gone', name: '_fbp', uncovered: false })])
    expect(fails(c, false)).toBe(false)
    expect(fails(c, true)).toBe(true)
  })

  it('lists what fails first, and pages one scan visited and the other did not', () => {
    const before = plain({ cookies: [cookie('gone_one')] })
    const after = summarise(
      [{ page: PAGE + 'new/', phase: 'before', cookies: [cookie('csrf_token'), cookie('_fbp')], storage: [], requests: [] }],
      [plainPage(PAGE + 'new/')],
      AT,
    )
    const c = compare(before, after)
    expect(c.changes.map((x) => x.name)).toEqual(['_fbp', 'csrf_token', 'gone_one'])
    expect(c.pages).toEqual({ new: [PAGE + 'new/'], gone: [PAGE] })
    expect(c.since).toBe(AT.toISOString())
  })
})

describe('the report with a baseline', () => {
  it('leads with what changed, the failing ones marked NEW, before the violations', () => {
    const r = plain({ cookies: [cookie('_fbp')] })
    const changes = compare(plain({}), r)
    const text = renderReport(r, [], undefined, { file: 'scan-baseline.json', changes, strict: false })
    const lines = text.split('\n')
    expect(lines[2]).toBe(
      'CHANGES since the baseline scan-baseline.json (scanned 2026-12-01T00:00:00.000Z): 1 new (1 not covered by declarations), 0 gone',
    )
    expect(lines[4]).toMatch(
      /^ {4}NEW +before +cookie +_fbp +marketing +Meta Pixel +- +www\.pisama\.example +https:\/\/www\.pisama\.example\/$/,
    )
    expect(text.indexOf('CHANGES')).toBeLessThan(text.indexOf('VIOLATIONS'))
    expect(renderReport(r, [], undefined, { file: 'b.json', changes: compare(r, r), strict: false })).toContain(
      'No changes since the baseline b.json (scanned 2026-12-01T00:00:00.000Z).',
    )
  })
})

describe('reading a baseline', () => {
  const good = plain({ cookies: [cookie('a')] }, ['cdn.example'])
  it('reads a --json result', () => {
    expect(parseBaseline(JSON.stringify(good), 'b.json')).toEqual(good)
  })

  it.each([
    ['text that is not JSON', '{', 'baseline b.json is not JSON ('],
    ['a JSON list', '[]', 'baseline b.json is not a scan result (not a JSON object)'],
    [
      'version 2',
      JSON.stringify({ ...good, version: 2 }),
      'baseline b.json is a scan result of version 2; this consent-gate reads version 1',
    ],
    ['no version', JSON.stringify({ ...good, version: undefined }), 'baseline b.json is a scan result of version none'],
    [
      'a cookie without a name',
      JSON.stringify({ ...good, cookies: [{ name: 1 }] }),
      'baseline b.json is not a scan result: "cookies" is not a list of findings',
    ],
    [
      'a provider that is not text',
      JSON.stringify({ ...good, cookies: [{ ...good.cookies[0], provider: {} }] }),
      '"cookies" is not a list of findings',
    ],
    ['storage that is not a list', JSON.stringify({ ...good, storage: {} }), '"storage" is not a list of findings'],
    [
      'a request in an unknown visit',
      JSON.stringify({ ...good, requests: [{ host: 'x', phases: ['later'], pages: [] }] }),
      '"requests" is not a list',
    ],
    [
      'a blocked host that is not text',
      JSON.stringify({ ...good, visits: [{ url: PAGE, blocked: [null] }] }),
      '"visits" is not a list',
    ],
    ['no scannedAt', JSON.stringify({ ...good, scannedAt: 0 }), 'no "scannedAt" or "pages"'],
  ])('refuses %s in one line', (_, text, message) => {
    expect(() => parseBaseline(text, 'b.json')).toThrow(message)
    try {
      parseBaseline(text, 'b.json')
    } catch (e) {
      expect((e as Error).message).not.toContain('\n')
    }
  })
})

describe('consent-gate scan --baseline (arguments and a bad file)', () => {
  it('reads --baseline, --strict and --update', () => {
    expect(parseScanArgs(['https://a.example/', '--baseline', 'b.json', '--strict', '--update'])).toMatchObject({
      baseline: 'b.json',
      strict: true,
      update: true,
    })
  })

  it.each([['--strict'], ['--update']])('refuses %s without --baseline', (flag) => {
    expect(() => parseScanArgs(['https://a.example/', flag])).toThrow(UsageError)
    expect(() => parseScanArgs(['https://a.example/', flag])).toThrow(`option ${flag} needs --baseline FILE`)
  })

  const run = async (...args: string[]) => {
    const out = { stdout: '', stderr: '' }
    const io = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } }
    // No browser: a bad baseline must be refused before one is needed.
    const saved = process.env.CHROMIUM_PATH
    process.env.CHROMIUM_PATH = '/nonexistent/chromium'
    try {
      return { code: await main(['scan', 'http://127.0.0.1:9/', ...args], io), ...out }
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = saved
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'consent-gate-baseline-'))

  it.each([
    [
      'missing',
      undefined,
      /^consent-gate scan: cannot read the baseline .*missing\.json: ENOENT.*\(write one with --update\)\n$/,
    ],
    ['not JSON', 'nope', /^consent-gate scan: baseline .*not-json\.json is not JSON \(.*\)\n$/],
    [
      'another version',
      '{"version":2}',
      /^consent-gate scan: baseline .*another-version\.json is a scan result of version 2; this consent-gate reads version 1 \(remove it and write a new one with --update\)\n$/,
    ],
  ])('exits 2 with one clear line on a baseline %s', async (what, text, line) => {
    const file = join(dir, what.toLowerCase().replace(' ', '-') + '.json')
    if (text !== undefined) writeFileSync(file, text)
    const r = await run('--baseline', file)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(line)
    expect(r.stdout).toBe('')
  })

  it('takes a missing baseline with --update as the first one to write (then needs a browser)', async () => {
    const r = await run('--baseline', join(dir, 'first.json'), '--update')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no Chromium at /nonexistent/chromium')
    expect(r.stderr).not.toContain('baseline')
  })
})
