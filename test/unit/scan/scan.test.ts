// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { parseScanArgs, UsageError } from '../../../src/scan/args'
import { main } from '../../../src/scan/cli'
import { declarations, summarise, type PageResult, type SeenCookie, type Visit } from '../../../src/scan/findings'
import { renderReport } from '../../../src/scan/report'

const PAGE = 'https://www.pisama.example/'
const cookie = (name: string, extra: Partial<SeenCookie> = {}): SeenCookie => ({
  name,
  domain: 'www.pisama.example',
  path: '/',
  expires: -1,
  httpOnly: false,
  secure: true,
  sameSite: 'Lax',
  ...extra,
})
const page = (extra: Partial<PageResult> = {}): PageResult => ({
  url: PAGE,
  consentGate: true,
  banner: true,
  phases: ['before', 'accept', 'reject'],
  notes: [],
  blocked: [],
  loaded: true,
  ...extra,
})
const word = (cls: 'analytics' | 'essential' | 'session', declared = true) => ({ class: cls, declared })

describe('consent-gate scan arguments', () => {
  it('reads URLs and options', () => {
    expect(
      parseScanArgs([
        'https://a.example/#x',
        '--crawl',
        '3',
        '--json=out.json',
        '--declarations',
        'd.json',
        '--timeout',
        '2.5',
        '--allow',
        'CDN.a.example',
      ]),
    ).toEqual({
      urls: ['https://a.example/'],
      crawl: 3,
      json: 'out.json',
      declarations: 'd.json',
      timeout: 2500,
      allow: ['cdn.a.example'],
    })
    expect(parseScanArgs(['https://a.example/', '--help'])).toBe('help')
  })

  it.each([
    [[], 'give at least one URL'],
    [['example.com'], 'is not a URL'],
    [['ftp://a.example/'], 'not an http or https URL'],
    [['javascript:alert(1)'], 'not an http or https URL'],
    [['https://a.example/', '--crawl', 'many'], 'option --crawl needs a number of at least 0, got "many"'],
    [['https://a.example/', '--timeout', '0'], 'option --timeout needs a number of at least 0.1'],
    [['https://a.example/', '--json'], 'option --json needs a value'],
    [['https://a.example/', '--json', '--crawl'], 'option --json needs a value'],
    [['https://a.example/', '--fast'], 'unknown option --fast'],
  ])('refuses %j: %s', (args, message) => {
    expect(() => parseScanArgs(args)).toThrow(UsageError)
    expect(() => parseScanArgs(args)).toThrow(message)
  })
})

describe('consent-gate (the command)', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' }
    return {
      out,
      io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } },
    }
  }

  it('prints its help with exit code 0', async () => {
    const { out, io: streams } = io()
    expect(await main(['scan', '--help'], streams)).toBe(0)
    expect(out.stdout).toContain('--declarations FILE')
    expect(out.stdout).toContain('Exit codes: 0 no violations, 1 violations, 2 usage error')
  })

  it('exits 2 on a usage error, saying what is wrong', async () => {
    const { out, io: streams } = io()
    expect(await main(['scan', 'nope'], streams)).toBe(2)
    expect(out.stderr).toContain('"nope" is not a URL')
    expect(await main(['scna'], streams)).toBe(2)
    expect(out.stderr).toContain('unknown command "scna"')
  })

  it('exits 2 with a clear message when there is no browser', async () => {
    const { out, io: streams } = io()
    const saved = process.env.CHROMIUM_PATH
    process.env.CHROMIUM_PATH = '/nonexistent/chromium'
    try {
      expect(await main(['scan', 'http://127.0.0.1:9/'], streams)).toBe(2)
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = saved
    }
    expect(out.stderr).toContain('no Chromium at /nonexistent/chromium')
    expect(out.stderr).toContain('CHROMIUM_PATH')
  })
})

