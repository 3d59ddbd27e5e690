import type { Config } from '../config/options'
import type { Category } from '../config/profiles'
import type { Choices, ConsentRecord, Via } from '../consent/record'
import type { Shown } from '../consent/receipt'
import type { Banner, Details, Messages, Texts } from '../config/strings'
import type { Policy } from '../config/regions'
import type { PolicyHost, PolicyViews } from './choices'
import type { Declared } from '../config/profiles'
import type { Language } from './language'

/** What the UI needs to know of the gate, asked when it needs it. */
export interface GateView {
  record(): ConsentRecord | undefined
  /** The dialog starts from the current choice; never from one that lapsed or came from another revision. */
  prefill(): Choices | undefined
  granted(): Record<Category, boolean>
  /** Offered categories the visitor has not chosen yet. */
  asked(): Category[]
  /**
   * Records a choice; `shown` says what the surface showed (its language and wording digest). With
   * `wait`, what the choice starts runs when `wait` calls it back (after the click's next paint).
   */
  onChoose(choices: Choices, via: Via, shown?: Shown, wait?: (step: () => void) => void): void
  /** The gate's openPreferences: the dialog, or with `ui: false` the site's own. */
  open(): void
  live(): boolean
}

/** What a lazy chunk shows, kept current: a choice made elsewhere (API, another tab) reaches it. */
export interface Part {
  update(choices: Choices, decided: boolean): void
  destroy(): void
}

/**
 * How the loader starts a chunk (each exports one as `start`): with the visitor's language as
 * fetched (for a language the site added, English), and the site's texts for it (`strings` with
 * `texts[lang]` over them), which the chunk puts over the language's. The cookie table and the
 * embeds also get the language's details; the banner fetches them when the dialog is near.
 */
export type Start<P extends Part> = (
  config: Config,
  lang: string,
  language: Language,
  gate: GateView,
  details: { default: Details },
  strings: Partial<Texts>,
) => P

/**
 * Everything the lazy UI chunk gets from the loader. The chunk imports nothing from the core:
 * the script-tag loader is a classic script and cannot share modules with its chunks.
 */
export interface UiContext {
  /** Categories, declarations and UI options (`policyUrl`, `theme`, `nonce`, `floatingButton`). */
  config: Config
  /** The language picked by `visitorLanguage` (ui/language.ts), e.g. `de`, or one the site added, e.g. `sw`. */
  lang: string
  /** That language's banner texts with the site's applied; shown as text, never as HTML. */
  messages: Banner
  /** The site's texts for that language, which the dialog puts over the language's details. */
  strings: Partial<Messages>
  /** The language's other texts, for the dialog: fetched when it is about to open. */
  details(): Promise<Details>
  /** Current choices, to pre-fill the dialog (never pre-ticked on a first visit). */
  choices: Choices
  /** The banner mentions that the browser's Global Privacy Control signal was honoured. */
  gpc: boolean
  /** The categories the banner's buttons set: those the visitor has not chosen yet. */
  asked(): Category[]
  /** Called when the visitor makes a choice. */
  onChoose(choices: Choices, via: Via): void
}

export interface UiHandle extends Part {
  showBanner(): void
  /**
   * Under opt-out or notice rules: the "Your privacy choices" link, and the notice until it was
   * seen (`first`), drawn by their views (choices.tsx, a chunk of its own).
   */
  showPolicy(policy: Policy, first: boolean, views: (host: PolicyHost) => Promise<PolicyViews>): Promise<void>
  openPreferences(): Promise<void>
}

export type MountUi = (ctx: UiContext) => UiHandle

/** What the cookie-table chunk gets from the loader. Plain DOM, no Preact: a privacy page needs no banner code. */
export interface TableContext {
  /** Declarations and the categories offered. */
  config: Config
  /** Effective choices: `true` only where granted. */
  choices: Choices
  /** Offered categories without a choice yet. */
  undecided: readonly Category[]
  lang: string
  /** The language's messages with the site's texts applied. */
  messages: Messages
}

export type RenderTable = (element: Element, ctx: TableContext, catalogue?: readonly Declared[]) => void

export interface EmbedHandle extends Part {
  /** Loads the embeds of granted categories and puts placeholders back for the others. */
  update(): void
}
