import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveConfig, type Options } from '../../../src/config/options'
import type { TableContext } from '../../../src/ui/context'
import { CHAT } from '../helpers'
import { en } from '../messages'
import { lookup } from '../../../src/catalogue/index'
import { renderTable, tables } from '../../../src/ui/table'

afterEach(() => {
  document.body.innerHTML = ''
})

/** A site declaring its own cookies, worded; the consent cookie is added by resolveConfig. */
const ACME: Options = {
  profile: {
    name: 'acme',
    cookies: [
      { name: 'pisama_session', class: 'session', purpose: 'Signs you in', lifetime: 'Session', provider: 'Pisama' },
      { name: '_ga', class: 'analytics', purpose: 'Counts visits', lifetime: '2 years', provider: 'Google Analytics' },
    ],
  },
}

const table = ({ options = ACME, ...over }: Partial<TableContext> & { options?: Options } = {}) => {
  const root = document.createElement('div')
  document.body.append(root)
  const config = resolveConfig(options)
  renderTable(root, {
    config,
    choices: {},
    undecided: config.categories,
    lang: 'en',
    messages: en,
    ...over,
  })
  const groups = Array.from(root.querySelectorAll<HTMLElement>('section'))
  return { root, groups, group: (c: string) => root.querySelector<HTMLElement>(`[data-class="${c}"]`)! }
}

describe('cookie table', () => {
  it('groups declarations by class, essentials first, with name, provider, purpose and lifetime', () => {
    const { groups, group } = table()
    expect(groups.map((g) => g.dataset.class)).toEqual(['essential', 'session', 'analytics'])
    expect(groups.map((g) => g.querySelector('h3')!.textContent)).toEqual(['Essential', 'Sign-in', 'Analytics'])
    // The consent cookie is always declared, worded as the site's own.
    expect(Array.from(group('essential').querySelectorAll('td'), (td) => td.textContent)).toEqual([
      'consent_gate',
      en.thisSite,
      en.about.consent_gate,
      '6 months',
    ])
    expect(Array.from(group('analytics').querySelectorAll('th'), (th) => th.textContent)).toEqual([
      'Name',
      'Provider',
      'Purpose',
      'Lifetime',
    ])
    expect(Array.from(group('analytics').querySelectorAll('td'), (td) => td.textContent)).toEqual([
      '_ga',
      'Google Analytics',
      'Counts visits',
      '2 years',
    ])
  })

  it('states the current choice per offered category, with a button that opens the preferences', () => {
    const choice = (over: Partial<TableContext>) => table(over).group('analytics').querySelector('[data-choice]')!.textContent
    expect(choice({})).toBe('Not chosen yet')
    expect(choice({ undecided: [], choices: { analytics: true } })).toBe('Allowed')
    expect(choice({ undecided: [], choices: { analytics: false } })).toBe('Refused')
    const button = table().group('analytics').querySelector('button')!
    expect(button.hasAttribute('data-consent-open')).toBe(true)
    expect(button.textContent).toBe('Change')
    // Essentials are not a choice.
    expect(table().group('essential').querySelector('button')).toBeNull()
  })

  it('says so when a site offers nothing to choose, and shows no choice at all', () => {
    const { root } = table({
      options: {
        profile: {
          name: 'quiet',
          trackers: [],
          cookies: [{ name: 'XSRF-TOKEN', class: 'xsrf', purpose: 'p', lifetime: 'l', provider: 'Pigi' }],
        },
      },
    })
    expect(root.querySelector('[data-class="xsrf"] code')!.textContent).toBe('XSRF-TOKEN')
    expect(root.querySelector('.cg-none')!.textContent).toBe(en.noTrackers)
    expect(root.querySelector('button, [data-choice]')).toBeNull()
  })

  it('renders wording as text, never as HTML, and replaces what was there', () => {
    const root = table({
      options: {
        profile: {
          name: 'acme',
          cookies: [
            { name: '<img src=x onerror=alert(1)>', class: 'unknown', purpose: '<b>x</b>', lifetime: 'l', provider: '<i>p</i>' },
          ],
        },
      },
    }).root
    expect(root.querySelector('img, b, i')).toBeNull()
    expect(root.querySelector('[data-class="unknown"] code')!.textContent).toBe('<img src=x onerror=alert(1)>')
    expect(root.querySelector('[data-class="unknown"] td:nth-child(3)')!.textContent).toBe('<b>x</b>')
    const config = resolveConfig({ site: 'pigi' })
    renderTable(root, { config, choices: {}, undecided: [], lang: 'de', messages: en })
    expect(root.querySelectorAll('.cg-cookies')).toHaveLength(1)
    expect(root.querySelector('.cg-cookies')!.getAttribute('lang')).toBe('de')
    expect(root.querySelector('.cg-cookies')!.getAttribute('dir')).toBe('ltr')
    renderTable(root, { config, choices: {}, undecided: [], lang: 'he', messages: en })
    expect(root.querySelector('.cg-cookies')!.getAttribute('dir')).toBe('rtl')
  })
})

