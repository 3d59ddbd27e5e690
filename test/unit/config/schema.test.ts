// schema.json, the JSON Schema a site's editor completes its description with, held to the
// validator it describes: the same keys at every level, and the same verdict on a corpus of
// descriptions and on generated ones. What the schema cannot say (rules that depend on the page,
// or compare one value with another) is listed apart, so each difference is a decision.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { unknownTexts } from '../../../src/config/explain'
import { resolveConfig, type ConfigError, type Options } from '../../../src/config/options'
import { CATEGORIES, CLASSES, PRESETS, TRACKERS } from '../../../src/config/profiles'
import { STRING_KEYS } from '../../../src/config/strings'

const GA4 = { measurementId: 'G-ABC123' }
const GTM = { containerId: 'GTM-ABC123' }
const CLARITY = { projectId: 'abcdef1234' }
const UET = { tagId: '12345678' }

const root = join(import.meta.dirname, '../../..')
const schema = JSON.parse(readFileSync(join(root, 'schema.json'), 'utf8'))
// strictSchema: a keyword ajv does not know is an error, not silently nothing. Formats are hints for
// editors; the patterns carry what the validator checks.
const ajv = new Ajv2020({ strictSchema: true, allErrors: true, validateFormats: false })
const schemaAccepts = ajv.compile(schema)

/**
 * The SDK's verdict: resolveConfig's, and no text under a key the UI does not have (named on the
 * console, in the lazy chunk, rather than refused). A server's (no host): `cookieDomain` against
 * the page is a rule beyond the schema.
 */
const validatorAccepts = (description: unknown, host: string | null = null): boolean => {
  try {
    const config = resolveConfig(description as Options, host)
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    unknownTexts(config)
    const named = error.mock.calls.length
    error.mockRestore()
    return !named
  } catch (e) {
    // Only a refused option is a verdict; anything else is a bug to see.
    if (typeof (e as ConfigError).option !== 'string') throw e
    return false
  }
}

/** A key no option has: resolveConfig refuses it and lists the keys known where it stood. */
const PROBE = 'zzProbe'
/** Maps by any key, and a key each accepts, so the walk reaches what they hold. */
const MAPS: Record<string, string> = { texts: 'de' }

/** Every object of fixed keys the validator knows, by path (`cookies.[]`, `texts.*`), with its keys. */
function validatorKeys(): Record<string, string[]> {
  const tree: Record<string, string[]> = {}
  const walk = (path: string[], at: (leaf: object) => object) => {
    let keys: string[] | undefined
    try {
      resolveConfig(at({ [PROBE]: 1 }) as Options, null)
    } catch (e) {
      const { rule, option, args } = e as ConfigError
      if (rule === 'known' && (option === PROBE || option.endsWith('.' + PROBE))) keys = Object.keys(args[0] as object)
    }
    if (!keys) return
    tree[path.join('.')] = keys.sort()
    for (const k of keys) {
      walk([...path, k], (leaf) => at({ [k]: leaf }))
      walk([...path, k, '[]'], (leaf) => at({ [k]: [leaf] }))
      if (k in MAPS) walk([...path, k, '*'], (leaf) => at({ [k]: { [MAPS[k]]: leaf } }))
    }
  }
  walk([], (leaf) => leaf)
  // Texts take any key there; the lazy check names one the UI does not have.
  tree.strings = tree['texts.*'] = [...STRING_KEYS].sort()
  return tree
}

const deref = (node: any): any => (node?.$ref ? deref(schema.$defs[node.$ref.replace('#/$defs/', '')]) : node)

/** The same from the schema, checking on the way that each such object refuses other keys. */
function schemaKeys(): Record<string, string[]> {
  const tree: Record<string, string[]> = {}
  const walk = (path: string[], node: any) => {
    node = deref(node)
    if (!node || typeof node !== 'object') return
    for (const alternative of node.anyOf ?? []) walk(path, alternative)
    if (node.properties) {
      expect(node.additionalProperties, `${path.join('.') || 'the top level'} must refuse unknown keys`).toBe(false)
      tree[path.join('.')] = Object.keys(node.properties).sort()
      for (const [k, v] of Object.entries(node.properties)) walk([...path, k], v)
    }
    if (node.items) walk([...path, '[]'], node.items)
    if (typeof node.additionalProperties === 'object') walk([...path, '*'], node.additionalProperties)
  }
  walk([], schema)
  return tree
}

