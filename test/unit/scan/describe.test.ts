// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../../src/config/options'
import { parseInitArgs, UsageError } from '../../../src/scan/args'
import { main } from '../../../src/scan/cli'
import { snippets } from '../../../src/scan/init'
import { describeSite, policyOf, sighting, siteName } from '../../../src/scan/describe'
import { summarise, type SeenCookie, type Visit } from '../../../src/scan/findings'
import { ACME_TRACKERS, cookie as pisamaCookie, plainPage } from './fixtures'

const PAGE = 'https://www.acme.example/'
const cookie = (name: string, extra: Partial<SeenCookie> = {}) => pisamaCookie(name, { domain: 'www.acme.example', ...extra })
const REQUESTS = [
  'https://www.googletagmanager.com/gtag/js?id=G-ACME123',
  'https://www.google-analytics.com/g/collect?v=2&tid=G-ACME123&cid=1.2',
  'https://www.googletagmanager.com/gtm.js?id=GTM-ACME12&l=dataLayer',
  'https://www.clarity.ms/tag/acme1234',
  'https://k.clarity.ms/collect',
  'https://bat.bing.com/bat.js',
  'https://bat.bing.com/action/0?ti=12345678&evt=pageLoad',
  PAGE + '_vercel/insights/script.js',
]
/** A page without consent-gate, seen once before any choice. */
const scan = (visit: Partial<Visit>) => {
  const v: Visit = { page: PAGE, phase: 'before', cookies: [], storage: [], requests: [], ...visit }
  return {
    report: summarise([v], [plainPage(PAGE)], new Date(0)),
    requests: v.requests,
    links: [] as string[],
  }
}
const ACME = scan({
  cookies: [
    cookie('_acme_session', { httpOnly: true }),
    cookie('_ga'),
    cookie('_ga_ACME123'),
    cookie('_gid'),
    cookie('_clck'),
    cookie('_uetsid'),
    cookie('_hjSessionUser_42'),
    cookie('_hjSessionUser_43'),
    cookie('consent_gate'),
    cookie('_fbp', { domain: '.facebook.example' }),
  ],
  storage: [
    { name: 'theme', kind: 'local' },
    { name: 'cart', kind: 'session' },
  ],
  requests: REQUESTS,
})