describe('cookie table on a site that offers nothing', () => {
  it('lists its own cookies, not the consent cookie, which such a site never writes', async () => {
    const root = document.createElement('div')
    document.body.append(root)
    const config = resolveConfig({ site: 'pigi' })
    await tables(() => ({ config, choices: {}, undecided: [], lang: 'en', messages: en })).add(root)
    expect(Array.from(root.querySelectorAll('tr code'), (c) => c.textContent)).toEqual(['theme', 'pigi_session', 'XSRF-TOKEN'])
    // Its rows keep their own wording: the catalogue's list is cut where the declarations are.
    expect(root.querySelector('[data-class="xsrf"] td:nth-child(3)')!.textContent).not.toBe('')
  })
})

describe('cookie table, declarations by name alone', () => {
  /** Draws through `tables()`, as the chunk does, which fills declarations from the catalogue. */
  const filledTable = async (options: Options) => {
    const root = document.createElement('div')
    document.body.append(root)
    const config = resolveConfig(options)
    await tables(() => ({ config, choices: {}, undecided: [...config.categories], lang: 'en', messages: en })).add(root)
    const row = (name: string) => {
      const tr = Array.from(root.querySelectorAll('tr')).find((r) => r.querySelector('code')?.textContent === name)!
      return {
        group: tr.closest('section')!.dataset.class,
        cells: Array.from(tr.querySelectorAll('td'), (td) => td.textContent),
      }
    }
    return { root, row }
  }

  it('fills provider, purpose and lifetime from the catalogue, and groups by its class', async () => {
    const hotjar = lookup('_hjSessionUser_1')!
    const { row } = await filledTable({ site: 'pisama', categories: ['analytics'], cookies: [{ name: '_hjSessionUser_*' }] })
    expect(row('_hjSessionUser_*')).toEqual({
      group: 'analytics',
      cells: ['_hjSessionUser_*', 'Hotjar', hotjar.purpose, hotjar.retention],
    })
  })

  it('keeps the site’s own words over the catalogue’s', async () => {
    const { row } = await filledTable({
      site: 'pisama',
      categories: ['marketing'],
      cookies: [{ name: '_fbp', purpose: 'Measures our ads.', provider: 'Meta' }],
    })
    expect(row('_fbp')).toEqual({
      group: 'marketing',
      cells: ['_fbp', 'Meta', 'Measures our ads.', lookup('_fbp')!.retention],
    })
  })

  it('leaves a name the catalogue does not know as given, unknown, and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { row } = await filledTable({ site: 'pisama', cookies: [{ name: 'acme_pref', purpose: 'Remembers the layout.' }] })
    expect(row('acme_pref')).toEqual({ group: 'unknown', cells: ['acme_pref', '', 'Remembers the layout.', ''] })
    expect(warn.mock.calls.flat().join()).toMatch(/"acme_pref" is declared without a class and the catalogue does not know it/)
    warn.mockRestore()
  })

  it('offers no category for it, and says so loudly on a profile without trackers', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { root, row } = await filledTable({ site: 'pigi', cookies: [{ name: '_gcl_au' }] })
    expect(row('_gcl_au').group).toBe('marketing')
    // Nothing to choose: the cookie can never be granted.
    expect(root.querySelector('[data-choice]')).toBeNull()
    expect(error.mock.calls.flat().join()).toMatch(
      /"_gcl_au" is declared without a class; the catalogue says marketing \(.+\), but profile "pigi" promises no trackers/,
    )
    error.mockRestore()
  })

  it('fetches no catalogue when every declaration has its class', async () => {
    const { row } = await filledTable(ACME)
    expect(row('_ga').cells).toEqual(['_ga', 'Google Analytics', 'Counts visits', '2 years'])
  })

  it('groups functional cookies under their own heading, with the choice, before analytics', () => {
    const { groups, group } = table({
      options: { ...ACME, profile: { ...ACME.profile!, cookies: [...(ACME.profile!.cookies ?? []), CHAT] } },
      undecided: ['analytics'],
      choices: { functional: true },
    })
    const order = groups.map((g) => g.dataset.class)
    expect(order.indexOf('functional')).toBeLessThan(order.indexOf('analytics'))
    expect(group('functional').textContent).toContain('Keeps the chat open')
    expect(group('functional').querySelector('[data-choice]')!.textContent).toBe('Allowed')
    expect(group('analytics').querySelector('[data-choice]')!.textContent).toBe('Not chosen yet')
  })
})
