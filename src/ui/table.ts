import type { Category, CookieClass, Declared } from '../config/profiles'
import { describe, filled, messages } from './wording'
import type { RenderTable, Start, TableContext } from './context'

// Display order: what the site needs first, then what a visitor may grant.
const CLASSES = 'essential session xsrf functional analytics marketing unknown'.split(' ') as CookieClass[]

/** Builds an element from text only: nothing from config or wording is ever parsed as HTML. */
const el = (tag: string, text = '', attrs: Record<string, string> = {}, ...children: Node[]): HTMLElement => {
  const e = document.createElement(tag)
  e.textContent = text
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
  e.append(...children)
  return e
}

/**
 * The lazy cookie-declaration chunk: the profile's cookies grouped by class, with the current
 * choice per category and a button that reopens the preferences. Rendered into the page's own DOM
 * (not a shadow root) so the privacy page styles it like the rest of its text; `cg-` classes help.
 * `catalogue` is the declarations as `filled()` completes them.
 */
export const renderTable: RenderTable = (
  root,
  { config, choices, undecided, lang, messages: t },
  catalogue?: readonly Declared[],
) => {
  const { categories } = config
  // The same wording as the preferences dialog, from the same declarations; the consent cookie
  // (the first) only where something is offered: elsewhere it is never written.
  const first = categories.length ? 0 : 1
  const cookies = describe(config.cookies.slice(first), config.cookieName, config.lifetimeDays, t, lang, catalogue?.slice(first))
  const columns = [t.name, t.provider, t.purpose, t.lifetime]
  const offered = (c: CookieClass): c is Category => (categories as CookieClass[]).includes(c)
  const groups = CLASSES.filter((c) => offered(c) || cookies.some((d) => d.class === c)).map((c) => {
    const section = el('section', '', { class: 'cg-group', 'data-class': c }, el('h3', t[c]))
    const body = (t as unknown as Record<string, string>)[c + 'Body']
    if (body) section.append(el('p', body))
    if (offered(c)) {
      const state = undecided.includes(c) ? 'undecided' : choices[c] ? 'allowed' : 'refused'
      section.append(
        el(
          'p',
          t.yourChoice + ' ',
          { class: 'cg-choice' },
          el('strong', t[state], { 'data-choice': state }),
          new Text(' '),
          // The gate's click delegation opens the preferences for any [data-consent-open].
          el('button', t.change, { type: 'button', 'data-consent-open': '' }),
        ),
      )
    }
    const rows = cookies.filter((d) => d.class === c)
    if (rows.length) {
      section.append(
        el(
          'table',
          '',
          { class: 'cg-table' },
          el('thead', '', {}, el('tr', '', {}, ...columns.map((h) => el('th', h, { scope: 'col' })))),
          el(
            'tbody',
            '',
            {},
            ...rows.map((d) =>
              el(
                'tr',
                '',
                {},
                // A name such as `_ga` keeps its underscore where it belongs in a right-to-left row.
                el('td', '', {}, el('code', d.name, { dir: 'ltr' })),
                el('td', d.provider),
                el('td', d.purpose),
                el('td', d.lifetime),
              ),
            ),
          ),
        ),
      )
    }
    return section
  })
  if (!categories.length) groups.push(el('p', t.noTrackers, { class: 'cg-none' }))
  // Right to left for Arabic, Persian and Hebrew, as in the banner (index.tsx).
  const dir = /^(ar|fa|he|ur|ps|yi|ckb|dv|sd|ug)\b/i.test(lang) ? 'rtl' : 'ltr'
  root.replaceChildren(el('div', '', { class: 'cg-cookies', lang, dir }, ...groups))
}

/**
 * The page's cookie tables: each drawn when added (once declarations without a class are filled
 * from the catalogue), all redrawn on every change of choice; forgotten when the gate goes.
 */
export function tables(context: () => TableContext) {
  const drawn = new Set<Element>()
  const catalogue = filled(context().config)
  const draw = (element: Element) => catalogue.then((list) => renderTable(element, context(), list))
  return {
    add(element: Element) {
      drawn.add(element)
      return draw(element)
    },
    update: () => drawn.forEach((element) => draw(element).catch((e) => console.error('consent-gate:', e))),
    destroy: () => drawn.clear(),
  }
}

/** How the loader starts the tables: the current choices, and every text with the site's over it. */
export const start: Start<ReturnType<typeof tables>> = (config, lang, language, gate, details, strings) => {
  const t = messages(language.default, details.default, strings)
  return tables(() => ({ config, choices: gate.granted(), undecided: gate.asked(), lang, messages: t }))
}
