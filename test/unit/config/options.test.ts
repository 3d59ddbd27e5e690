import { describe, expect, it } from 'vitest'
import { de, en, messagesFor } from '../messages'
import { explain } from '../../../src/config/explain'
import { resolveConfig, type ConfigError, type Options } from '../../../src/config/options'

const GA = { measurementId: 'G-TEST1234' }
const TRACKER_OPTIONS = {
  ga4: GA,
  gtm: { containerId: 'GTM-TEST12' },
  clarity: { projectId: 'abc123' },
  uet: { tagId: '1234567' },
  vercel: true,
}

/** resolveConfig with its errors worded in full, as the npm entry throws them. */
const resolve = (options: Options) => {
  try {
    return resolveConfig(options)
  } catch (e) {
    throw explain(e)
  }
}
/** A banner is needed iff some category is offered. */
const needsBanner = (c: { categories: readonly unknown[] }) => c.categories.length > 0

describe('resolveConfig', () => {
  it('resolves Pisama with GA4 and Vercel into an analytics banner', () => {
    const c = resolveConfig({ site: 'pisama', ga4: GA, vercel: true })
    expect(c.categories).toEqual(['analytics'])
    expect(c.ga4).toEqual({ id: 'G-TEST1234', src: 'https://www.googletagmanager.com/gtag/js?id=G-TEST1234' })
    expect(c.vercel).toEqual({ src: 'http://www.pisama.test/_vercel/insights/script.js' })
    expect(c.cookies.map((d) => d.name)).toEqual(expect.arrayContaining(['_ga', '_ga_*', 'pisama_session', 'consent_gate']))
    expect(needsBanner(c)).toBe(true)
    expect(c.lifetimeDays).toBe(182)
  })

  it('needs no banner for Pigi, or for Pisama with no tracker', () => {
    expect(needsBanner(resolveConfig({ site: 'pigi' }))).toBe(false)
    expect(needsBanner(resolveConfig({ site: 'pisama' }))).toBe(false)
  })

  it('needs a banner when a custom profile declares an analytics cookie', () => {
    const c = resolveConfig({
      profile: {
        name: 'acme',
        cookies: [{ name: '_pk_id*', class: 'analytics', purpose: 'Stats', lifetime: '13 months', provider: 'Matomo' }],
      },
    })
    expect(c.categories).toEqual(['analytics'])
    expect(c.profile.trackers).toEqual(['ga4', 'gtm', 'clarity', 'uet', 'vercel'])
  })

  it("gives a site that is not a preset its own name and cookies, never a preset's", () => {
    const c = resolveConfig({ site: 'acme', ga4: GA })
    expect(c.profile).toMatchObject({ name: 'acme', cookies: [], never: false })
    expect(c.cookies.map((d) => d.name)).toEqual(['consent_gate', '_ga', '_ga_*'])
    expect(c.categories).toEqual(['analytics'])
    // `constructor` is a name like any other, not Object's.
    expect(resolveConfig({ site: 'constructor' }).profile).toMatchObject({ name: 'constructor', cookies: [] })
  })

  it('lets any site promise no trackers, with every rule Pigi has', () => {
    const c = resolveConfig({ site: 'acme', never: true, cookies: [{ name: 'sid', class: 'session' }] })
    expect(c.profile).toMatchObject({ name: 'acme', never: true, trackers: [] })
    expect(c.categories).toEqual([])
    for (const t of ['ga4', 'gtm', 'clarity', 'uet', 'vercel'] as const)
      expect(() => resolve({ site: 'acme', never: true, [t]: TRACKER_OPTIONS[t] })).toThrow(
        new RegExp(`option "${t}" is not allowed on site "acme"`),
      )
    expect(() => resolve({ site: 'acme', never: true, consentMode: 'advanced' })).toThrow(/"consentMode"/)
    expect(() => resolve({ site: 'acme', never: true, categories: ['marketing'] })).toThrow(/"categories"/)
    // Pigi is never, whatever a later source says.
    expect(resolveConfig({ site: 'pigi', never: false }).profile.never).toBe(true)
  })

  it('takes a description file as it is, its $schema editor hint included', () => {
    const c = resolveConfig({ $schema: './node_modules/consent-gate/schema.json', site: 'acme', vercel: true })
    expect(c.profile.name).toBe('acme')
    expect('$schema' in c).toBe(false)
  })

  it('keeps a preset to the trackers its policy names', () => {
    expect(() => resolve({ site: 'pisama', clarity: { projectId: 'abc123' } })).toThrow(
      /"clarity" is not allowed on site "pisama", a preset/,
    )
  })

  it('takes a declaration by name alone, which offers no category by itself', () => {
    const c = resolveConfig({ site: 'pisama', cookies: [{ name: '_fbp' }] })
    expect(c.cookies).toContainEqual({ name: '_fbp' })
    // Its class is the catalogue's, known only in a lazy chunk: the site offers what it says.
    expect(c.categories).toEqual([])
    expect(resolveConfig({ site: 'pisama', categories: ['marketing'], cookies: [{ name: '_fbp' }] }).categories).toEqual([
      'marketing',
    ])
    const custom = resolveConfig({ profile: { name: 'acme', cookies: [{ name: '_hjSessionUser_*' }] } })
    expect(custom.categories).toEqual([])
  })

  it('takes a declaration by name alone on a profile without trackers, which still offers nothing', () => {
    expect(resolveConfig({ site: 'pigi', cookies: [{ name: '_fbp' }] }).categories).toEqual([])
  })

  it('takes a custom Vercel script source', () => {
    expect(resolveConfig({ site: 'pisama', vercel: { scriptSrc: '/va.js' } }).vercel).toEqual({
      src: 'http://www.pisama.test/va.js',
    })
  })

  const bad: [string, Options, RegExp][] = [
    ['a site name with a space', { site: 'ac me' }, /option "site" must name the site.*got "ac me"/],
    ['no site', {}, /option "site"/],
    ['site and profile', { site: 'pisama', profile: { name: 'x' } }, /"site" cannot be combined/],
    [
      'a malformed measurement ID',
      { site: 'pisama', ga4: { measurementId: 'UA-1234-1' } },
      /"ga4.measurementId" must look like "G-XXXXXXXXXX", got "UA-1234-1"/,
    ],
    ['a lowercase measurement ID', { site: 'pisama', ga4: { measurementId: 'G-abc' } }, /ga4.measurementId/],
    ['GA4 on Pigi', { site: 'pigi', ga4: GA }, /option "ga4" is not allowed on site "pigi"/],
    ['Vercel on Pigi', { site: 'pigi', vercel: true }, /option "vercel" is not allowed on site "pigi"/],
    [
      'an analytics category on Pigi',
      { site: 'pigi', categories: ['analytics'] },
      /"categories" cannot offer "analytics" on site "pigi"/,
    ],
    [
      'an analytics cookie on Pigi',
      { site: 'pigi', cookies: [{ name: '_x', class: 'analytics', purpose: 'p', lifetime: 'l', provider: 'p' }] },
      /"cookies" cannot declare analytics/,
    ],
    [
      'an unknown category',
      { site: 'pisama', categories: ['advertising' as never] },
      /"categories" must contain only functional, analytics, marketing, got "advertising"/,
    ],
    [
      'categories that are not an array',
      { site: 'pisama', categories: 'analytics' as never },
      /"categories" must contain only functional, analytics, marketing, got "analytics"/,
    ],
    [
      'an unknown cookie class',
      { site: 'pisama', cookies: [{ name: 'x', class: 'tracking' as never, purpose: 'p', lifetime: 'l', provider: 'p' }] },
      /"cookies\[0\].class" must be one of/,
    ],
    [
      'a declaration without purpose',
      { site: 'pisama', cookies: [{ name: 'x', class: 'session', purpose: '', lifetime: 'l', provider: 'p' }] },
      /"cookies\[0\].purpose"/,
    ],
    ['a lifetime over 13 months', { site: 'pisama', lifetimeDays: 400 }, /"lifetimeDays" must be a number of days from 1 to 395/],
    ['a zero lifetime', { site: 'pisama', lifetimeDays: 0 }, /lifetimeDays/],
    ['a revision with spaces', { site: 'pisama', revision: 'v 2' }, /"revision"/],
    ['a bad cookie domain', { site: 'pisama', cookieDomain: 'exa mple.com' }, /"cookieDomain"/],
    ['a bad cookie name', { site: 'pisama', cookieName: 'a;b' }, /"cookieName"/],
    ['a cookie name given as a number', { site: 'pisama', cookieName: 123 as never }, /"cookieName"/],
    ['an unknown option', { site: 'pisama', gaa4: GA } as Options, /option "gaa4" is not a known option; did you mean "ga4"\?/],
    [
      'an option far from any',
      { site: 'pisama', zzzzzzzzzz: 1 } as Options,
      /option "zzzzzzzzzz" is not a known option. Known here: \$schema, site, never/,
    ],
    [
      'a nested typo',
      { site: 'acme', gtm: { containerID: 'GTM-A1' } } as unknown as Options,
      /"gtm.containerID" is not a known option; did you mean "gtm.containerId"\?/,
    ],
    ['a bad theme', { site: 'pisama', theme: 'blue' as never }, /"theme" must be "auto", "light" or "dark"/],
    ['an empty policy link', { site: 'pisama', policyUrl: '' }, /"policyUrl" must be a relative or http\(s\) URL, got ""/],
    ['a GPC switch given as a string', { site: 'pisama', gpc: 'off' as never }, /"gpc" must be true or false, got "off"/],
    ['a lifetime given as a string', { site: 'pisama', lifetimeDays: '30' as never }, /"lifetimeDays" must be a number/],
    ['a custom profile named pigi', { profile: { name: 'pigi' } }, /"profile.name" must not reuse/],
    ['a custom profile with an unknown tracker', { profile: { name: 'x', trackers: ['matomo' as never] } }, /"profile.trackers"/],
    ['not an object', null as unknown as Options, /option "options" must be an object/],
  ]
  it.each(bad)('throws on %s, naming the option', (_, options, message) => {
    expect(() => resolve(options)).toThrow(message)
  })

  it('throws a short error naming the option and value, with the rule for explain()', () => {
    let error: ConfigError | undefined
    try {
      resolveConfig({ site: 'pisama', ga4: { measurementId: 'UA-1234-1' } })
    } catch (e) {
      error = e as ConfigError
    }
    expect(error!.message).toBe('consent-gate: option "ga4.measurementId" is invalid, got "UA-1234-1"')
    expect(error).toMatchObject({ option: 'ga4.measurementId', rule: 'ga4.measurementId', got: '"UA-1234-1"', args: [] })
    expect((explain(error) as Error).message).toBe(
      'consent-gate: option "ga4.measurementId" must look like "G-XXXXXXXXXX", got "UA-1234-1"',
    )
    const other = new Error('not ours')
    expect(explain(other)).toBe(other)
  })

  it.each([
    ['an unknown option', (k: string) => ({ site: 'pisama', [k]: 1 })],
    ['an unknown nested option', (k: string) => ({ site: 'pisama', ga4: { ...GA, [k]: 1 } })],
    ['a text for a cookie name', (k: string) => ({ site: 'pisama', strings: { about: { [k]: 1 } } })],
  ])('cuts %s with a megabyte key to a short message, as it cuts values', (_, options) => {
    const key = 'k'.repeat(1 << 20)
    for (const worded of [false, true]) {
      let error: Error | undefined
      try {
        if (worded) resolve(options(key) as Options)
        else resolveConfig(options(key) as Options)
      } catch (e) {
        error = e as Error
      }
      expect(error!.message).toMatch(/^consent-gate: option "[^"]*kkkk/)
      expect(error!.message.length).toBeLessThan(1000)
    }
  })

  it('treats null like a missing option, as configs built from JSON have it', () => {
    const c = resolve({
      site: 'pisama',
      cookies: null,
      lifetimeDays: null,
      revision: null,
      policyUrl: null,
      gpc: null,
      ga4: null,
      vercel: null,
    } as unknown as Options)
    expect([c.lifetimeDays, c.revision, c.cookies.length, c.gpc, c.ga4, c.vercel, c.categories]).toEqual([
      182,
      '1',
      3,
      true,
      undefined,
      undefined,
      [],
    ])
    const tracked = resolve({
      site: 'pisama',
      ga4: { ...GA, scriptUrl: null },
      vercel: { scriptSrc: null },
    } as unknown as Options)
    expect([tracked.ga4?.src, tracked.vercel?.src]).toEqual([
      `https://www.googletagmanager.com/gtag/js?id=${GA.measurementId}`,
      'http://www.pisama.test/_vercel/insights/script.js',
    ])
    expect(() => resolve({ site: 'pisama', revision: Symbol('x') as never })).toThrow(/"revision" must be a number/)
  })

  it('lets a custom profile forbid trackers like Pigi does', () => {
    expect(() => resolve({ profile: { name: 'quiet', trackers: [] }, ga4: GA })).toThrow(/"ga4" is not allowed on site "quiet"/)
  })
})