describe('scan findings', () => {
  const site = { cookies: { _ga: word('analytics'), app_session: word('session') }, storage: {} }
  const visits: Visit[] = [
    {
      page: PAGE,
      phase: 'before',
      cookies: [cookie('app_session', { httpOnly: true }), cookie('_fbp')],
      storage: [{ name: 'ajs_user_id', kind: 'local' }],
      requests: [PAGE, 'https://connect.facebook.net/en_US/fbevents.js?v=1', 'https://cdn.other.example/x.js'],
      site,
    },
    {
      page: PAGE,
      phase: 'accept',
      cookies: [
        cookie('app_session'),
        cookie('_ga', { domain: '.pisama.example', expires: 2e9 }),
        cookie('IDE', { domain: '.doubleclick.net' }),
      ],
      storage: [],
      requests: ['https://www.google-analytics.com/g/collect?cid=123'],
      site,
    },
    { page: PAGE, phase: 'reject', cookies: [cookie('app_session'), cookie('_fbp')], storage: [], requests: [], site },
  ]
  const report = summarise(visits, [page()], new Date('2026-11-25T10:00:00Z'))

  it('flags tracking before a choice and after reject, and undeclared cookies once', () => {
    expect(report.violations).toEqual([
      { kind: 'cookie', name: '_fbp', phase: 'before', page: PAGE, class: 'marketing' },
      { kind: 'undeclared', name: '_fbp', phase: 'before', page: PAGE, class: 'marketing' },
      { kind: 'storage', name: 'ajs_user_id', phase: 'before', page: PAGE, class: 'analytics' },
      { kind: 'request', name: 'connect.facebook.net/en_US/fbevents.js', phase: 'before', page: PAGE, class: 'marketing' },
      { kind: 'cookie', name: '_fbp', phase: 'reject', page: PAGE, class: 'marketing' },
    ])
  })

  it('merges a cookie across visits, with party, declaration and catalogue wording', () => {
    const byName = Object.fromEntries(report.cookies.map((c) => [c.name, c]))
    expect(byName.app_session).toMatchObject({
      class: 'session',
      declared: true,
      thirdParty: false,
      httpOnly: true,
      phases: ['before', 'accept', 'reject'],
    })
    expect(byName._ga).toMatchObject({
      class: 'analytics',
      declared: true,
      thirdParty: false,
      provider: 'Google Analytics',
      phases: ['accept'],
    })
    // A third party's cookie is not the site's to declare.
    expect(byName.IDE).toMatchObject({ class: 'marketing', declared: null, thirdParty: true, provider: 'Google DoubleClick' })
    expect(report.requests).toEqual([
      {
        url: 'https://connect.facebook.net/en_US/fbevents.js',
        host: 'connect.facebook.net',
        tracker: 'Meta Pixel',
        class: 'marketing',
        phases: ['before'],
        pages: [PAGE],
      },
      {
        url: 'https://www.google-analytics.com/g/collect',
        host: 'www.google-analytics.com',
        tracker: 'Google Analytics',
        class: 'analytics',
        phases: ['accept'],
        pages: [PAGE],
      },
    ])
  })

  it('lets the site’s declaration decide the class', () => {
    const own = summarise(
      [
        {
          page: PAGE,
          phase: 'before',
          cookies: [cookie('_ga')],
          storage: [],
          requests: [],
          site: { cookies: { _ga: word('essential') }, storage: {} },
        },
      ],
      [page()],
      new Date(),
    )
    expect(own.cookies[0]).toMatchObject({ class: 'essential', declared: true })
    expect(own.violations).toEqual([])
  })

  it('checks declarations only on consent-gate pages', () => {
    const plain = summarise(
      [{ page: PAGE, phase: 'before', cookies: [cookie('mystery')], storage: [], requests: [] }],
      [page({ consentGate: false })],
      new Date(),
    )
    expect(plain.cookies[0].declared).toBeNull()
    expect(plain.violations).toEqual([])
  })

  it('writes declarations ready for the cookies option', () => {
    expect(declarations(report)).toEqual([
      {
        name: 'app_session',
        class: 'session',
        provider: 'TODO: who sets it',
        purpose: 'TODO: what it is for',
        lifetime: 'TODO: how long it lasts',
      },
      expect.objectContaining({ name: '_fbp', class: 'marketing', provider: 'Meta Pixel', lifetime: '3 months' }),
      expect.objectContaining({ name: '_ga', class: 'analytics', provider: 'Google Analytics' }),
      expect.objectContaining({ name: 'ajs_user_id', class: 'analytics', provider: 'Segment', storage: 'localStorage' }),
    ])
  })

  it('reports violations first, then a table per phase', () => {
    const text = renderReport(report, visits)
    expect(text.indexOf('VIOLATIONS (5)')).toBeLessThan(text.indexOf('  before'))
    expect(text).toMatch(/ {2}before\n {4}cookie +class +provider/)
    expect(text).toMatch(/_fbp +marketing +Meta Pixel +NO +1st/)
    expect(text).toMatch(/ {2}reject\n[^]*tracker requests: none/)
  })

  it('says when a page had only the first visit, and why a page was not scanned', () => {
    const text = renderReport(
      summarise(
        [],
        [
          page({
            consentGate: false,
            banner: false,
            loaded: false,
            phases: [],
            notes: ['not scanned: redirects too many times'],
          }),
        ],
        new Date(),
      ),
      [],
    )
    expect(text).toContain('NOT SCANNED')
    expect(text).toContain('! not scanned: redirects too many times')
  })
})
