// @vitest-environment node
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseScanArgs, UsageError } from '../../../src/scan/args'
import { main } from '../../../src/scan/cli'
import { complete, declarations, summarise, type PageResult, type SiteWord, type Visit } from '../../../src/scan/findings'
import { renderReport } from '../../../src/scan/report'
import { shown } from '../../../src/scan/shown'
import { crawlable } from '../../../src/scan/urls'
import { cookie } from './fixtures'

const PAGE = 'https://www.pisama.example/'
const page = (extra: Partial<PageResult> = {}): PageResult => ({
  url: PAGE,
  consentGate: true,
  banner: true,
  choice: 'banner',
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
      headers: {},
      strict: false,
      update: false,
    })
    expect(parseScanArgs(['https://a.example/', '--help'])).toBe('help')
    expect(parseScanArgs(['http://[::1]:8080/', '--allow', 'Cdn.Example.', '--allow', '127.0.0.1'])).toMatchObject({
      urls: ['http://[::1]:8080/'],
      allow: ['cdn.example', '127.0.0.1'],
    })
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
    [['https://a.example/', '--allow', 'https://cdn.example/'], '--allow needs a host name like cdn.example.com'],
    [['https://a.example/', '--allow', 'cdn.example:8080'], '--allow needs a host name'],
    [['https://a.example/', '--allow', 'a, MAP * 10.0.0.1'], '--allow needs a host name'],
    [['http://a,b/'], 'the URL http://a,b/ needs a host name'],
    [['https://a.example/', '--region', 'California'], '--region needs a region code like US-CA or DE, got "California"'],
    [['https://a.example/', '--region', 'XX'], '--region needs a region code'],
    [['https://a.example/', '--header', 'x-geo US-CA'], '--header needs "NAME: VALUE"'],
    [['https://a.example/', '--header', 'x geo: US-CA'], '--header needs "NAME: VALUE"'],
    [['https://a.example/', '--header', 'x-geo: US\r\nx-evil: 1'], '--header needs "NAME: VALUE"'],
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

describe('scan arguments for a region', () => {
  it('--region sends every platform its geo headers; --header sends the site its own', () => {
    const o = parseScanArgs(['https://a.example/', '--region', 'US-CA', '--header', 'X-Geo:  US-CA ', '--header=__proto__: 1'])
    expect(o).toMatchObject({
      headers: {
        'x-vercel-ip-country': 'US',
        'x-vercel-ip-country-region': 'CA',
        'cf-ipcountry': 'US',
        'cf-region-code': 'CA',
        'cloudfront-viewer-country': 'US',
        'cloudfront-viewer-country-region': 'CA',
        'x-geo': 'US-CA',
      },
    })
    expect(Object.getPrototypeOf((o as { headers: object }).headers)).toBeNull()
    expect(Object.keys((o as { headers: object }).headers)).toContain('__proto__')
  })
})

