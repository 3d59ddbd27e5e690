import type { Banner, Details, PolicyTexts } from '../../config/strings'

/** A language's banner texts, and a way to fetch the rest. */
export interface Language {
  default: Banner
  details(): Promise<{ default: Details }>
  /**
   * What opt-out and notice visitors read (`<lang>-choices.ts`), where the language has it yet;
   * the banner chunk falls back to English.
   */
  choices?(): Promise<{ default: PolicyTexts }>
}

/**
 * A language's banner chunk, through the table of them all (./index.ts). The script-tag build
 * replaces this module with a single computed import of predictably named chunks
 * (rollup.config.mjs), so its loader needs neither the table nor a round trip for it.
 */
export const loadMessages = (lang: string): Promise<Language> => import('./index').then((m) => m.load(lang))
