import { h, type ComponentChildren, type VNode } from 'preact'
import type { Config } from '../config/options'
import type { Texts } from '../config/strings'
import type { Choices, Via } from '../consent/record'
import type { Language } from './messages/load'

/**
 * What an opt-out refuses: the sale and sharing that GPC also refuses (SALE in config/regions.ts,
 * which no chunk may import: the script-tag loader shares no code with its chunks).
 */
const SALE: readonly string[] = ['analytics', 'marketing']

/** What the views get from the banner's chunk (index.tsx), which keeps the state and draws. */
export interface PolicyHost {
  /** The choices in effect. */
  choices(): Choices
  /** Whether the choice in effect is the one Global Privacy Control made. */
  gpc(): boolean
  /** The banner's frame and its buttons that open the dialog, shared with the notice. */
  panel(name: string, title: string, text: ComponentChildren, actions: ComponentChildren): VNode
  opens(name: string, label: string): VNode
  /** The privacy policy link, if the site has one. */
  privacy: ComponentChildren
  /** Records a choice and closes what showed, or (`stay`) draws the dialog anew. */
  choose(next: Choices, via: Via, stay?: boolean): void
  open(): void
}

export interface PolicyViews {
  /** Under notice: information only, whose one button records that it was seen (an empty choice). */
  notice(): VNode
  /** The dialog's heading and lead: the opt-out, or that the visitor is opted out. */
  head(): ComponentChildren
  /** The label of our "Your privacy choices" link in a corner; none where the page has a place for it. */
  corner?: string
  destroy(): void
}

/**
 * The views of opt-out and notice visitors, a chunk of its own: an opt-in visit never fetches it,
 * nor their texts (English until the language has its own), with the site's over them.
 * Each of the page's `[data-consent-choices]` (its footer, say) becomes the "Your privacy choices"
 * link: a link or button as it is, any other element with a button inside, labelled where empty.
 * Resolves once the document is parsed: the footer may come after the banner's chunk.
 */
export const views =
  (config: Config, language: Language, strings: Partial<Texts>) =>
  (ui: PolicyHost): Promise<PolicyViews> =>
    Promise.all([
      (language.choices || (() => import('./messages/en-choices')))(),
      new Promise((parsed) =>
        document.readyState == 'loading' ? document.addEventListener('DOMContentLoaded', parsed, { once: true }) : parsed(0),
      ),
    ]).then(([texts]) => {
      const t = { ...texts.default, ...strings }
      const undo: (() => void)[] = []
      const places = document.querySelectorAll('[data-consent-choices]')
      for (const el of places) {
        let target = el
        if (!el.matches('a[href],button')) {
          target = Object.assign(document.createElement('button'), { type: 'button' })
          el.append(target)
          undo.push(() => target.remove())
        }
        if (!target.textContent!.trim()) target.textContent = t.choicesLink
        const onClick = (e: Event) => (e.preventDefault(), ui.open())
        target.addEventListener('click', onClick)
        undo.push(() => target.removeEventListener('click', onClick))
      }

      // The opt-out leaves the dialog open, to say it is done; its switches (uncontrolled) say so too.
      const sale = config.categories.filter((c) => SALE.includes(c))
      const optOut = (e: Event) => {
        const root = (e.currentTarget as Element).getRootNode() as ShadowRoot
        ui.choose(Object.fromEntries(sale.map((c) => [c, false])), 'dialog', true)
        for (const c of sale) root.querySelector<HTMLInputElement>(`input[name=${c}]`)!.checked = false
        root.querySelector<HTMLElement>('[data-consent-gate=opted-out]')?.focus()
      }

      return {
        corner: places.length ? undefined : t.choicesLink,
        notice: () =>
          ui.panel(
            'notice',
            t.noticeTitle,
            <p>
              {t.noticeBody} {ui.privacy}
            </p>,
            <div class="r">
              {ui.opens('choices', t.choicesLink)}
              <button data-action="ok" onClick={() => ui.choose({}, 'banner')}>
                {t.ok}
              </button>
            </div>,
          ),
        head: () => [
          <h2 id="cg-prefs">{t.choicesTitle}</h2>,
          <p>{t.choicesBody}</p>,
          sale.length > 0 &&
            (sale.every((c) => ui.choices()[c] === false) ? (
              <p data-consent-gate="opted-out" role="status" tabIndex={-1}>
                {ui.gpc() ? t.gpcHonoured : t.optedOut}
              </p>
            ) : (
              // In a paragraph, for its spacing.
              <p>
                <button data-action="opt-out" onClick={optOut}>
                  {t.optOut}
                </button>
              </p>
            )),
        ],
        destroy: () => undo.forEach((f) => f()),
      }
    })
