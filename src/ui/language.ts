import { loadMessages, type Language } from './messages/load'

export type { Language }

/** Every language we ship, as lower-case BCP 47 tags; each is src/ui/messages/<tag>.ts. */
export const LANGUAGES =
  'ar bg ca cs da de el en es et eu fa fi fr ga gl he hi hr hu id is it ja ko lt lv mt nb nl pl pt pt-br ro sk sl sr sv th tr uk vi zh-hans zh-hant'.split(
    ' ',
  )

/**
 * One preference (a BCP 47 tag) to a language of `list`, as the list spells it, or '': Chinese by
 * script, or by region for Taiwan, Hong Kong and Macau, which write Traditional; Norwegian (`no`,
 * `nn`) as Bokmål; else the longest prefix in the list, in any case, so `pt-BR` is pt-br, `pt-PT`
 * is pt and `de-AT` is de (or a site's own `de-AT`, listed before ours).
 */
const match = (tag: string | undefined, list: string[]): string => {
  const t = `${tag}`.toLowerCase().replace(/_/g, '-')
  if (/^zh\b/.test(t)) return /^zh-(hant|tw|hk|mo)\b/.test(t) ? 'zh-hant' : 'zh-hans'
  if (/^n[on]\b/.test(t)) return 'nb'
  for (let parts = t.split('-'), k; parts.length; parts.pop()) if ((k = list.find((l) => l.toLowerCase() == parts.join('-')))) return k
  return ''
}

/**
 * The first preference (`lang` option, `<html lang>`, the browser's) we have a language for, else
 * English. Without `list`, always one we ship: the script-tag loader builds a chunk's file name
 * from it; with one, the languages the site added with `texts` may be the answer too.
 */
export const pickLanguage = (preferences: (string | undefined)[], list = LANGUAGES): string =>
  preferences.map((p) => match(p, list)).find(Boolean) || 'en'

/**
 * The visitor's language: the `lang` option, then `<html lang>`, then the browser's, then English;
 * a tag the site `added` (a `texts` key, as spelt there) is picked like one we ship.
 */
export const visitorLanguage = (lang: string | undefined, added: string[]): string =>
  pickLanguage([lang, document.documentElement.lang, ...(navigator.languages || [])], [...added, ...LANGUAGES])

export const loadLanguage: (lang: string) => Promise<Language> = loadMessages
