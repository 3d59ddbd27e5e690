import { loadMessages, type Language } from './messages/load'

export type { Language }

/** Every language we ship, as lower-case BCP 47 tags; each is src/ui/messages/<tag>.ts. */
export const LANGUAGES =
  'ar bg ca cs da de el en es et eu fa fi fr ga gl he hi hr hu id is it ja ko lt lv mt nb nl pl pt pt-br ro sk sl sr sv th tr uk vi zh-hans zh-hant'.split(
    ' ',
  )

/**
 * One preference (a BCP 47 tag) to a language we ship or the site `added` (lower case), or '':
 * Chinese by script, or by region for Taiwan, Hong Kong and Macau, which write Traditional;
 * Norwegian (`no`, `nn`) as Bokmål; else the longest prefix there is, so `pt-BR` is pt-br, `pt-PT`
 * is pt and `de-AT` is de (or de-at, if the site added it).
 */
const match = (tag: string | undefined, added: string[]): string => {
  const t = `${tag}`.toLowerCase().replace(/_/g, '-')
  if (/^zh\b/.test(t)) return /^zh-(hant|tw|hk|mo)\b/.test(t) ? 'zh-hant' : 'zh-hans'
  if (/^n[on]\b/.test(t)) return 'nb'
  for (let parts = t.split('-'), l; parts.length; parts.pop()) if (LANGUAGES.includes((l = parts.join('-'))) || added.includes(l)) return l
  return ''
}

/**
 * The first preference we ship a language for (`lang` option, `<html lang>`, the browser's), or
 * that the site `added` with its `texts`, else English. Without `added`, always one we ship: the
 * script-tag loader builds a chunk's file name from it.
 */
export const pickLanguage = (preferences: (string | undefined)[], added: string[] = []): string =>
  preferences.map((p) => match(p, added)).find(Boolean) || 'en'

/** The visitor's language: the `lang` option, then `<html lang>`, then the browser's, then English. */
export const visitorLanguage = (lang: string | undefined, added?: string[]): string =>
  pickLanguage([lang, document.documentElement.lang, ...(navigator.languages || [])], added)

export const loadLanguage: (lang: string) => Promise<Language> = loadMessages
