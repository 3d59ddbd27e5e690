import { h, options, render, type ComponentChildren, type VNode } from 'preact'
import type { Policy } from '../config/regions'
import type { Details } from '../config/strings'
import type { Shown } from '../consent/receipt'
import type { Choices, Via } from '../consent/record'
import { shownIn } from '../consent/shown'
import type { PolicyViews } from './choices'
import type { MountUi, Start, UiHandle } from './context'
import type { DialogProps } from './dialog'
import { CSS } from './styles'

const PROTO = Object.prototype as Record<string, unknown>

/**
 * Preact copies and diffs props with `for…in`, which walks Object.prototype: a key another script
 * put there (say `dangerouslySetInnerHTML`) would reach our DOM. While we build and render, each
 * vnode's props become prototype-free, without any value that merely repeats an inherited one.
 * The hook is ours only for that synchronous moment, so an app sharing Preact is not touched.
 */
function paint(draw: () => void) {
  const before = options.vnode
  options.vnode = (v) => {
    if (typeof v.props === 'object') {
      const props = Object.create(null)
      for (const k of Object.keys(v.props)) if (!(k in PROTO && v.props[k as never] === PROTO[k])) props[k] = v.props[k as never]
      v.props = props
    }
    before?.(v)
  }
  try {
    draw()
  } finally {
    options.vnode = before
  }
}

/** A chunk that did not arrive: said once, and the page goes on without it. */
const failed = (e: unknown) => console.error('consent-gate: could not load the preferences', e)

/** Whether focus is where the visitor may be typing: a field, editable text, or a frame we cannot see into. */
const typing = () => {
  let el = document.activeElement
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
  return el?.matches('input,textarea,select,iframe,[contenteditable]')
}

/**
 * The theme a page asks for: its root's `color-scheme`, or else its `<meta name="color-scheme">`,
 * as browsers read them. A page that declares one scheme only gets it; one that declares both or
 * nothing gets `auto`, the visitor's (prefers-color-scheme).
 */
export const pageTheme = (): 'light' | 'dark' | 'auto' => {
  const css = getComputedStyle(document.documentElement).colorScheme
  const s = css && css != 'normal' ? css : document.querySelector<HTMLMetaElement>('meta[name=color-scheme]')?.content
  const [one, two] = s?.match(/\b(light|dark)\b/g) || []
  return (!two && (one as 'light' | 'dark')) || 'auto'
}

/** Adopts a stylesheet without inline styles, so a CSP without 'unsafe-inline' still allows it. */
function style(root: ShadowRoot, css: string, nonce?: string) {
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  } catch {
    const el = document.createElement('style')
    if (nonce) el.nonce = nonce
    el.textContent = css
    root.append(el)
  }
}

/**
 * The lazy UI chunk: the banner, in an open shadow root. The preferences dialog is a chunk of its
 * own, fetched when the visitor is about to open it (hover or focus on Customise) or opens it.
 */