describe('schema.json', () => {
  it('is a draft 2020-12 schema with an $id, shipped in the package as consent-gate/schema.json', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.$id).toMatch(/^https:\/\/.+\/schema\.json$/)
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(pkg.files).toContain('schema.json')
    expect(pkg.exports['./schema.json']).toBe('./schema.json')
  })

  it('knows every key the validator knows, at every level, and no other', () => {
    const validator = validatorKeys()
    // A function is not JSON: a description file cannot hold one.
    validator[''] = validator[''].filter((k) => k !== 'onConsent')
    expect(Object.keys(validator)).toEqual(expect.arrayContaining(['', 'ga4', 'cookies.[]', 'profile.cookies.[]', 'texts.*']))
    expect(schemaKeys()).toEqual(validator)
  })

  it("lists the validator's own values for classes, categories, trackers and presets", () => {
    const { properties: top, $defs } = schema
    expect($defs.declaration.properties.class.enum).toEqual(CLASSES)
    expect(top.categories.items.enum).toEqual(CATEGORIES)
    expect(top.profile.properties.trackers.items.enum).toEqual(TRACKERS)
    expect(top.profile.properties.name.not.enum).toEqual(Object.keys(PRESETS))
  })

  it('holds each preset to the trackers it runs, as the validator does', () => {
    const sample = { ga4: GA4, gtm: GTM, clarity: CLARITY, uet: UET, vercel: true }
    for (const site of Object.keys(PRESETS))
      for (const t of TRACKERS) {
        const description = { site, [t]: sample[t] }
        expect(schemaAccepts(description), JSON.stringify(description)).toBe(validatorAccepts(description))
      }
  })

  it('has examples that both the schema and the validator accept', () => {
    for (const example of schema.examples) expect([schemaAccepts(example), validatorAccepts(example)]).toEqual([true, true])
    for (const [key, property] of Object.entries<any>(schema.properties))
      for (const example of property.examples ?? []) {
        const description = { site: 'acme', [key]: example }
        expect([schemaAccepts(description), validatorAccepts(description)], JSON.stringify(description)).toEqual([true, true])
      }
  })

  it("takes docs/options.md's description of every option, which names every option JSON can hold", () => {
    const doc = readFileSync(join(root, 'docs/options.md'), 'utf8')
    const json = doc.split('## Every option at once')[1]?.match(/```json\n([\s\S]*?)```/)?.[1]
    const description = JSON.parse(json!)
    expect(schemaAccepts(description), JSON.stringify(schemaAccepts.errors)).toBe(true)
    expect(validatorAccepts(description, 'www.acme.example')).toBe(true)
    // The rest are said in words there: never and profile exclude options it uses, nonce is the tag's.
    const named = [...Object.keys(description), 'never', 'profile', 'nonce', 'onConsent'].sort()
    expect(named).toEqual([...validatorKeys()['']].sort())
  })

  it('lets a description name its schema, which resolveConfig then drops', () => {
    const config = resolveConfig({ $schema: './node_modules/consent-gate/schema.json', site: 'acme' })
    expect(config.profile.name).toBe('acme')
    expect(config).not.toHaveProperty('$schema')
  })
})

