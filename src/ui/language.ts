import type { Banner, Details } from '../config/strings'

/** A language's banner texts, and a way to fetch the rest. */
export interface Language {
  default: Banner
  details(): Promise<{ default: Details }>
}

// One chunk per language, so a visitor downloads only their own; each fetches its details itself.
const LANGUAGES: Record<string, () => Promise<Language>> = {
  en: () => import('./messages/en'),
  de: () => import('./messages/de'),
  fr: () => import('./messages/fr'),
  es: () => import('./messages/es'),
  it: () => import('./messages/it'),
  nl: () => import('./messages/nl'),
  pt: () => import('./messages/pt'),
}

/** The first supported language among BCP 47 preferences (`pt-BR` counts as `pt`), else English. */
export const pickLanguage = (preferences: (string | undefined)[]): string =>
  preferences
    .map((tag) => `${tag}`.toLowerCase().split('-')[0])
    .find((lang) => Object.prototype.hasOwnProperty.call(LANGUAGES, lang)) || 'en'

export const loadLanguage = (lang: string): Promise<Language> => LANGUAGES[lang]()
