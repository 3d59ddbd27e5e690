import { loadMessages, type Language } from './messages/load'

export type { Language }

/** Every language we ship, as lower-case BCP 47 tags; each is src/ui/messages/<tag>.ts. */
export const LANGUAGES =
  'ar bg ca cs da de el en es et eu fa fi fr ga gl he hi hr hu id is it ja ko lt lv mt nb nl pl pt pt-br ro sk sl sr sv th tr uk vi zh-hans zh-hant'.split(
    ' ',
  )

/**
 * One preference (a BCP 47 tag) to a language we ship, or '': Chinese by script, or by region for
 * Taiwan, Hong Kong and Macau, which write Traditional; Norwegian (`no`, `nn`) as Bokmål; else the
 * longest prefix we ship, so `pt-BR` is pt-br, `pt-PT` is pt and `de-AT` is de.
 */
const match = (tag: string | undefined): string => {
  const t = `${tag}`.toLowerCase().replace(/_/g, '-')
  if (/^zh\b/.test(t)) return /^zh-(hant|tw|hk|mo)\b/.test(t) ? 'zh-hant' : 'zh-hans'
  if (/^n[on]\b/.test(t)) return 'nb'
  for (const parts = t.split('-'); parts.length; parts.pop()) if (LANGUAGES.includes(parts.join('-'))) return parts.join('-')
  return ''
}

/** The first preference we ship a language for (`lang` option, `<html lang>`, the browser's), else English. */
export const pickLanguage = (preferences: (string | undefined)[]): string => preferences.map(match).find(Boolean) || 'en'

/** The visitor's language: the `lang` option, then `<html lang>`, then the browser's, then English. */
export const visitorLanguage = (lang: string | undefined): string =>
  pickLanguage([lang, document.documentElement.lang, ...(navigator.languages || [])])

export const loadLanguage: (lang: string) => Promise<Language> = loadMessages
