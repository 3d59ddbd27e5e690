import { describe, expect, it } from 'vitest'
import type { PolicyTexts } from '../../../src/config/strings'
import { LANGUAGES } from '../../../src/ui/language'
import en from '../../../src/ui/messages/en-choices'
import { ENGLISH, NAMES } from '../messages'

// What a language may write exactly as English does: the button of a notice.
const SAME_AS_ENGLISH = new Set(['OK'])
/**
 * A guard against runaway text (the dialog must fit 360 px): at most twice the English length,
 * and for the shortest texts (`ok` is 2 letters) room for a language's own short word.
 */
const longest = (english: string) => Math.max(2 * [...english].length, 12)

const choicesOf = async (lang: string): Promise<PolicyTexts> =>
  (await import(`../../../src/ui/messages/${lang}-choices.ts`)).default

describe.each(LANGUAGES)('the texts for opt-out and notice in %s', (lang) => {
  it('have exactly the English keys', async () => {
    expect(Object.keys(await choicesOf(lang)).sort()).toEqual(Object.keys(en).sort())
  })

  it('are each said in its own words, in plain text, about as long as the English', async () => {
    const theirs: Record<string, string> = { ...en }
    const problems = Object.entries(await choicesOf(lang)).flatMap(([key, text]) => {
      if (!Object.hasOwn(en, key)) return [`${key} is no English key`]
      if (typeof text != 'string' || !/\S/.test(text) || text.trim() !== text) return [`${key} is blank or padded`]
      const found = []
      if (/[<>]|&\w+;/.test(text)) found.push(`${key} holds markup: ${text}`)
      if ([...text].length > longest(theirs[key])) found.push(`${key} is over twice the English length: ${text}`)
      if (lang === 'en') return found
      if (text === theirs[key] && !SAME_AS_ENGLISH.has(text)) found.push(`${key} is still English: ${text}`)
      if (ENGLISH.test(text.replace(NAMES, ''))) found.push(`${key} reads as English: ${text}`)
      return found
    })
    expect(problems).toEqual([])
  })

  it('name the link in the notice as the link itself reads', async () => {
    const texts = await choicesOf(lang)
    expect(texts.noticeBody).toContain(texts.choicesLink)
  })
})