// [what, description, verdict]: the schema and resolveConfig must both give the verdict.
const CORPUS: [string, object, boolean][] = [
  ['the smallest description', { site: 'acme' }, true],
  ['a description naming its schema', { $schema: './node_modules/consent-gate/schema.json', site: 'acme' }, true],
  ['the pisama preset with its trackers', { site: 'pisama', ga4: GA4, vercel: true }, true],
  ['the pigi preset', { site: 'pigi' }, true],
  ['a name with dots, dashes and underscores', { site: 'www.acme-shop_2' }, true],
  [
    'every tracker, advanced Consent Mode',
    { site: 'acme', ga4: GA4, gtm: GTM, clarity: CLARITY, uet: UET, vercel: true, consentMode: 'advanced' },
    true,
  ],
  [
    'a site with no trackers and its own cookies',
    {
      site: 'acme',
      never: true,
      cookies: [
        { name: 'acme_session', class: 'session' },
        { name: 'acme_theme', class: 'essential', storage: 'localStorage' },
      ],
    },
    true,
  ],
  [
    'the older form, a profile',
    { profile: { name: 'acme', cookies: [{ name: 'acme_sid', class: 'session' }], trackers: ['ga4'] }, ga4: GA4 },
    true,
  ],
  ['a profile named like a site could not be', { profile: { name: 'Acme Shop, Inc.' } }, true],
  [
    'declarations by name alone and by prefix',
    {
      site: 'acme',
      cookies: [{ name: 'acme_session' }, { name: 'acme_ab_*', purpose: 'A/B tests', lifetime: '30 days', provider: 'Acme' }],
    },
    true,
  ],
  [
    'texts by language, one not shipped',
    {
      site: 'acme',
      texts: { de: { title: 'Ihre Wahl' }, 'pt-BR': { acceptAll: 'Aceitar' }, 'zh-Hant': {}, tlh: { title: 'Qapla’' } },
    },
    true,
  ],
  [
    'texts for every language, with purposes by cookie name',
    { site: 'acme', strings: { title: 'Cookies', about: { acme_session: 'Keeps you signed in', 'any name at all': 'x' } } },
    true,
  ],
  ['a shared cookie domain, dotted', { site: 'acme', cookieDomain: '.acme.example' }, true],
  ['a numeric revision', { site: 'acme', revision: 2 }, true],
  ['a dated revision', { site: 'acme', revision: '2026-03' }, true],
  ['lifetimes at the bounds and between', { site: 'acme', lifetimeDays: 395 }, true],
  ['a fractional lifetime', { site: 'acme', lifetimeDays: 30.5 }, true],
  [
    'links relative and absolute',
    { site: 'acme', policyUrl: 'https://www.acme.example/privacy', receiptUrl: '/api/consent' },
    true,
  ],
  [
    'gtag.js from Google and from a gateway on the site',
    {
      site: 'acme',
      ga4: { ...GA4, scriptUrl: 'https://www.googletagmanager.com/gtag/js' },
      gtm: { ...GTM, scriptUrl: '/metrics/gtm.js' },
    },
    true,
  ],
  ["Vercel's script from elsewhere on the site", { site: 'acme', vercel: { scriptSrc: '/va/script.js' } }, true],
  ['categories offered without a tracker', { site: 'acme', categories: ['marketing', 'functional'] }, true],
  [
    'look and behaviour',
    {
      site: 'acme',
      theme: 'dark',
      layout: 'bar',
      position: 'top',
      ui: false,
      floatingButton: true,
      gpc: false,
      lang: 'de',
      nonce: 'r4nd0m',
    },
    true,
  ],
  ['a __Host- consent cookie on one host', { site: 'acme', cookieName: '__Host-consent' }, true],
  ['a consent cookie that only looks like Google’s', { site: 'acme', cookieName: '_gateway' }, true],
  ['a site with no trackers, Vercel said off', { site: 'acme', never: true, vercel: false, consentMode: 'basic' }, true],
  ['no site and no profile', {}, false],
  ['both a site and a profile', { site: 'acme', profile: { name: 'acme' } }, false],
  ['a site name with a space', { site: 'acme shop' }, false],
  ['an empty site name', { site: '' }, false],
  ['a site name of 65 characters', { site: 'a'.repeat(65) }, false],
  ["a profile taking a preset's name", { profile: { name: 'pisama' } }, false],
  ['an unknown option', { site: 'acme', gaa4: GA4 }, false],
  ['a nested typo', { site: 'acme', ga4: { ...GA4, scriptURL: '/gtag.js' } }, false],
  ['a typo among the texts', { site: 'acme', strings: { acceptAl: 'OK' } }, false],
  ['a typo in one language', { site: 'acme', texts: { de: { acceptAl: 'OK' } } }, false],
  ['a cookie attribute the SDK does not know', { site: 'acme', cookies: [{ name: 'x', sameSite: 'Lax' }] }, false],
  ['onConsent as a string', { site: 'acme', onConsent: 'alert(1)' }, false],
  ['a Universal Analytics ID', { site: 'acme', ga4: { measurementId: 'UA-1234-1' } }, false],
  ['a measurement ID in lower case', { site: 'acme', ga4: { measurementId: 'G-abc123' } }, false],
  ['GA4 without its ID', { site: 'acme', ga4: { scriptUrl: '/gtag.js' } }, false],
  ['a GA4 ID for Tag Manager', { site: 'acme', gtm: { containerId: 'G-ABC123' } }, false],
  ['a Clarity ID with a dash', { site: 'acme', clarity: { projectId: 'abc-123' } }, false],
  ['a Clarity ID of 33 characters', { site: 'acme', clarity: { projectId: 'a'.repeat(33) } }, false],
  ['a UET ID as a number', { site: 'acme', uet: { tagId: 12345678 } }, false],
  ['a UET ID of 17 digits', { site: 'acme', uet: { tagId: '1'.repeat(17) } }, false],
  ['Vercel as a word', { site: 'acme', vercel: 'yes' }, false],
  ['Vercel with a misnamed source', { site: 'acme', vercel: { src: '/va.js' } }, false],
  ['an unknown Consent Mode', { site: 'acme', consentMode: 'full' }, false],
  ['an unknown category', { site: 'acme', categories: ['ads'] }, false],
  ['categories as a string', { site: 'acme', categories: 'analytics' }, false],
  ['a consent cookie name with a space', { site: 'acme', cookieName: 'consent gate' }, false],
  ["a consent cookie named like Google's", { site: 'acme', cookieName: '_ga' }, false],
  ["a consent cookie named like Google's with a suffix", { site: 'acme', cookieName: '_gcl_au' }, false],
  ['a cookie domain with a scheme', { site: 'acme', cookieDomain: 'https://acme.example' }, false],
  ['a __Host- consent cookie with a domain', { site: 'acme', cookieName: '__Host-consent', cookieDomain: 'acme.example' }, false],
  ['a lifetime of 0 days', { site: 'acme', lifetimeDays: 0 }, false],
  ['a lifetime over 13 months', { site: 'acme', lifetimeDays: 396 }, false],
  ['a lifetime as a string', { site: 'acme', lifetimeDays: '30' }, false],
  ['an empty revision', { site: 'acme', revision: '' }, false],
  ['a revision with a space', { site: 'acme', revision: 'v 2' }, false],
  ['a revision that prints with a "+"', { site: 'acme', revision: 1e21 }, false],
  ['a javascript: link', { site: 'acme', policyUrl: 'javascript:alert(1)' }, false],
  ['a javascript: link in capitals', { site: 'acme', policyUrl: 'JAVASCRIPT:alert(1)' }, false],
  ['a data: link', { site: 'acme', receiptUrl: 'data:text/html,hi' }, false],
  ['a mailto: link', { site: 'acme', policyUrl: 'mailto:privacy@acme.example' }, false],
  ['an empty link', { site: 'acme', policyUrl: '' }, false],
  ['a javascript: script URL', { site: 'acme', ga4: { ...GA4, scriptUrl: 'javascript:alert(1)' } }, false],
  ['a language that is not a tag', { site: 'acme', texts: { english: { title: 'x' } } }, false],
  ['a language tag with an underscore', { site: 'acme', texts: { de_DE: { title: 'x' } } }, false],
  ['an empty text', { site: 'acme', texts: { de: { title: '' } } }, false],
  ['purposes as a string', { site: 'acme', strings: { about: 'x' } }, false],
  ['a declaration of every cookie', { site: 'acme', cookies: [{ name: '*' }] }, false],
  ['a declaration of an unknown class', { site: 'acme', cookies: [{ name: 'x', class: 'tracking' }] }, false],
  ['a declaration in IndexedDB', { site: 'acme', cookies: [{ name: 'x', storage: 'indexedDB' }] }, false],
  ['a theme of a colour', { site: 'acme', theme: 'blue' }, false],
  ['a modal layout', { site: 'acme', layout: 'modal' }, false],
  ['a banner on the left', { site: 'acme', position: 'left' }, false],
  ['never as a word', { site: 'acme', never: 'yes' }, false],
  ['never, with GA4', { site: 'acme', never: true, ga4: GA4 }, false],
  ['never, with Clarity', { site: 'acme', never: true, clarity: CLARITY }, false],
  ['never, with Vercel', { site: 'acme', never: true, vercel: true }, false],
  ['never, with advanced Consent Mode', { site: 'acme', never: true, consentMode: 'advanced' }, false],
  ['never, offering a category', { site: 'acme', never: true, categories: ['analytics'] }, false],
  [
    'never, declaring an analytics cookie',
    { site: 'acme', never: true, cookies: [{ name: '_pk_id', class: 'analytics' }] },
    false,
  ],
  ['pigi with Tag Manager', { site: 'pigi', gtm: GTM }, false],
  ['pigi offering marketing', { site: 'pigi', categories: ['marketing'] }, false],
  ['pisama with Tag Manager', { site: 'pisama', gtm: GTM }, false],
  ['pisama with UET', { site: 'pisama', uet: UET }, false],
  ['a profile running a tracker it does not list', { profile: { name: 'acme', trackers: ['ga4'] }, clarity: CLARITY }, false],
  ['a profile with no trackers, with UET', { profile: { name: 'acme', trackers: [] }, uet: UET }, false],
  [
    'a profile with no trackers, declaring a marketing cookie',
    { profile: { name: 'acme', trackers: [], cookies: [{ name: '_fbp', class: 'marketing' }] } },
    false,
  ],
  ['a profile with a tracker the SDK does not have', { profile: { name: 'acme', trackers: ['matomo'] } }, false],
  ['an empty $schema', { $schema: '', site: 'acme' }, true],
]