export const mount: MountUi = (ctx) => {
  const { config, messages: t } = ctx
  const { policyUrl, nonce } = config
  const host = document.createElement('div')
  host.setAttribute('data-consent-gate-host', '')
  // A box or a full-width bar, at the bottom or the top (styles.ts).
  host.setAttribute('data-layout', config.layout || 'box')
  host.setAttribute('data-position', config.position || 'bottom')
  host.lang = ctx.lang
  // Arabic, Persian, Hebrew, Urdu and a few more (a site may add them with `texts`) are written
  // right to left; the styles use logical properties, so the layout mirrors. The cookie table
  // (table.ts) makes the same test: chunks share no code.
  host.dir = /^(ar|fa|he|ur|ps|yi|ckb|dv|sd|ug)\b/i.test(ctx.lang) ? 'rtl' : 'ltr'
  const root = host.attachShadow({ mode: 'open' })
  style(root, CSS, nonce)
  document.body.append(host)

  // The banner asks only about what is still to choose; the dialog sets every category.
  const all = (value: boolean, via: Via): Choices =>
    Object.fromEntries((via === 'banner' ? ctx.asked() : config.categories).map((c) => [c, value]))
  let view: '' | 'banner' | 'dialog' = ''
  let decided = false
  let choices = ctx.choices
  // Under opt-out or notice rules, their views (choices.tsx), once showPolicy brought them: the
  // notice stands in for the banner.
  let rules: PolicyViews | undefined
  // Where focus was before the dialog opened, to give it back on close; for our own buttons,
  // which the dialog unmounts, also their action, to find the redrawn twin.
  let opener: HTMLElement | null = null
  let action: string | undefined
  // Counts local choices and the UI's removal, so a late dialog knows the moment has passed.
  let chosen = 0
  let dialog: ((props: DialogProps) => VNode) | undefined
  let loading: Promise<void> | undefined

  const active = () => (root.activeElement || document.activeElement) as HTMLElement | null

  // The opt-out `stay`s in the dialog, drawn anew once the gate has the choice, to say it is done.
  // Otherwise the click's frame only hides what showed (a style, no render): the gate redraws it
  // with the choice (update) after the next paint, along with everything else the choice starts.
  const choose = (next: Choices, via: Via, stay?: boolean) => {
    chosen++
    decided = true
    choices = next
    stay || ((view = ''), (host.style.display = 'none'))
    ctx.onChoose(next, via)
    stay && draw()
  }

  // Under opt-out and notice the switches start on for what the visitor never chose. Saved as
  // found, they are no opt-in (a pre-ticked box is no consent), so a visit under opt-in still asks.
  const given = (next: Choices) =>
    Object.fromEntries(Object.entries(next).filter(([c, on]) => !on || !ctx.asked().includes(c as never)))

  const close = () => {
    // Closing the dialog is not consent: without a choice the banner (or the notice) comes back.
    view = decided ? '' : 'banner'
    draw()
    const back = opener?.isConnected ? opener : action ? root.querySelector<HTMLElement>(`[data-action=${action}]`) : null
    back?.focus()
    opener = null
    action = undefined
  }

  // A failed fetch, or a dialog that could not be built from it, is forgotten: the next attempt
  // tries again.
  const load = () =>
    (loading ||= Promise.all([import('./dialog'), ctx.details()])
      .then(([m, all]) =>
        m.dialog(ctx, all).then((d) => {
          dialog = d
          style(root, m.CSS, nonce)
        }),
      )
      .catch((e) => {
        loading = undefined
        throw e
      }))
  const preload = () => load().catch(() => {})

  const open = () => {
    const from = active()
    const own = from && from === root.activeElement ? from.dataset.action : undefined
    const asked = chosen
    return load().then(() => {
      // A choice made (or the UI removed) while the chunk was on its way cancels the opening.
      if (asked !== chosen) return
      opener = from
      action = own
      view = 'dialog'
      draw()
      // Its first focusable element: the close button.
      root.querySelector<HTMLElement>('[role=dialog] button')?.focus()
    }, failed)
  }

  // Accept and Reject each carry the other's label as `data-twin`, which the styles lay out
  // hidden: both then have one intrinsic size, so they share a row as equal columns or stack
  // as equal rows, whichever label is longer.
  const buttons = (via: Via) => (extra: ComponentChildren) => (
    <div class="r">
      <div class="q">
        <button data-action="accept-all" data-twin={t.rejectAll} onClick={() => choose(all(true, via), via)}>
          {t.acceptAll}
        </button>
        <button data-action="reject-all" data-twin={t.acceptAll} onClick={() => choose(all(false, via), via)}>
          {t.rejectAll}
        </button>
      </div>
      {extra}
    </div>
  )

  // What Accept all grants here, a line per category: those still to choose, or with none left
  // (the notice that GPC was honoured) every one offered.
  const lines = () => {
    const asked = ctx.asked()
    return (asked.length ? asked : config.categories).map((c) => <li>{t[`${c}Line`]}</li>)
  }

  // The first layer, banner or notice: a region named by its title, which takes focus when it appears.
  const panel = (name: string, title: string, text: ComponentChildren, actions: ComponentChildren) => (
    <section class="b p" data-consent-gate={name} role="region" aria-labelledby="cg-title" tabIndex={-1}>
      <div class="t">
        <h2 id="cg-title">{title}</h2>
        {text}
      </div>
      {actions}
    </section>
  )
  const opens = (name: string, label: string) => (
    <button data-action={name} onClick={open} onPointerEnter={preload} onFocus={preload}>
      {label}
    </button>
  )
  const privacy = policyUrl && <a href={policyUrl}>{t.policy}</a>

  const banner = () =>
    panel(
      'banner',
      t.title,
      [
        <p>{t.body}</p>,
        <ul>{lines()}</ul>,
        <p>
          {t.anytime} {ctx.gpc && t.gpc} {privacy}
        </p>,
      ],
      buttons('banner')(opens('customise', t.customise)),
    )

  const show = () => {
    view = 'banner'
    draw()
    // A keyboard visitor meets the banner first, before the page's links, as in
    // vanilla-cookieconsent; but focus stays with a field the visitor is typing in.
    if (!typing()) root.querySelector<HTMLElement>('.b')?.focus()
  }

  // The host's `lang` does not reach inside: `all: initial` resets the inherited language too.
  // Line breaking (Japanese kinsoku, phrases) and the choice of CJK glyphs need it.
  const draw = () => {
    host.style.display = ''
    // Under opt-out and notice, the "Your privacy choices" link, where the page has no place for it.
    const corner = rules ? rules.corner : config.floatingButton && t.settings
    // Read on every draw: a page may switch its scheme (a theme toggle) while the banner shows.
    host.setAttribute('data-theme', config.theme == 'auto' ? pageTheme() : config.theme)
    paint(() =>
      render(
        <div lang={ctx.lang}>
          {view === 'banner' && (rules ? rules.notice() : banner())}
          {view === 'dialog' &&
            dialog?.({
              choices,
              buttons: buttons('dialog'),
              close,
              choose: (next) => choose(rules ? given(next) : next, 'dialog'),
              head: rules?.head(),
            })}
          {view === '' && decided && corner && (
            <button class="f" data-action="open-preferences" onClick={open}>
              {corner}
            </button>
          )}
        </div>,
        root,
      ),
    )
  }

  return {
    showBanner: show,
    showPolicy(policy, first, views) {
      decided = policy == 'opt-out' || !first
      return views({
        choices: () => choices,
        // GPC's choice, until the visitor makes one here.
        gpc: () => ctx.gpc && !chosen,
        panel,
        opens,
        privacy,
        choose,
        open,
      }).then((v) => {
        if (!host.isConnected) return v.destroy()
        rules = v
        decided ? draw() : show()
      })
    },
    openPreferences: open,
    update(next, isDecided) {
      choices = next
      decided = isDecided
      if (view === 'banner' && decided) view = ''
      // Uncontrolled toggles keep their state; a fresh draw of a closed dialog picks this up.
      if (view !== 'dialog') draw()
    },
    destroy() {
      chosen++
      rules?.destroy()
      render(null, root)
      host.remove()
    },
  }
}