describe('a site description from what a scan found (consent-gate init)', () => {
  it('recognises every tracker the SDK loads, with its id, from the requests that name it', () => {
    const { description, notes } = describeSite(ACME, { site: 'acme', never: false })
    expect(description).toMatchObject({
      site: 'acme',
      ...ACME_TRACKERS,
    })
    expect(notes).toEqual([])
  })

  it('declares every first-party cookie and key with its class, a catalogue prefix once, and not what the trackers declare', () => {
    const { description, unclassified } = describeSite(ACME, { site: 'acme', never: false })
    expect(description.cookies).toEqual([
      { name: '_acme_session', class: 'session' },
      { name: '_gid', class: 'analytics' },
      { name: '_hjSessionUser_*', class: 'analytics' },
      { name: 'theme', storage: 'localStorage' },
      { name: 'cart', class: 'essential', storage: 'sessionStorage' },
    ])
    // The catalogue does not know them: no class is made up, the site is told to give one.
    expect(unclassified).toEqual(['theme (localStorage)'])
    expect(description.categories).toEqual(['analytics', 'marketing'])
  })

  it('writes what the validator accepts, declaring every cookie found (the trackers’ through resolveConfig)', () => {
    const { description } = describeSite(ACME, { site: 'acme', never: false })
    const config = resolveConfig(description, null)
    const again = summarise(
      [
        {
          page: PAGE,
          phase: 'before',
          cookies: ACME.report.cookies.map((c) => cookie(c.name, { domain: c.domain })),
          storage: [],
          requests: [],
        },
      ],
      ACME.report.visits,
      new Date(0),
      config.cookies,
    )
    expect(again.violations.filter((v) => v.kind === 'undeclared')).toEqual([])
    expect(again.cookies.find((c) => c.name === '_clck')).toMatchObject({ declared: true, class: 'analytics' })
  })

  it('names a cookie left out of a description as undeclared when a scan checks against it', () => {
    const { description } = describeSite(ACME, { site: 'acme', never: false })
    const config = resolveConfig(
      { ...description, cookies: description.cookies!.filter((c) => c.name !== '_acme_session') },
      null,
    )
    const again = summarise(
      [{ page: PAGE, phase: 'before', cookies: [cookie('_acme_session')], storage: [], requests: [] }],
      ACME.report.visits,
      new Date(0),
      config.cookies,
    )
    expect(again.violations).toEqual([expect.objectContaining({ kind: 'undeclared', name: '_acme_session' })])
  })

  it('checks a consent-gate page against the description too, over its own word', () => {
    const visit: Visit = {
      page: PAGE,
      phase: 'before',
      cookies: [cookie('_acme_session')],
      storage: [],
      requests: [],
      site: { cookies: { _acme_session: { class: 'unknown', declared: false } }, storage: {} },
    }
    const pages = [{ ...plainPage(PAGE), consentGate: true }]
    expect(summarise([visit], pages, new Date(0)).violations).toEqual([expect.objectContaining({ kind: 'undeclared' })])
    const described = resolveConfig({ site: 'acme', cookies: [{ name: '_acme_session', class: 'session' }] }, null).cookies
    expect(summarise([visit], pages, new Date(0), described)).toMatchObject({
      violations: [],
      cookies: [{ name: '_acme_session', class: 'session', declared: true }],
    })
  })

  it('prints the description inside its script element so that no name a page chose can end it or reach the terminal raw', () => {
    const printed = snippets(
      { site: 'acme', cookies: [{ name: '</script><script>alert(1)//\u202e\x1b' }] },
      'consent-gate.json',
      [PAGE],
    )
    const inline = printed.slice(printed.indexOf('id="consent-gate-config">') + 25, printed.indexOf('</script>\n<script src='))
    expect(JSON.parse(inline)).toEqual({ site: 'acme', cookies: [{ name: '</script><script>alert(1)//\u202e\x1b' }] })
    expect(inline).not.toMatch(/<|[^\x20-\x7e\n]/)
  })

  it('with never: no tracker and nothing needing consent is written, each listed as breaking the promise', () => {
    const { description, broken } = describeSite(ACME, { site: 'acme', never: true })
    expect(description).toEqual({
      $schema: './node_modules/consent-gate/schema.json',
      site: 'acme',
      never: true,
      cookies: [
        { name: '_acme_session', class: 'session' },
        { name: 'theme', storage: 'localStorage' },
        { name: 'cart', class: 'essential', storage: 'sessionStorage' },
      ],
    })
    expect(() => resolveConfig(description, null)).not.toThrow()
    expect(broken).toEqual(
      expect.arrayContaining([
        'analytics cookie _ga',
        'marketing cookie _uetsid',
        'requests to Google Tag Manager (analytics)',
        'requests to Google Analytics (analytics)',
        'requests to Microsoft Clarity (analytics)',
        'requests to Microsoft Advertising (marketing)',
        'requests to Vercel Web Analytics (analytics)',
      ]),
    )
  })

  it('offers nothing, and says so, where nothing needs consent', () => {
    const { description, notes } = describeSite(scan({ cookies: [cookie('_acme_session')] }), { site: 'acme', never: false })
    expect(description).not.toHaveProperty('categories')
    expect(notes).toContain('found nothing that needs consent: no banner will show. A site that promises to stay so: --never')
  })

  it('keeps the first id of a tracker, notes another, and notes trackers the SDK does not load with their category', () => {
    const found = describeSite(
      scan({
        requests: [
          'https://www.googletagmanager.com/gtag/js?id=G-FIRST',
          'https://www.googletagmanager.com/gtag/js?id=G-SECOND',
          'https://connect.facebook.net/en_US/fbevents.js',
        ],
      }),
      { site: 'acme', never: false },
    )
    expect(found.description).toMatchObject({ ga4: { measurementId: 'G-FIRST' }, categories: ['analytics', 'marketing'] })
    expect(found.notes).toEqual([
      'also found ga4 "G-SECOND": a description names one; load the other yourself, gated by consent',
      'requests to Meta Pixel: consent-gate does not load it; gate its tag with <script type="text/plain" data-consent="marketing">',
    ])
  })

  it('leaves out an id or a name the validator refuses, saying so', () => {
    const found = describeSite(
      scan({
        cookies: [cookie('x'.repeat(201)), cookie('odd*')],
        requests: ['https://www.clarity.ms/tag/not-an-id!', 'https://bat.bing.com/action/0?ti=abc'],
      }),
      { site: 'acme', never: false },
    )
    expect(found.description).not.toHaveProperty('clarity')
    expect(found.description).not.toHaveProperty('uet')
    expect(found.description).not.toHaveProperty('cookies')
    // Its requests still show what the site does: Clarity's analytics and UET's marketing.
    expect(found.description.categories).toEqual(['analytics', 'marketing'])
    expect(found.notes).toEqual([
      'left out clarity "not-an-id!": not an id consent-gate accepts',
      'left out uet "abc": not an id consent-gate accepts',
      `left out "${'x'.repeat(201)}": not a name a description can declare`,
      'left out "odd*": a "*" in a declaration makes it a prefix',
    ])
  })

  it.each([
    ['https://www.googletagmanager.com/gtag/js?id=G-ABC', { tracker: 'ga4', option: { measurementId: 'G-ABC' } }],
    ['https://region1.google-analytics.com/g/collect?tid=G-XYZ', { tracker: 'ga4', option: { measurementId: 'G-XYZ' } }],
    ['https://www.googletagmanager.com/gtm.js?id=GTM-AB12', { tracker: 'gtm', option: { containerId: 'GTM-AB12' } }],
    ['https://www.clarity.ms/tag/abc123', { tracker: 'clarity', option: { projectId: 'abc123' } }],
    ['https://bat.bing.com/action/0?ti=987&evt=pageLoad', { tracker: 'uet', option: { tagId: '987' } }],
    ['https://va.vercel-scripts.com/v1/script.js', { tracker: 'vercel', option: true }],
    ['https://shop.example/_vercel/insights/script.js', { tracker: 'vercel', option: true }],
  ])('recognises %s', (url, seen) => expect(sighting(url)).toMatchObject(seen))

  it.each([
    ['https://www.googletagmanager.com/gtag/js?id=AW-123', null],
    ['https://bat.bing.com/bat.js', null],
    ['https://connect.facebook.net/en_US/fbevents.js', undefined],
    ['https://www.acme.example/gtag/js?id=G-ABC', undefined],
    ['not a url', undefined],
  ])('finds no id of its trackers in %s', (url, seen) => expect(sighting(url)).toBe(seen))

  it.each([
    ['www.acme.test', 'acme'],
    ['acme.com', 'acme'],
    ['WWW.Acme.Example.', 'acme'],
    ['shop.acme.co.uk', 'shop.acme'],
    ['acme.co.uk', 'acme'],
    ['localhost', undefined],
    ['127.0.0.1', undefined],
    ['[::1]', undefined],
    ['www.pisama.test', undefined],
    ['pigi.example', undefined],
  ])('names the site of %s %j', (host, name) => expect(siteName(host)).toBe(name))

  it('finds a privacy policy link, as a path on the site itself', () => {
    expect(
      policyOf(['https://www.acme.example/about', 'https://www.acme.example/legal/privacy?x=1'], 'https://www.acme.example'),
    ).toBe('/legal/privacy?x=1')
    expect(policyOf(['https://legal.acme.example/datenschutz'], 'https://www.acme.example')).toBe(
      'https://legal.acme.example/datenschutz',
    )
    expect(policyOf(['javascript:privacy()', 'https://www.acme.example/pricing'], 'https://www.acme.example')).toBeUndefined()
  })
})

