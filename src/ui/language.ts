import type { Messages } from './messages/en'

// One chunk per language, so a visitor downloads only their own.
const LANGUAGES: Record<string, () => Promise<{ default: Messages }>> = {
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

export const loadMessages = (lang: string): Promise<Messages> => LANGUAGES[lang]().then((m) => m.default)