describe('scan findings under opt-out or notice rules', () => {
  const tracking = { cookies: [cookie('_fbp')], storage: [], requests: ['https://connect.facebook.net/en_US/fbevents.js'] }
  it('takes tracking before a choice as the rules allow it, and flags it after a refusal', () => {
    for (const policy of ['opt-out', 'notice'] as const) {
      const visits: Visit[] = (['before', 'accept', 'reject'] as const).map((phase) => ({
        page: PAGE,
        phase,
        ...tracking,
        policy,
      }))
      expect(summarise(visits, [page()], new Date('2026-11-25T10:00:00Z')).violations.map((v) => [v.kind, v.phase])).toEqual([
        ['cookie', 'reject'],
        ['request', 'reject'],
      ])
    }
    const optIn: Visit[] = [{ page: PAGE, phase: 'before', ...tracking }]
    expect(summarise(optIn, [page()], new Date('2026-11-25T10:00:00Z')).violations.map((v) => [v.kind, v.phase])).toEqual([
      ['cookie', 'before'],
      ['request', 'before'],
    ])
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

  it('writes the catalogue’s pattern once where it has one, not each name seen', () => {
    const seen = summarise(
      [
        {
          page: PAGE,
          phase: 'accept',
          cookies: [cookie('_ga_ABC123'), cookie('_ga_XYZ789'), cookie('_hjSessionUser_456'), cookie('_ga'), cookie('app_x')],
          storage: [],
          requests: [],
        },
      ],
      [page({ consentGate: false })],
      new Date(),
    )
    expect(declarations(seen).map((d) => [d.name, d.class, d.provider])).toEqual([
      ['_ga_*', 'analytics', 'Google Analytics'],
      ['_hjSessionUser_*', 'analytics', 'Hotjar'],
      ['_ga', 'analytics', 'Google Analytics'],
      ['app_x', 'unknown', 'TODO: who sets it'],
    ])
  })

  describe('a name a framework and a tracker share', () => {
    const visit = (site?: Visit['site']): Visit => ({
      page: PAGE,
      phase: 'before',
      cookies: [cookie('_session_id'), cookie('_fbp')],
      storage: [],
      requests: [],
      site,
    })
    const undeclared = { cookies: { _session_id: word('session', false), _fbp: word('essential', false) }, storage: {} }

    it('without a declaration, names both readings and is no violation, undeclared or not', () => {
      for (const v of [visit(), visit(undeclared)]) {
        const r = summarise([v], [page({ consentGate: !!v.site })], new Date())
        expect(r.violations.map((x) => x.name)).not.toContain('_session_id')
        expect(r.violations.map((x) => x.name)).toContain('_fbp')
        expect(r.ambiguous).toEqual([
          {
            kind: 'cookie',
            name: '_session_id',
            class: 'session',
            provider: 'Rack, Ruby on Rails',
            or: { class: 'analytics', provider: 'Marfeel' },
            phases: ['before'],
            pages: [PAGE],
          },
        ])
        expect(r.cookies.find((c) => c.name === '_session_id')?.class).toBe('session')
        const text = renderReport(r, [v])
        expect(text).toContain('AMBIGUOUS (1): not declared, and shared by a framework and a tracker; not counted as violations')
        expect(text).toContain('    cookie "_session_id" — session (Rack, Ruby on Rails) or analytics (Marfeel)  before')
      }
    })

    it('is settled by the site’s declaration', () => {
      const site = { cookies: { _session_id: word('analytics'), _fbp: word('essential') }, storage: {} }
      const r = summarise([visit(site)], [page()], new Date())
      expect(r.ambiguous).toEqual([])
      expect(r.violations).toEqual([{ kind: 'cookie', name: '_session_id', phase: 'before', page: PAGE, class: 'analytics' }])
      expect(renderReport(r, [visit(site)])).not.toContain('AMBIGUOUS')
    })

    it('is written with both readings in the declarations, to be settled', () => {
      const r = summarise([visit()], [page({ consentGate: false })], new Date())
      expect(declarations(r)[0]).toMatchObject({
        name: '_session_id',
        class: 'session',
        purpose: 'TODO: session (Rack, Ruby on Rails) or analytics (Marfeel)? Keep the class that is true',
      })
    })
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

  it('says a page had opt-out or notice rules, and that only the visit after a refusal must be free of tracking', () => {
    const text = renderReport(summarise([], [page({ banner: false, choice: 'api', policy: 'opt-out' })], new Date()), [])
    expect(text).toContain('consent-gate page under opt-out rules (trackers may run until the visitor refuses)')
    expect(text).toContain('only the last must be free of tracking')
  })
})

describe('what the scanner prints of a page', () => {
  // Everything a terminal could act on: controls (ESC starts ANSI sequences), bidi embeddings,
  // overrides, isolates and marks, invisible format characters, line separators, lone surrogates.
  const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}]/u
  const HOSTILE = [
    '\x1b[2J\x1b[HNo violations.\x1b[8m',
    'a\u202eenoN\u202c',
    '\u2066x\u2069\u200e\u200f\u061c',
    '\x9b31m\x85\x07\x00\r\n',
    'zero\u200bwidth\ufeff\u00ad',
    '\ud800 lone \udfff',
    'bell\x07 tab\t del\x7f',
  ]

  it('escapes controls, bidi and invisible characters, and the backslash that would fake an escape', () => {
    expect(shown('\x1b[31mred')).toBe('\\x1b[31mred')
    expect(shown('a\u202eb')).toBe('a\\u{202e}b')
    expect(shown('\x9b')).toBe('\\x9b')
    expect(shown('a\\x1b')).toBe('a\\\\x1b')
    expect(shown('line\nbreak')).toBe('line\\x0abreak')
    expect(shown('_ga_DEMO12345 · café 😀 日本')).toBe('_ga_DEMO12345 · café 😀 日本')
    for (const text of HOSTILE) expect(shown(text)).not.toMatch(UNSAFE)
    expect(shown('x'.repeat(1000), 300)).toBe('x'.repeat(300) + '…')
    // Cut between characters, never inside a surrogate pair.
    expect(shown('😀'.repeat(10), 3)).toBe('😀😀😀…')
  })

  it('prints no raw control or bidi character of any page-derived string, and no line the page wrote', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...HOSTILE), (random, hostile) => {
        const evil = random + hostile
        const visit: Visit = {
          page: PAGE,
          phase: 'before',
          cookies: [cookie(evil, { domain: evil, path: evil })],
          storage: [{ name: evil, kind: 'local' }],
          requests: ['https://www.facebook.com/tr/' + evil],
          site: { cookies: {}, storage: {} },
        }
        const text = renderReport(
          summarise([visit], [page({ url: PAGE, notes: ['the page threw: ' + evil], blocked: [evil] })], new Date()),
          [visit],
        )
        const lines = text.split('\n')
        for (const line of lines) expect(line).not.toMatch(UNSAFE)
        // The page's text shows only inside a row, never as a line of the scanner's own.
        expect(lines.filter((l) => /^(No violations|VIOLATIONS|NOTHING)/.test(l))).toEqual([lines[2]])
        expect(lines[2]).toMatch(/^VIOLATIONS \(\d+\)$/)
      }),
      { numRuns: 60 },
    )
  })

  const nothing = (pages: PageResult[]) => renderReport(summarise([], pages, new Date()), [])

  it('never says "No violations." when no page was scanned', () => {
    const text = nothing([page({ loaded: false, phases: [], notes: ['not scanned: its host does not resolve'] })])
    expect(text).not.toContain('No violations')
    expect(text).toContain('NOTHING SCANNED: no page could be loaded')
    expect(text.indexOf('NOTHING SCANNED')).toBeLessThan(text.indexOf('NOT SCANNED\n'))
  })

  it('says a scan with a page not (fully) scanned is incomplete', () => {
    const v: Visit = { page: PAGE, phase: 'before', cookies: [], storage: [], requests: [] }
    const other = 'https://www.pisama.example/other'
    const pages = [
      page({ phases: ['before'], notes: ['"accept" visit skipped: no banner to click'] }),
      page({ url: other, loaded: false }),
    ]
    const text = renderReport(summarise([v], pages, new Date()), [v])
    expect(text).not.toMatch(/^No violations\.$/m)
    expect(text).toContain('No violations in what was scanned, but 2 pages were NOT (FULLY) SCANNED')
    expect(text).toContain('(NOT FULLY SCANNED: see below)')
    expect(complete(pages[0])).toBe(false)
    expect(complete(page())).toBe(true)
    expect(complete(page({ choice: null, phases: ['before'] }))).toBe(true)
  })

  it('describes each kind of page without contradiction, headless mode included', () => {
    const text = nothing([
      page({ url: 'https://a.example/', choice: 'api', banner: false }),
      page({ url: 'https://b.example/', choice: null, banner: false, phases: ['before'] }),
      page({ url: 'https://c.example/', consentGate: false, choice: null, banner: false, phases: ['before'] }),
    ])
    expect(text).toContain(
      'https://a.example/\n  consent-gate page that asks without its banner (headless mode): visited before a choice, after acceptAll() and after rejectAll() through its API\n',
    )
    expect(text).toContain(
      'https://b.example/\n  consent-gate page without a banner (nothing to ask): one visit, before any choice\n',
    )
    expect(text).toContain('https://c.example/\n  no consent-gate on this page: one visit, before any choice\n')
  })
})

