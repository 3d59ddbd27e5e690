import type { Language } from './load'

/**
 * Every language's banner chunk, so a visitor downloads only their own; each fetches its details
 * itself. Static imports, so an app's bundler (and vitest) finds every one. In the npm build this
 * table is a small lazy chunk: in an app's entry, 44 file names would weigh 1 KiB.
 */
const CHUNKS: Record<string, () => Promise<Language>> = {
  ar: () => import('./ar'),
  bg: () => import('./bg'),
  ca: () => import('./ca'),
  cs: () => import('./cs'),
  da: () => import('./da'),
  de: () => import('./de'),
  el: () => import('./el'),
  en: () => import('./en'),
  es: () => import('./es'),
  et: () => import('./et'),
  eu: () => import('./eu'),
  fa: () => import('./fa'),
  fi: () => import('./fi'),
  fr: () => import('./fr'),
  ga: () => import('./ga'),
  gl: () => import('./gl'),
  he: () => import('./he'),
  hi: () => import('./hi'),
  hr: () => import('./hr'),
  hu: () => import('./hu'),
  id: () => import('./id'),
  is: () => import('./is'),
  it: () => import('./it'),
  ja: () => import('./ja'),
  ko: () => import('./ko'),
  lt: () => import('./lt'),
  lv: () => import('./lv'),
  mt: () => import('./mt'),
  nb: () => import('./nb'),
  nl: () => import('./nl'),
  pl: () => import('./pl'),
  pt: () => import('./pt'),
  'pt-br': () => import('./pt-br'),
  ro: () => import('./ro'),
  sk: () => import('./sk'),
  sl: () => import('./sl'),
  sr: () => import('./sr'),
  sv: () => import('./sv'),
  th: () => import('./th'),
  tr: () => import('./tr'),
  uk: () => import('./uk'),
  vi: () => import('./vi'),
  'zh-hans': () => import('./zh-hans'),
  'zh-hant': () => import('./zh-hant'),
}

export const load = (lang: string): Promise<Language> => CHUNKS[lang]()