/**
 * How the loader starts the banner: with the gate's view and the visitor's language, the site's
 * texts over its own. With GPC the banner shows once to say the signal was honoured.
 */
export const start: Start<
  Omit<UiHandle, 'showBanner' | 'showPolicy'> & {
    showBanner(gpc: boolean): void
    showPolicy(policy: Policy, first: boolean): void
  }
> = (config, lang, language, gate, _, strings) => {
  // What the banner and the dialog show, for the receipt (consent/shown.ts). Each shows once its
  // texts are hashed, a moment's work, so a choice there is recorded at once, as ever; one made
  // sooner (the dialog closed back to a banner not hashed yet) names the language alone.
  const surfaces: { [via in Via]?: Shown } = {}
  const seen = (via: Via, details?: Details) =>
    shownIn(lang, language.default, details, strings, config).then((s) => void (surfaces[via] ||= s))
  const hashed = seen('banner')
  /**
   * Runs a step after the browser paints its next frame: a click's task then only shows its
   * effect, and what the choice starts runs in a task of its own (Interaction to Next Paint). A
   * hidden tab paints no frame, so the step also runs within a second, and at once when the page
   * is hidden or left (a click on a link right after "Accept all"), so its receipt still leaves,
   * with `keepalive`: listened for from the start, as adding a listener in the click costs its
   * task. A step must bear running several times (the gate's flush does).
   */
  let step = () => {}
  const now = () => step()
  const leaving = (on: boolean) => {
    for (const left of ['pagehide', 'visibilitychange']) window[on ? 'addEventListener' : 'removeEventListener'](left, now)
  }
  const afterPaint = (next: () => void) => {
    step = next
    requestAnimationFrame(() => setTimeout(next))
    setTimeout(next, 1e3)
  }
  leaving(true)
  const h = mount({
    config,
    lang,
    messages: { ...language.default, ...strings },
    strings,
    details: () => language.details().then((d) => seen('dialog', d.default).then(() => d.default)),
    // Prototype-free: a polluted `Object.prototype.analytics` must not tick a switch.
    choices: Object.assign(Object.create(null), gate.prefill()),
    gpc: gate.record()?.via === 'gpc',
    asked: gate.asked,
    onChoose: (choices, via) => gate.onChoose(choices, via, surfaces[via] || { lang }, afterPaint),
  })
  return {
    ...h,
    destroy() {
      leaving(false)
      h.destroy()
    },
    showBanner: (gpc) => void hashed.then(() => (gpc || gate.asked().length) && h.showBanner()),
    showPolicy(policy, first) {
      // The notice shows in the banner's place, but is no surface the server's wordingOf knows: a
      // choice there names the language alone.
      surfaces.banner = { lang }
      // Only where opt-out or notice rules apply.
      import('./choices').then((m) => h.showPolicy(policy, first, m.views(config, language, strings))).catch(failed)
    },
  }
}

// An embed's "always allow" hashes its texts here: the banner's chunk holds the hashing.
export { shownIn }
