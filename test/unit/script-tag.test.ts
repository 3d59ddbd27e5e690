import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConsentGate } from '../../src/gate'
import { explain } from '../../src/config/explain'
import { resolveConfig, type ConfigError } from '../../src/config/options'
import { encodeRecord } from '../../src/consent/record'
import { createConsentGate } from '../../src/index'
import { flush, layer, scripts } from './helpers'

/** Runs the script-tag entry as if loaded by `<script data-...>`. */
async function loadTag(attrs: Record<string, string>, config?: object) {
  const tag = document.createElement('script')
  for (const [k, v] of Object.entries(attrs)) tag.setAttribute(k, v)
  document.head.appendChild(tag)
  vi.spyOn(document, 'currentScript', 'get').mockReturnValue(tag)
  if (config) window.ConsentGateConfig = config as never
  vi.resetModules()
  await import('../../src/script-tag')
  return window.ConsentGate
}

afterEach(() => {
  window.ConsentGate?.destroy()
  delete window.ConsentGate
  delete window.ConsentGateConfig
})

describe('script tag', () => {
  it('reads its data-* attributes and exposes window.ConsentGate', async () => {
    const g = await loadTag({ 'data-site': 'pisama', 'data-ga4': 'G-TAG123', 'data-vercel': '', 'data-revision': '4' })
    expect(g).toBeDefined()
    expect(g!.getConsent().categories).toEqual(['analytics'])
    expect(layer()[0].slice(0, 2)).toEqual(['consent', 'default'])
    g!.acceptAll()
    expect(g!.receipt()).toMatchObject({ site: 'pisama', revision: '4' })
    await vi.waitFor(() =>
      expect(scripts()).toEqual(
        expect.arrayContaining([
          'https://www.googletagmanager.com/gtag/js?id=G-TAG123',
          'http://www.pisama.test/_vercel/insights/script.js',
        ]),
      ),
    )
  })

  it('lays the banner out as data-layout and data-position say', async () => {
    await loadTag({ 'data-site': 'pisama', 'data-ga4': 'G-TAG123', 'data-layout': 'bar', 'data-position': 'top' })
    await vi.waitFor(() => expect(document.querySelector('[data-consent-gate-host]')).toBeTruthy())
    const host = document.querySelector('[data-consent-gate-host]')!
    expect([host.getAttribute('data-layout'), host.getAttribute('data-position')]).toEqual(['bar', 'top'])
  })

  it('lets window.ConsentGateConfig override the attributes', async () => {
    const g = await loadTag({ 'data-site': 'pisama' }, { site: 'pigi' })
    // Pigi's: a gate for another profile would throw here.
    expect(createConsentGate({ site: 'pigi' })).toBe(g)
    g!.acceptAll()
    expect(g!.hasConsent('analytics')).toBe(false)
  })

  it('logs one clear error and loads nothing on a bad config', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const g = await loadTag({ 'data-site': 'pigi', 'data-ga4': 'G-TAG123' })
    expect(g).toBeUndefined()
    // The wording is a chunk of its own, fetched only on failure: the error follows it.
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    await flush()
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0][0]).toMatch(/consent-gate: option "ga4" is not allowed on site "pigi"/)
    expect(layer()).toEqual([])
  })

  it('starts without an unknown key of window.ConsentGateConfig, or a tracker with one, naming each', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const g = await loadTag({ 'data-site': 'acme' }, { vercle: true, ga4: { measurementID: 'G-TAG123' }, vercel: true })
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(2))
    expect(error.mock.calls.map((c) => c[0])).toEqual([
      expect.stringMatching(/option "vercle" is not a known option; did you mean "vercel"\?/),
      expect.stringMatching(/option "ga4.measurementID" is not a known option; did you mean "ga4.measurementId"\?/),
    ])
    g!.acceptAll()
    await vi.waitFor(() => expect(scripts()).toContain('http://www.pisama.test/_vercel/insights/script.js'))
    expect(scripts().some((u) => u?.includes('googletagmanager'))).toBe(false)
  })

  it('names an unknown attribute and the nearest one, and starts with the rest, that tracker off', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const g = await loadTag({ 'data-site': 'acme', 'data-ga': 'G-TAG123', 'data-vercel': '' })
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    await flush()
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0][0]).toMatch(/option "data-ga" is not a known attribute; did you mean "data-ga4"\?/)
    g!.acceptAll()
    await vi.waitFor(() => expect(scripts()).toContain('http://www.pisama.test/_vercel/insights/script.js'))
    expect(scripts().some((u) => u?.includes('googletagmanager'))).toBe(false)
    expect(g!.receipt()!.site).toBe('acme')
  })

  it('starts nothing on a wrong value, whichever option has it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    for (const attrs of [
      { 'data-site': 'acme', 'data-never': 'yes', 'data-ga4': 'G-TAG123' },
      { 'data-site': 'acme', 'data-cookie-name': 'a;b', 'data-ga4': 'G-TAG123' },
      { 'data-site': 'a/b', 'data-ga4': 'G-TAG123' },
      { 'data-site': 'acme', 'data-ga4': 'UA-1', 'data-vercel': '' },
    ] as Record<string, string>[]) {
      expect(await loadTag(attrs), JSON.stringify(attrs)).toBeUndefined()
      expect(layer()).toEqual([])
    }
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(4))
  })

  it('reads the whole description from the JSON element data-config names', async () => {
    const json = document.createElement('script')
    json.type = 'application/json'
    json.id = 'acme-consent'
    json.textContent = JSON.stringify({
      site: 'acme',
      ga4: { measurementId: 'G-TAG123' },
      cookies: [{ name: 'sid', class: 'session' }],
    })
    document.head.append(json)
    try {
      const g = await loadTag({ 'data-config': 'acme-consent', 'data-revision': '3' })
      expect(g!.getConsent().categories).toEqual(['analytics'])
      g!.acceptAll()
      expect(g!.receipt()).toMatchObject({ site: 'acme', revision: '3' })
      await vi.waitFor(() => expect(scripts()).toContain('https://www.googletagmanager.com/gtag/js?id=G-TAG123'))
    } finally {
      json.remove()
    }
  })

  it("believes no region hint where its sources disagree: a later one cannot loosen the tag's, rendered per request", async () => {
    // The tag says what the server found for this request (Germany); a static description says otherwise.
    const site = { site: 'acme', ga4: { measurementId: 'G-TAG123' }, policies: { 'us-privacy': 'opt-out', JP: 'notice' } }
    const g = await loadTag({ 'data-region-hint': 'DE:opt-in' }, { ...site, regionHint: 'US-CA:opt-out' })
    expect(g!.getConsent()).toMatchObject({ policy: 'opt-in', decided: false, choices: { analytics: false } })
    g!.destroy()
    delete window.ConsentGate
    // Where they agree, or only one gives a hint, it is believed.
    for (const page of [{ ...site, regionHint: 'US-CA:opt-out' }, site]) {
      const again = await loadTag({ 'data-region-hint': 'US-CA:opt-out' }, page)
      expect(again!.getConsent().policy).toBe('opt-out')
      again!.destroy()
      delete window.ConsentGate
    }
  })

  it.each([
    ['two elements with that id (one planted in the content)', 2, '{"site":"acme","ga4":{"measurementId":"G-TAG123"}}'],
    ['no element with that id', 0, '{}'],
    ['text that is not JSON', 1, '{site: acme}'],
    ['JSON that is not an object', 1, '["acme"]'],
  ])('starts nothing from a data-config with %s, with one error', async (_, count, text) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const added = Array.from({ length: count }, () => {
      const json = document.createElement('script')
      json.type = 'application/json'
      json.id = 'cfg'
      json.textContent = text
      return document.body.appendChild(json)
    })
    try {
      expect(await loadTag({ 'data-site': 'acme', 'data-config': 'cfg' })).toBeUndefined()
      await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1))
      expect(error.mock.calls[0][0]).toMatch(/option "data-config" must name the id of one <script type="application\/json">/)
      expect(layer()).toEqual([])
    } finally {
      added.forEach((e) => e.remove())
    }
  })

  it('starts nothing from an empty data-config, which would read a JSON element with no id at all', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    // Page data in a JSON element of its own, say an island's props that a visitor can fill in.
    const data = document.createElement('script')
    data.type = 'application/json'
    data.textContent = '{"ga4":{"measurementId":"G-OTHER1"}}'
    document.body.append(data)
    try {
      // A template left the id out.
      expect(await loadTag({ 'data-site': 'acme', 'data-config': '' })).toBeUndefined()
      await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1))
      expect(error.mock.calls[0][0]).toMatch(/option "data-config" must name the id of one/)
    } finally {
      data.remove()
    }
  })

  it.each([
    ['the tag', { 'data-site': 'pigi' }, { site: 'acme', cookies: [{ name: '_ga', class: 'essential' }] }],
    ['data-never', { 'data-site': 'acme', 'data-never': '' }, { never: false }],
  ])('keeps a promise of no trackers made by %s, whatever a later source says', async (_, attrs, config) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const g = await loadTag(attrs, config)
    expect(g!.getConsent().categories).toEqual([])
    g!.acceptAll()
    await flush()
    expect(g!.hasConsent('analytics')).toBe(false)
    expect(layer()).toEqual([])
    g!.destroy()
    delete window.ConsentGate
    // A tracker a later source names is refused, and then nothing starts at all.
    expect(await loadTag(attrs, { ...config, ga4: { measurementId: 'G-TAG123' } })).toBeUndefined()
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringMatching(/option "ga4" is not allowed on site/)))
    expect(layer()).toEqual([])
    expect(scripts().filter(Boolean)).toEqual([])
  })

  it('says how to load it when loaded as a module or from a bundle (no current script)', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(document, 'currentScript', 'get').mockReturnValue(null)
    window.ConsentGateConfig = { site: 'acme', ga4: { measurementId: 'G-TAG123' } }
    vi.resetModules()
    await import('../../src/script-tag')
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1))
    expect(error.mock.calls[0][0]).toMatch(/load consent-gate.js by a classic <script src>, not as a module/)
    expect(window.ConsentGate).toBeUndefined()
    expect(layer()).toEqual([])
  })

  it('reports a malformed measurement ID by name', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await loadTag({ 'data-site': 'pisama', 'data-ga4': 'UA-1234-1' })
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    expect(error.mock.calls[0][0]).toBe('consent-gate: option "ga4.measurementId" must look like "G-XXXXXXXXXX", got "UA-1234-1"')
  })

  it('data-ui="off" is headless mode: no banner, and openPreferences fires consent-gate:open', async () => {
    const opened = vi.fn()
    window.addEventListener('consent-gate:open', opened)
    const g = await loadTag({ 'data-site': 'pisama', 'data-ga4': 'G-TAG123', 'data-ui': 'off' })
    await g!.openPreferences()
    window.removeEventListener('consent-gate:open', opened)
    expect(opened).toHaveBeenCalledTimes(1)
    await flush()
    expect(document.querySelector('[data-consent-gate-host]')).toBeNull()
  })

  describe('boolean attributes take their documented values only', () => {
    const PISAMA = { 'data-site': 'pisama', 'data-ga4': 'G-TAG123' }
    const floating = () =>
      document.querySelector('[data-consent-gate-host]')?.shadowRoot?.querySelector('[data-action="open-preferences"]') ?? null

    it.each([
      ['data-ui', 'false', (g: ConsentGate) => expect(g.getConsent().categories).toEqual(['analytics'])],
      ['data-vercel', 'false', () => {}],
    ])('%s="%s" is off', async (name, value) => {
      const opened = vi.fn()
      window.addEventListener('consent-gate:open', opened)
      const g = await loadTag({ ...PISAMA, [name]: value })
      await g!.openPreferences()
      window.removeEventListener('consent-gate:open', opened)
      g!.acceptAll()
      await vi.waitFor(() => expect(scripts()).toContain('https://www.googletagmanager.com/gtag/js?id=G-TAG123'))
      await flush()
      if (name === 'data-ui') expect(opened).toHaveBeenCalledTimes(1)
      // GA4's alone: no Vercel script, and no `/false` either.
      if (name === 'data-vercel') expect(scripts().filter((u) => u && !u.includes('googletagmanager'))).toEqual([])
    })

    it.each([
      ['', true],
      ['false', false],
    ])('data-floating-button="%s" draws the button once a choice exists: %s', async (value, drawn) => {
      const g = await loadTag({ ...PISAMA, 'data-floating-button': value })
      const banner = () =>
        document.querySelector('[data-consent-gate-host]')?.shadowRoot?.querySelector('[data-consent-gate="banner"]')
      await vi.waitFor(() => expect(banner()).toBeTruthy())
      g!.acceptAll()
      await vi.waitFor(() => expect(banner()).toBeFalsy())
      await flush()
      expect(!!floating()).toBe(drawn)
    })

    it('data-gpc="false" ignores the browser\'s Global Privacy Control', async () => {
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
      try {
        const g = await loadTag({ ...PISAMA, 'data-gpc': 'false' })
        expect(g!.getConsent().decided).toBe(false)
      } finally {
        Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true })
      }
    })

    it.each([
      ['data-ui', ''],
      ['data-ui', 'true'],
      ['data-vercel', 'on'],
    ])('%s="%s" is on', async (name, value) => {
      const g = await loadTag({ ...PISAMA, [name]: value })
      expect(g).toBeDefined()
      if (name === 'data-ui') {
        await flush()
        expect(document.querySelector('[data-consent-gate-host]')).not.toBeNull()
      }
      if (name === 'data-vercel') {
        g!.acceptAll()
        await vi.waitFor(() => expect(scripts()).toContain('http://www.pisama.test/_vercel/insights/script.js'))
      }
    })

    it.each([
      ['data-ui', 'no'],
      ['data-vercel', 'no'],
      ['data-vercel', 'False'],
      ['data-floating-button', '0'],
      ['data-gpc', 'disabled'],
    ])('refuses %s="%s" by name, with one console error, and loads nothing', async (name, value) => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      const g = await loadTag({ ...PISAMA, [name]: value })
      expect(g).toBeUndefined()
      await vi.waitFor(() => expect(error).toHaveBeenCalled())
      await flush()
      expect(error).toHaveBeenCalledTimes(1)
      expect(error.mock.calls[0][0]).toBe(
        `consent-gate: option "${name}" must be empty, "true", "on", "false" or "off"${name === 'data-vercel' ? ', or a script URL with a "/"' : ''}, got "${value}"`,
      )
      expect(layer()).toEqual([])
      expect(scripts().filter(Boolean)).toEqual([])
    })

    it('takes a data-vercel script URL', async () => {
      const g = await loadTag({ ...PISAMA, 'data-vercel': '/va/script.js' })
      g!.acceptAll()
      await vi.waitFor(() => expect(scripts()).toContain('http://www.pisama.test/va/script.js'))
    })
  })
})

