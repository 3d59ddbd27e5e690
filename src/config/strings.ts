/*
 * The UI's texts, by key. They live in the core because the `strings` option is checked against
 * them at start-up, before any language chunk is fetched.
 */

/** What the banner says: every first visit downloads it, so it holds nothing else. */
export interface Banner {
  title: string
  /** What the site needs, leading into one line per offered category: what Accept all grants here. */
  body: string
  analyticsLine: string
  marketingLine: string
  functionalLine: string
  /** After the lines: the visitor may withdraw. */
  anytime: string
  gpc: string
  policy: string
  acceptAll: string
  rejectAll: string
  customise: string
  settings: string
}

/** What only the preferences dialog and the cookie table say. */
export interface Details {
  prefsTitle: string
  prefsBody: string
  save: string
  close: string
  essential: string
  essentialBody: string
  alwaysOn: string
  analytics: string
  analyticsBody: string
  marketing: string
  marketingBody: string
  functional: string
  functionalBody: string
  /** An embed's placeholder; `{provider}` is replaced by the provider's name, e.g. YouTube. */
  embedTitle: string
  embedBody: string
  /** Loads that one embed and grants nothing. */
  embedLoad: string
  /** Grants a category site-wide; also `{category}`, the category's name. */
  embedAlways: string
  /** The dialog that asks before embedAlways grants; `{provider}` and `{category}` as there. */
  embedConfirm: string
  allow: string
  cancel: string
  cookies: string
  name: string
  purpose: string
  lifetime: string
  provider: string
  /** Provider of the consent cookie itself. */
  thisSite: string
  /** Lifetimes that are not a duration: the browser session, nothing stored, kept until cleared. */
  lifeSession: string
  lifeNone: string
  lifeKept: string
  /** Cookie-table headings for the classes the dialog folds into "essential". */
  session: string
  xsrf: string
  unknown: string
  yourChoice: string
  allowed: string
  refused: string
  undecided: string
  change: string
  noTrackers: string
  /** Purpose of each built-in declaration, by name. */
  about: Record<string, string>
}

/**
 * What a visitor under opt-out or notice rules reads (docs/regions.md): fetched only where those
 * rules apply, so an opt-in visit downloads none of it.
 */
export interface PolicyTexts {
  /** The persistent link under opt-out (and notice) that opens the dialog. */
  choicesLink: string
  /** The dialog's heading and lead under opt-out. */
  choicesTitle: string
  choicesBody: string
  /** The one switch of an opt-out: off refuses analytics and marketing. */
  optOut: string
  /** Said once the visitor is opted out. */
  optedOut: string
  /** Said when a Global Privacy Control signal opted the visitor out. */
  gpcHonoured: string
  /** The notice, information only, and its one button. */
  noticeTitle: string
  noticeBody: string
  ok: string
}

/** What the dialog and the cookie table say, the banner's texts included. */
export type Messages = Banner & Details

/** Every text the UI shows. A site overrides any of them with `texts` (by language) or `strings` (all languages). */
export type Texts = Messages & PolicyTexts

/**
 * Every key of Texts, for the option check; a test keeps it in step with the interfaces. The
 * classes come first, in CLASSES' order (the cookie table heads each class with its own text), so
 * the loader's gzip stores those words once.
 */
export const STRING_KEYS =
  'essential session xsrf functional analytics marketing unknown title body analyticsLine marketingLine functionalLine anytime gpc policy acceptAll rejectAll customise settings prefsTitle prefsBody save close essentialBody alwaysOn analyticsBody marketingBody functionalBody embedTitle embedBody embedLoad embedAlways embedConfirm allow cancel cookies name purpose lifetime provider thisSite lifeSession lifeNone lifeKept yourChoice allowed refused undecided change noTrackers about choicesLink choicesTitle choicesBody optOut optedOut gpcHonoured noticeTitle noticeBody ok'.split(
    ' ',
  )