describe('links a page hands the crawl', () => {
  const origin = 'https://www.pisama.example'

  it('follows same-origin URLs once, without fragment; reports links that are not URLs instead of throwing', () => {
    const links = [
      'http://[::1',
      `${origin}/a#top`,
      `${origin}/a`,
      'https://other.example/x',
      'javascript:alert(1)',
      `${origin}/seen`,
      'http://',
      `${origin}/b`,
    ]
    expect(crawlable(links, origin, new Set([`${origin}/seen`]))).toEqual({
      urls: [`${origin}/a`, `${origin}/b`],
      notes: ['2 links are not a URL and were not followed, e.g. "http://[::1"'],
    })
  })

  it('takes anything a page returns: not a list, not strings', () => {
    for (const links of [undefined, null, 'http://[::1', { length: 1, 0: 'x' }, [1, {}, null, ['a']]])
      expect(() => crawlable(links, origin, new Set())).not.toThrow()
    expect(crawlable([42], origin, new Set()).notes).toEqual(['1 link is not a URL and was not followed, e.g. "42"'])
  })
})

describe("a site's word on a name", () => {
  it('is its own only: an inherited word does not declare a cookie, nor one named like a prototype member', () => {
    const inherited = Object.create({ _ga: word('essential') }) as Record<string, SiteWord>
    const visit: Visit = {
      page: PAGE,
      phase: 'before',
      cookies: [cookie('_ga'), cookie('constructor'), cookie('__proto__')],
      storage: [{ name: 'hasOwnProperty', kind: 'local' }],
      requests: [],
      site: { cookies: inherited, storage: {} },
    }
    const report = summarise([visit], [page()], new Date())
    expect(report.cookies.map((c) => [c.name, c.class, c.declared])).toEqual([
      ['_ga', 'analytics', false],
      ['constructor', 'unknown', false],
      ['__proto__', 'unknown', false],
    ])
    expect(report.violations).toContainEqual(expect.objectContaining({ kind: 'cookie', name: '_ga', phase: 'before' }))
    expect(report.storage[0]).toMatchObject({ name: 'hasOwnProperty', declared: null })
  })
})