describe('schema.json and resolveConfig give the same verdict', () => {
  it.each(CORPUS)('on %s', (_, description, verdict) => {
    expect(schemaAccepts(description), JSON.stringify(ajv.errorsText(schemaAccepts.errors))).toBe(verdict)
    expect(validatorAccepts(description)).toBe(verdict)
  })

  // Values near each rule's edge, in descriptions of a few options each: mostly ones meant to
  // pass, sometimes one just past the edge (the verdict is the validator's, whatever was meant).
  const edge = <T>(valid: T[], invalid: T[]) =>
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) })
  const url = edge<unknown>(
    ['/privacy', 'https://www.acme.example/p', 'http://acme.example'],
    ['javascript:x', 'Data:x', 'mailto:a@b', '', 7],
  )
  const script = (host: string) => edge(['/gateway.js', host], ['javascript:x', ''])
  /** A tracker's options: its ID, sometimes left out, and where its script is. */
  const tracker = (id: string, ids: string[], bad: unknown[], host?: string) =>
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record<Record<string, unknown>>(
          { [id]: edge<unknown>(ids, bad), ...(host && { scriptUrl: script(host) }) },
          { requiredKeys: [id] },
        ),
      },
      { weight: 1, arbitrary: fc.constant({}) },
    )
  const declaration = fc.record(
    {
      name: edge(['acme_session', 'acme_ab_*'], ['*', '', 'x'.repeat(201)]),
      class: edge<string>(CLASSES, ['tracking']),
      purpose: edge(['Keeps you signed in'], ['']),
      storage: edge(['cookie', 'localStorage', 'none'], ['indexedDB']),
      sameSite: fc.constant('Lax'),
    },
    { requiredKeys: ['name'] },
  )
  const texts = fc.dictionary(
    edge(['title', 'acceptAll', 'about'], ['acceptAl']),
    edge<unknown>(['Hi', { acme_x: 'Why' }], ['', 3]),
    {
      maxKeys: 2,
    },
  )
  const OPTIONS: Record<string, fc.Arbitrary<unknown>> = {
    $schema: fc.constantFrom('./schema.json', ''),
    site: edge<unknown>(['acme', 'pisama', 'pigi', 'a.b-c_d'], ['acme shop', '', 'x'.repeat(65), 7]),
    never: edge<unknown>([true, false], ['yes']),
    profile: fc.record(
      {
        name: edge(['acme', 'Acme, Inc.'], ['pisama', '', 'x'.repeat(65)]),
        cookies: fc.array(declaration, { maxLength: 2 }),
        trackers: fc.subarray([...TRACKERS, 'matomo']),
      },
      { requiredKeys: [] },
    ),
    cookies: fc.oneof(fc.array(declaration, { maxLength: 2 }), fc.constant('acme_session')),
    ga4: tracker('measurementId', ['G-ABC123'], ['G-abc', 'UA-1-1', ''], 'https://www.googletagmanager.com/gtag/js'),
    gtm: tracker('containerId', ['GTM-AB12'], ['GTM-', 'G-AB12'], 'https://www.googletagmanager.com/gtm.js'),
    clarity: tracker('projectId', ['abc123', 'ABC', 'a'.repeat(32)], ['a-b', 'a'.repeat(33)]),
    uet: tracker('tagId', ['1234', '1'.repeat(16)], ['1'.repeat(17), 'x1', 1234]),
    vercel: fc.oneof(
      edge<unknown>([true, false, {}], ['yes']),
      fc.record({ scriptSrc: script('https://va.vercel-scripts.com/v1/script.js') }),
    ),
    consentMode: edge(['basic', 'advanced'], ['full']),
    categories: fc.subarray(['functional', 'analytics', 'marketing', 'ads']),
    cookieName: edge(['consent_gate', 'cg_choice', '__Host-cg', '_gateway'], ['_ga', '_gac_x', 'bad name', '']),
    cookieDomain: edge(['acme.example', '.acme.example'], ['acme..example', 'http://acme.example', '']),
    lifetimeDays: edge<unknown>([1, 395, 30.5], [0, 396, '30']),
    revision: edge<unknown>(['1', 2, -5, 1.5, '2026-03'], ['', 'a b', 1e21, 'x'.repeat(33)]),
    gpc: edge<unknown>([true, false], ['no']),
    policyUrl: url,
    receiptUrl: url,
    lang: edge<unknown>(['de'], ['', 1]),
    nonce: edge(['abc'], ['']),
    strings: texts,
    texts: fc.dictionary(edge(['de', 'pt-BR', 'zh-Hant'], ['english', 'de_DE', 'x']), texts, { maxKeys: 2 }),
    theme: edge(['auto', 'light', 'dark'], ['blue']),
    layout: edge(['box', 'bar'], ['modal']),
    position: edge(['bottom', 'top'], ['left']),
    floatingButton: edge<unknown>([true], [1]),
    ui: edge<unknown>([false], ['off']),
    typo: fc.constant(1),
  }
  const descriptions = fc
    .tuple(
      fc.subarray(Object.keys(OPTIONS), { maxLength: 4 }),
      fc.constantFrom(['site'], ['site'], ['profile'], [], ['site', 'profile']),
    )
    .chain(([some, naming]) => fc.record(Object.fromEntries([...naming, ...some].map((k) => [k, OPTIONS[k]]))))

  it('on generated descriptions', () => {
    const seen = { true: 0, false: 0 }
    fc.assert(
      fc.property(descriptions, (description) => {
        const verdict = validatorAccepts(description)
        seen[`${verdict}`]++
        expect(schemaAccepts(description), JSON.stringify(description)).toBe(verdict)
      }),
      { numRuns: 2000 },
    )
    // Both verdicts came up often enough for the comparison to mean something.
    expect(Math.min(seen.true, seen.false)).toBeGreaterThan(200)
  })
})