describe('wording', () => {
  it('gives every built-in declaration its purpose, lifetime and provider', async () => {
    const { describe: word } = await import('../../../src/ui/wording')
    for (const options of [
      { site: 'pisama', ga4: GA, vercel: true },
      { site: 'pigi', cookieName: 'cg' },
    ]) {
      const c = resolveConfig(options)
      for (const d of word(c.cookies, c.cookieName, c.lifetimeDays, en, 'en')) {
        expect(d.purpose, d.name).not.toBe('')
        expect(d.lifetime, d.name).not.toBe('')
        expect(d.provider, d.name).not.toBe('')
      }
    }
  })

  it("keeps a site's own wording", async () => {
    const { describe: word } = await import('../../../src/ui/wording')
    const own = { name: '_ga', class: 'analytics' as const, purpose: 'Ours', lifetime: '1 day', provider: 'Us' }
    expect(word([own], 'consent_gate', 182, en, 'en')[0]).toEqual(own)
  })

  it("words lifetimes in the visitor's language, the consent cookie's from the site's lifetime", async () => {
    const { describe: word } = await import('../../../src/ui/wording')
    const c = resolveConfig({ site: 'pisama', ga4: GA, vercel: true, lifetimeDays: 395 })
    const life = (t: typeof en, lang: string) =>
      Object.fromEntries(word(c.cookies, c.cookieName, c.lifetimeDays, t, lang).map((d) => [d.name, d.lifetime]))
    expect(life(en, 'en')).toMatchObject({
      consent_gate: '13 months',
      _ga: '2 years',
      pisama_session: 'Session',
      'Vercel Web Analytics': 'Stores nothing',
    })
    expect(life(de, 'de')).toMatchObject({ consent_gate: '13 Monate', _ga: '2 Jahre', pisama_session: 'Sitzung' })
    expect(word(c.cookies, c.cookieName, 182, de, 'de').find((d) => d.name === '_ga')!.purpose).toBe(de.about._ga)
  })

  it('has a purpose in every language for every built-in declaration', async () => {
    const { describe: word } = await import('../../../src/ui/wording')
    const names = Object.keys(en.about)
    for (const lang of ['de', 'fr', 'es', 'it', 'nl', 'pt']) {
      const t = await messagesFor(lang)
      expect(Object.keys(t.about).sort(), lang).toEqual([...names].sort())
      expect(word([{ name: 'theme', class: 'essential' }], 'x', 1, t, lang)[0].lifetime, lang).toBe(t.lifeKept)
    }
  })
})

