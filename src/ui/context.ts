import type { Config } from '../config/options'
import type { Category } from '../config/profiles'
import type { Choices, Via } from '../consent/record'
import type { Banner, Messages } from '../config/strings'
import type { Declared } from '../config/profiles'

/**
 * Everything the lazy UI chunk gets from the loader. The chunk imports nothing from the core:
 * the script-tag loader is a classic script and cannot share modules with its chunks.
 */
export interface UiContext {
  /** Categories, declarations and UI options (`policyUrl`, `theme`, `nonce`, `floatingButton`). */
  config: Config
  /** The language picked by `pickLanguage` (ui/language.ts), e.g. `de`. */
  lang: string
  /** That language's banner texts with the site's `strings` applied; shown as text, never as HTML. */
  messages: Banner
  /** Every text, for the dialog: fetched when it is about to open. */
  details(): Promise<Messages>
  /** Current choices, to pre-fill the dialog (never pre-ticked on a first visit). */
  choices: Choices
  /** The banner mentions that the browser's Global Privacy Control signal was honoured. */
  gpc: boolean
  /** The categories the banner's buttons set: those the visitor has not chosen yet. */
  asked(): Category[]
  /** Called when the visitor makes a choice. */
  onChoose(choices: Choices, via: Via): void
}

export interface UiHandle {
  showBanner(): void
  openPreferences(): Promise<void>
  /** Update what the UI shows after a choice made elsewhere (API, another tab). */
  setChoices(choices: Choices, decided: boolean): void
  destroy(): void
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
  /** The language's messages with the site's `strings` applied. */
  messages: Messages
}

export type RenderTable = (element: Element, ctx: TableContext, catalogue?: readonly Declared[]) => void

export interface EmbedHandle {
  /** Loads the embeds of granted categories and puts placeholders back for the others. */
  update(): void
  destroy(): void
}