describe('what the schema cannot say', () => {
  // The schema accepts these; the gate refuses them when it starts, with the option named.
  const BEYOND: [string, object, string | null][] = [
    [
      "a cookie domain that is not the page's host or a parent",
      { site: 'acme', cookieDomain: 'other.example' },
      'www.acme.example',
    ],
    ['a top-level cookie domain', { site: 'acme', cookieDomain: 'example' }, 'www.acme.example'],
    [
      "gtag.js from a host that is neither the page's nor Google's",
      { site: 'acme', ga4: { ...GA4, scriptUrl: 'https://cdn.example/gtag.js' } },
      null,
    ],
    [
      'a consent cookie named like a declared one',
      { site: 'acme', cookies: [{ name: 'acme_*' }], cookieName: 'acme_consent' },
      null,
    ],
    ["a consent cookie named like a preset's", { site: 'pisama', cookieName: 'pisama_session' }, null],
    ["a consent cookie named like a tracker's", { site: 'acme', clarity: CLARITY, cookieName: '_clck' }, null],
    // JSON Schema counts characters; the validator, JavaScript's UTF-16 code units.
    ['a profile name of 40 emoji', { profile: { name: '😀'.repeat(40) } }, null],
  ]
  it.each(BEYOND)('%s is left to the gate', (_, description, host) => {
    expect(schemaAccepts(description)).toBe(true)
    expect(validatorAccepts(description, host)).toBe(false)
  })

  // The schema refuses these; the validator takes them, for descriptions built by programs.
  const STRICTER: [string, object][] = [
    ['null for an option not given', { site: 'acme', ga4: null }],
    ['a link with a tab in it', { site: 'acme', policyUrl: '/pri\tvacy' }],
    ['a link after spaces', { site: 'acme', policyUrl: '  /privacy' }],
    // resolveConfig reads nothing of it; an editor only follows a string.
    ['a $schema that is not a string', { $schema: 1, site: 'acme' }],
  ]
  it.each(STRICTER)('%s is refused by the schema only', (_, description) => {
    expect(schemaAccepts(description)).toBe(false)
    expect(validatorAccepts(description)).toBe(true)
  })
})
