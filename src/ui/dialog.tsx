import { h, type ComponentChildren, type VNode } from 'preact'
import type { Category, Declared } from '../config/profiles'
import { describe, filled, messages } from './wording'
import type { UiContext } from './context'
import type { Details, Messages } from '../config/strings'
import type { Choices } from '../consent/record'

/**
 * The dialog's own rules, adopted next to the banner's when this chunk arrives. Right to left
 * mirrors them: logical properties after physical ones, which browsers before them keep; with
 * both `left` and `inset-inline-start` set, a right-to-left box ignores `left`. A cookie table
 * wider than a phone (long words in Finnish or German) scrolls on its own, with room for the
 * summary's focus ring.
 */
export const CSS = `.o{position:fixed;z-index:2147483647;inset:0;background:#0008;display:flex;align-items:center;justify-content:center;padding:12px}
.d{width:100%;max-width:560px;max-height:100%;overflow:auto;padding:18px 20px}
.x{float:right;float:inline-end;background:none;color:var(--fg);border-color:transparent;padding:0 10px;font-size:1.3em}
.c{border-top:1px solid var(--bd);padding:10px 0}
.h{display:flex;align-items:center;justify-content:space-between;gap:12px;font-weight:600}
.h span{font-weight:400;color:var(--mu)}
input{appearance:none;width:46px;height:26px;flex:none;border-radius:13px;background:var(--mu);position:relative;cursor:pointer;margin:0}
input::after{content:"";position:absolute;top:3px;left:3px;inset-inline-start:3px;width:20px;height:20px;border-radius:50%;background:var(--bg);transition:.15s}
input:checked{background:var(--ac)}
input:checked::after{left:23px;inset-inline-start:23px}
details{overflow-x:auto;padding:5px;margin:0 -5px}
summary{cursor:pointer;color:var(--ac);min-height:24px;margin-top:4px}
table{width:100%;border-collapse:collapse;font-size:13px;margin-top:6px}
th,td{text-align:start;padding:4px 6px 4px 0;padding-inline:0 6px;vertical-align:top;border-top:1px solid var(--bd)}`

/** What Tab reaches in the dialog, which keeps focus among them. */
const FOCUSABLE = 'a[href],button,input,summary'

export interface DialogProps {
  /** The choices to start from; toggles are uncontrolled after that. */
  choices: Partial<Record<Category, boolean>>
  /** Accept all and Reject all, with the dialog's own Save after them. */
  buttons(save: ComponentChildren): VNode
  close(): void
  /** Records the dialog's choice: every offered category, as its switch stands. */
  choose(choices: Choices): void
  /** A heading (`#cg-prefs`) and lead in place of the preferences': opt-out and notice visitors' own. */
  head?: ComponentChildren
}

/**
 * The preferences dialog, a chunk of its own: the banner does not need it, so a first visit does
 * not pay for it. The cookies' wording is built once, when the chunk arrives (and the catalogue,
 * if a declaration without a class needs it).
 */
export const dialog = (ctx: UiContext, details: Details) =>
  filled(ctx.config).then((catalogue) => render(ctx, messages(ctx.messages, details, ctx.strings), catalogue))

function render(ctx: UiContext, t: Messages, catalogue: readonly Declared[]) {
  const { config } = ctx
  const cookies = describe(config.cookies, config.cookieName, config.lifetimeDays, t, ctx.lang, catalogue)

  const table = (rows: typeof cookies) =>
    rows.length > 0 && (
      <details>
        <summary>{t.cookies}</summary>
        <table>
          <tr>
            <th>{t.name}</th>
            <th>{t.purpose}</th>
            <th>{t.lifetime}</th>
            <th>{t.provider}</th>
          </tr>
          {rows.map((d) => (
            <tr>
              <td>
                {/* A name such as `_ga` keeps its underscore where it belongs in a right-to-left row. */}
                <bdi>{d.name}</bdi>
              </td>
              <td>{d.purpose}</td>
              <td>{d.lifetime}</td>
              <td>{d.provider}</td>
            </tr>
          ))}
        </table>
      </details>
    )

  // In the dialog's chunk, not the banner's: a first visit needs neither.
  const inside = (e: Event) => (e.currentTarget as Element).getRootNode() as ShadowRoot
  const save = (e: Event, choose: DialogProps['choose']) => {
    const next: Choices = {}
    inside(e)
      .querySelectorAll<HTMLInputElement>('input[name]')
      .forEach((i) => (next[i.name as Category] = i.checked))
    choose(next)
  }
  /** Tab and Shift+Tab cycle inside the dialog; Escape closes it. */
  const onKey = (e: KeyboardEvent, close: () => void) => {
    if (e.key === 'Escape') return close()
    if (e.key !== 'Tab') return
    const root = inside(e)
    const items = Array.from(root.querySelectorAll<HTMLElement>('[role=dialog] ' + FOCUSABLE))
    const edge = e.shiftKey ? items[0] : items[items.length - 1]
    if ((root.activeElement || document.activeElement) === edge) {
      e.preventDefault()
      ;(e.shiftKey ? items[items.length - 1] : items[0]).focus()
    }
  }

  return ({ choices, buttons, close, choose, head }: DialogProps) => (
    <div class="o" onKeyDown={(e) => onKey(e, close)}>
      <div class="d p" role="dialog" aria-modal="true" aria-labelledby="cg-prefs" data-consent-gate="preferences">
        <button class="x" aria-label={t.close} onClick={close}>
          ×
        </button>
        {head || [<h2 id="cg-prefs">{t.prefsTitle}</h2>, <p>{t.prefsBody}</p>]}
        <div class="c">
          <div class="h">
            {t.essential}
            <span>{t.alwaysOn}</span>
          </div>
          <p>{t.essentialBody}</p>
          {table(cookies.filter((d) => !/^(functional|analytics|marketing|unknown)$/.test(d.class)))}
        </div>
        {config.categories.map((c) => (
          <div class="c">
            <label class="h">
              {t[c]}
              <input type="checkbox" role="switch" name={c} defaultChecked={choices[c] === true} />
            </label>
            <p>{t[`${c}Body`]}</p>
            {table(cookies.filter((d) => d.class === c))}
          </div>
        ))}
        {buttons(
          <button data-action="save" onClick={(e) => save(e, choose)}>
            {t.save}
          </button>,
        )}
      </div>
    </div>
  )
}