describe('a hostile page against the promise of no trackers', () => {
  // A page getter that throws what looks like the loader's own "unknown option" error, once: the
  // retry loop must not take it for one and drop the option it names.
  const fake = (option: string) => {
    let thrown = false
    return {
      get measurementId() {
        if (thrown) return 'G-TAG123'
        thrown = true
        throw Object.assign(Error('fake'), { rule: 'known', option, got: '', args: [[]] })
      },
    }
  }

  it.each([
    ['never', { 'data-site': 'acme', 'data-never': '' }],
    ['site', { 'data-site': 'pigi' }],
    // A choice stored under the old revision, which the site bumped to ask everyone again.
    ['revision', { 'data-site': 'acme', 'data-revision': '2' }],
  ])('starts nothing when a page getter throws an "unknown option" error naming %s', async (option, attrs) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const at = Date.now()
    const old = {
      revision: '1',
      id: 'visitor12345678',
      at,
      expires: at + 864e5,
      choices: { analytics: true },
      via: 'banner' as const,
    }
    document.cookie = `consent_gate=${encodeRecord(old)}; Path=/`
    const g = await loadTag(attrs, { ga4: fake(option) })
    g?.acceptAll()
    await flush()
    expect(scripts().filter(Boolean)).toEqual([])
    expect(layer()).toEqual([])
    expect(g).toBeUndefined()
    expect(error).toHaveBeenCalledTimes(1)
  })

  it.each([undefined, null, 'boom', { rule: 'known', option: 'never' }])(
    'starts nothing, with one error, when a page getter throws %j',
    async (thrown) => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      const ga4 = {
        get measurementId() {
          throw thrown
        },
      }
      expect(await loadTag({ 'data-site': 'acme' }, { ga4 })).toBeUndefined()
      await flush()
      expect(error).toHaveBeenCalledTimes(1)
      // What was thrown, as it is: not `undefined` for a string, nor a TypeError for null.
      expect(error.mock.calls[0][0]).toBe(thrown)
      expect(layer()).toEqual([])
    },
  )

  it('gives up, starting nothing, after a few dozen unknown keys instead of retrying once for each', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const config = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => ['k' + i, 1]))
    expect(await loadTag({ 'data-site': 'acme' }, config)).toBeUndefined()
    await flush()
    expect(error.mock.calls.length).toBeLessThanOrEqual(32)
  })

  it('drops an unknown key like "never.x" itself, not the option it starts with, and logs it once', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    // Dropping "never" for it would neither fix it nor keep the promise: thirty tries, thirty errors.
    const g = await loadTag({ 'data-site': 'acme', 'data-never': '' }, { 'never.x': 1 } as never)
    await flush()
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0][0]).toMatch(/option "never.x" is not a known option/)
    expect(g!.getConsent().categories).toEqual([])
  })
})