describe('consent-gate init arguments', () => {
  it('reads URLs, the scan’s options and its own', () => {
    expect(
      parseInitArgs(['https://a.example/', '--never', '--force', '--out', 'site.json', '--site=acme', '--crawl', '2']),
    ).toEqual({
      urls: ['https://a.example/'],
      crawl: 2,
      timeout: 15_000,
      allow: [],
      headers: {},
      out: 'site.json',
      site: 'acme',
      never: true,
      force: true,
    })
    expect(parseInitArgs(['https://a.example/'])).toMatchObject({ out: 'consent-gate.json', never: false, force: false })
  })

  it.each([
    [['https://a.example/', '--never=yes'], 'option --never takes no value'],
    [['https://a.example/', '--json', 'x.json'], 'unknown option --json'],
    [['https://a.example/', '--out'], 'option --out needs a value'],
    [[], 'give at least one URL'],
  ])('refuses %j: %s', (args, message) => {
    expect(() => parseInitArgs(args)).toThrow(UsageError)
    expect(() => parseInitArgs(args)).toThrow(message)
  })

  const io = () => {
    const out = { stdout: '', stderr: '' }
    const streams = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } }
    return { out, streams }
  }

  it.each([
    [['--site', 'pisama'], '--site needs a name of up to 64 letters, digits, ".", "_" or "-" that is not a preset'],
    [['--site', 'a b'], '--site needs a name'],
    [[], 'cannot name the site after its host "127.0.0.1"; give it a name: --site acme'],
  ])('exits 2 before scanning for a site it cannot name: %j', async (args, message) => {
    const { out, streams } = io()
    expect(await main(['init', 'http://127.0.0.1:9/', ...args], streams)).toBe(2)
    expect(out.stderr).toContain(message)
  })

  it('exits 2 before scanning when the file is there, without --force', async () => {
    const { out, streams } = io()
    expect(await main(['init', 'https://www.acme.example/', '--out', 'package.json'], streams)).toBe(2)
    expect(out.stderr).toContain('package.json already exists and was left as it is; --force replaces it')
  })

  it('is listed in consent-gate --help, and has its own', async () => {
    const { out, streams } = io()
    expect(await main(['--help'], streams)).toBe(0)
    expect(out.stdout).toContain('Usage: consent-gate init <url…> [options]')
    expect(out.stdout).toContain('Usage: consent-gate scan <url…> [options]')
    expect(await main(['init', '--help'], streams)).toBe(0)
    expect(out.stdout).toContain('--never')
  })
})