describe('the strings option', () => {
  it('knows exactly the keys the English texts have, so no text can be unreachable or unchecked', async () => {
    const { STRING_KEYS } = await import('../../../src/config/strings')
    const banner = (await import('../../../src/ui/messages/en')).default
    const details = (await import('../../../src/ui/messages/en-details')).default
    const choices = (await import('../../../src/ui/messages/en-choices')).default
    expect([...STRING_KEYS].sort()).toEqual([...Object.keys(banner), ...Object.keys(details), ...Object.keys(choices)].sort())
  })
})

describe('the wording of a refusal', () => {
  const declaration = { name: 'x', class: 'session' as const }
  // One refusal of each kind, for every option path the loader can name.
  const refusals: Options[] = [
    null as never,
    {},
    { site: 'a/b' },
    { site: 1 as never },
    { site: 'pisama', profile: { name: 'x' } },
    { profile: 'x' as never },
    { profile: { name: '' } },
    { profile: { name: 'x', trackers: 'ga4' as never } },
    { profile: { name: 'x', trackers: ['matomo' as never] } },
    { profile: { name: 'x', cookies: {} as never } },
    { profile: { name: 'x', cookies: [{ ...declaration, name: 1 as never }] } },
    { profile: { name: 'quiet', trackers: [], cookies: [{ name: 'x', class: 'analytics' }] } },
    { site: 'pisama', cookies: [1 as never] },
    { site: 'pisama', cookies: [{ class: 'session' } as never] },
    { site: 'pisama', cookies: [{ ...declaration, class: 'x' as never }] },
    { site: 'pisama', cookies: [{ ...declaration, purpose: '' }] },
    { site: 'pisama', cookies: [{ ...declaration, lifetime: 'x'.repeat(501) }] },
    { site: 'pisama', cookies: [{ ...declaration, provider: 1 as never }] },
    { site: 'pisama', cookies: [{ ...declaration, storage: 'x' as never }] },
    { site: 'pisama', cookies: [{ ...declaration, sameSite: 'Lax' } as never] },
    { site: 'pigi', cookies: [{ name: 'x', class: 'marketing' }] },
    { site: 'pisama', ga4: {} as never },
    { site: 'pisama', ga4: { measurementId: 'G-1', scriptUrl: 'https://evil.example/g.js' } },
    { site: 'pigi', ga4: { measurementId: 'G-1' } },
    { site: 'pisama', vercel: 'yes' as never },
    { site: 'pisama', vercel: { scriptSrc: 'javascript:x' } },
    { site: 'pigi', vercel: true },
    { site: 'pisama', categories: ['x' as never] },
    { site: 'pigi', categories: ['analytics'] },
    { site: 'pisama', cookieName: 'a b' },
    { site: 'pisama', ga4: { measurementId: 'G-1' }, cookieName: '_ga_x' },
    { site: 'pisama', cookieDomain: 'a b' },
    { site: 'pisama', cookieDomain: 'example.com' },
    { site: 'pisama', cookieName: '__Host-x', cookieDomain: 'pisama.test' },
    { site: 'pisama', lifetimeDays: 396 },
    { site: 'pisama', revision: '' },
    { site: 'pisama', policyUrl: 'javascript:x' },
    { site: 'pisama', receiptUrl: 1 as never },
    { site: 'pisama', lang: '' },
    { site: 'pisama', nonce: 1 as never },
    { site: 'pisama', theme: 'x' as never },
    { site: 'pisama', gpc: 1 as never },
    { site: 'pisama', floatingButton: 1 as never },
    { site: 'pisama', ui: 1 as never },
    { site: 'pisama', onConsent: 1 as never },
    { site: 'pisama', strings: 1 as never },
    { site: 'pisama', strings: { title: '' } },
    { site: 'pisama', strings: { about: 1 as never } },
    { site: 'pisama', strings: { about: { x: '' } } },
    { site: 'pisama', known: 1 } as never,
  ]
  it.each(refusals)('says what %j needed', (options) => {
    let error: ConfigError | undefined
    try {
      resolveConfig(options)
    } catch (e) {
      error = e as ConfigError
    }
    const message = (explain(error) as Error).message
    expect(message).toMatch(/^consent-gate: option "[^"]+" (must|cannot|is not) .*, got /)
    // Every value the wording names came with the error.
    expect(message.replace(/, got .*$/, '')).not.toMatch(/undefined/)
  })

  it('names the values the loader allows, as the loader has them', async () => {
    const { CATEGORIES, CLASSES } = await import('../../../src/config/profiles')
    const words = (options: Options) => {
      try {
        resolveConfig(options)
      } catch (e) {
        return (explain(e) as Error).message
      }
      return undefined
    }
    const declaration = { name: 'x', class: 'session' as const }
    expect(words({ site: 'pisama', cookies: [{ ...declaration, class: 'x' as never }] })).toContain(CLASSES.join(', '))
    expect(words({ site: 'pisama', categories: ['x' as never] })).toContain(CATEGORIES.join(', '))
    for (const cls of CLASSES) expect(words({ site: 'pisama', cookies: [{ ...declaration, class: cls }] })).toBeUndefined()
    for (const storage of ['cookie', 'localStorage', 'sessionStorage', 'none'] as const) {
      expect(words({ site: 'pisama', cookies: [{ ...declaration, storage }] })).toBeUndefined()
      expect(words({ site: 'pisama', cookies: [{ ...declaration, storage: 'x' as never }] })).toContain(storage)
    }
    for (const theme of ['auto', 'light', 'dark'] as const) {
      expect(words({ site: 'pisama', theme })).toBeUndefined()
      expect(words({ site: 'pisama', theme: 'x' as never })).toContain(`"${theme}"`)
    }
  })
})