describe('an unknown attribute is worded as one', () => {
  it.each(['data-cookies', 'data-on-consent', 'data-texts', 'data-profile', 'data-strings', 'data-nonce'])(
    '%s says the option has no attribute, instead of suggesting itself',
    async (name) => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      await loadTag({ 'data-site': 'acme', [name]: 'x' })
      await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1))
      const option = name.slice(5).replace(/-([a-z])/g, (_, c) => c.toUpperCase())
      expect(error.mock.calls[0][0]).toBe(
        `consent-gate: option "${name}" is not an attribute: give "${option}" in the JSON description data-config names, got "${name}"`,
      )
    },
  )

  it('names data-__proto__ and data-constructor as unknown, and starts without them', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const g = await loadTag({ 'data-site': 'acme', 'data-never': '', 'data-__proto__': 'x', 'data-constructor': 'y' })
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(2))
    expect(error.mock.calls.map((c) => c[0])).toEqual([
      'consent-gate: option "data-__proto__" is not a known attribute, got "data-__proto__"',
      'consent-gate: option "data-constructor" is not a known attribute, got "data-constructor"',
    ])
    expect(g!.getConsent().categories).toEqual([])
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })

  it('takes a "__proto__" key of the JSON description for an unknown option, not for a prototype', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const json = document.createElement('script')
    json.type = 'application/json'
    json.id = 'cfg'
    json.textContent = '{"__proto__":{"never":false,"ga4":{"measurementId":"G-TAG123"}},"site":"acme"}'
    document.head.append(json)
    const g = await loadTag({ 'data-config': 'cfg', 'data-never': '' })
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(1))
    expect(error.mock.calls[0][0]).toMatch(/^consent-gate: option "__proto__" is not a known option\./)
    expect(g!.getConsent().categories).toEqual([])
    expect(g!.receipt()).toBeUndefined()
  })

  it('suggests only attributes the tag takes', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    let options: object = {}
    try {
      resolveConfig({ site: 'acme', bogus: 1 } as never)
    } catch (e) {
      options = (e as ConfigError).args[0] as object
    }
    const suggested = new Set<string>()
    for (const k of Object.keys(options)) {
      // One letter too many: close enough for a suggestion, if there is one to make.
      const typo = 'data-' + k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()) + 'q'
      const said = (explain({ option: typo, rule: 'known', got: '', args: [options] }) as Error).message
      const near = said.match(/did you mean "([^"]+)"/)?.[1]
      if (near) suggested.add(near)
    }
    expect(suggested.size).toBeGreaterThan(15)
    for (const name of suggested) {
      await loadTag({ [name]: '' })
      window.ConsentGate?.destroy()
      delete window.ConsentGate
    }
    await flush()
    expect(error.mock.calls.map((c) => c[0]).filter((m) => /not a known attribute|not an attribute/.test(m))).toEqual([])
  })
})
