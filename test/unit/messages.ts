import { loadLanguage } from '../../src/ui/language'
import type { Messages } from '../../src/config/strings'

/** A language as the dialog and the cookie table see it: banner texts and details together. */
export const messagesFor = async (lang: string): Promise<Messages> => {
  const m = await loadLanguage(lang)
  return { ...m.default, ...(await m.details()).default }
}

export const en = await messagesFor('en')
export const de = await messagesFor('de')

/** Names that stay as they are in every language. */
export const NAMES = /Google Analytics|Global Privacy Control|Vercel( Web Analytics)?|\{provider\}/g
/** Common English words: a translation (names taken out) that holds one was likely left in English. */
export const ENGLISH = /\b(the|and|your|you|with|this|which|only|until|analytics|consent|choices)\b/i
