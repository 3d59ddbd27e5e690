import { render } from 'preact'
import type { Category } from '../config/profiles'
import type { Choices, MountUi, UiContext, Via } from './context'
import { CSS } from './styles'

const FOCUSABLE = 'a[href],button,input,summary'

/** Adopts the stylesheet without inline styles, so a CSP without 'unsafe-inline' still allows it. */
function style(root: ShadowRoot, nonce?: string) {
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(CSS)
    root.adoptedStyleSheets = [sheet]
  } catch {
    const el = document.createElement('style')
    if (nonce) el.nonce = nonce
    el.textContent = CSS
    root.append(el)
  }
}

/** The lazy UI chunk: a banner and a preferences dialog in an open shadow root. */
export const mount: MountUi = (ctx) => {
  const host = document.createElement('div')
  host.setAttribute('data-consent-gate-host', '')
  host.setAttribute('data-theme', ctx.theme)
  host.lang = ctx.lang
  const root = host.attachShadow({ mode: 'open' })
  style(root, ctx.nonce)
  document.body.append(host)

  const t = ctx.messages
  const all = (value: boolean): Choices => Object.fromEntries(ctx.categories.map((c) => [c, value]))
  let view: '' | 'banner' | 'dialog' = ''
  let decided = false
  let choices = ctx.choices
  // Where focus was before the dialog opened, to give it back on close.
  let opener: HTMLElement | null = null

  const active = () => (root.activeElement || document.activeElement) as HTMLElement | null

  const choose = (next: Choices, via: Via) => {
    decided = true
    choices = next
    close(false)
    ctx.onChoose(next, via)
  }

  const close = (restore = true) => {
    // Closing the dialog is not consent: without a choice the banner comes back.
    view = decided ? '' : 'banner'
    draw()
    // Customise lives in the banner, which was redrawn: its new button takes the focus back.
    const back = opener?.isConnected ? opener : view ? root.querySelector<HTMLElement>('[data-action=customise]') : null
    if (restore) back?.focus()
    opener = null
  }

  const open = () => {
    opener = active()
    view = 'dialog'
    draw()
    root.querySelector<HTMLElement>('[role=dialog] ' + FOCUSABLE)?.focus()
  }

  const save = () => {
    const next: Choices = {}
    root.querySelectorAll<HTMLInputElement>('input[name]').forEach((i) => (next[i.name as Category] = i.checked))
    choose(next, 'dialog')
  }

  /** Tab and Shift+Tab cycle inside the dialog; Escape closes it. */
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') return close()
    if (e.key !== 'Tab') return
    const items = Array.from(root.querySelectorAll<HTMLElement>('[role=dialog] ' + FOCUSABLE))
    const edge = e.shiftKey ? items[0] : items[items.length - 1]
    if (active() === edge) {
      e.preventDefault()
      ;(e.shiftKey ? items[items.length - 1] : items[0]).focus()
    }
  }

  const buttons = (via: Via, extra?: preact.ComponentChildren) => (
    <div class="r">
      <button data-action="accept-all" onClick={() => choose(all(true), via)}>
        {t.acceptAll}
      </button>
      <button data-action="reject-all" onClick={() => choose(all(false), via)}>
        {t.rejectAll}
      </button>
      {extra}
    </div>
  )

  const table = (rows: UiContext['cookies']) =>
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
              <td>{d.name}</td>
              <td>{d.purpose}</td>
              <td>{d.lifetime}</td>
              <td>{d.provider}</td>
            </tr>
          ))}
        </table>
      </details>
    )

  const category = (c: Category) => (
    <div class="c">
      <label class="h">
        {t[c]}
        <input type="checkbox" role="switch" name={c} defaultChecked={choices[c] === true} />
      </label>
      <p>{t[`${c}Body`]}</p>
      {table(ctx.cookies.filter((d) => d.class === c))}
    </div>
  )

  const banner = () => (
    <section class="b" data-consent-gate="banner" role="region" aria-labelledby="cg-title">
      <h2 id="cg-title">{t.title}</h2>
      <p>
        {t.body} {ctx.gpc && t.gpc} {ctx.policyUrl && <a href={ctx.policyUrl}>{t.policy}</a>}
      </p>
      {buttons(
        'banner',
        <button data-action="customise" onClick={open}>
          {t.customise}
        </button>,
      )}
    </section>
  )

  const dialog = () => (
    <div class="o" onKeyDown={onKey}>
      <div class="d" role="dialog" aria-modal="true" aria-labelledby="cg-prefs" data-consent-gate="preferences">
        <button class="x" aria-label={t.close} onClick={() => close()}>
          ×
        </button>
        <h2 id="cg-prefs">{t.prefsTitle}</h2>
        <p>{t.prefsBody}</p>
        <div class="c">
          <div class="h">
            {t.essential}
            <span>{t.alwaysOn}</span>
          </div>
          <p>{t.essentialBody}</p>
          {table(ctx.cookies.filter((d) => !/^(analytics|marketing|unknown)$/.test(d.class)))}
        </div>
        {ctx.categories.map(category)}
        {buttons(
          'dialog',
          <button data-action="save" onClick={save}>
            {t.save}
          </button>,
        )}
      </div>
    </div>
  )

  const draw = () =>
    render(
      <>
        {view === 'banner' && banner()}
        {view === 'dialog' && dialog()}
        {view === '' && decided && ctx.floatingButton && (
          <button class="f" data-action="open-preferences" onClick={open}>
            {t.settings}
          </button>
        )}
      </>,
      root,
    )

  return {
    showBanner() {
      view = 'banner'
      draw()
    },
    openPreferences: open,
    setChoices(next, isDecided) {
      choices = next
      decided = isDecided
      if (view === 'banner' && decided) view = ''
      // Uncontrolled toggles keep their state; a fresh draw of a closed dialog picks this up.
      if (view !== 'dialog') draw()
    },
    destroy() {
      render(null, root)
      host.remove()
    },
  }
}
