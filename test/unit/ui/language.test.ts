import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveConfig } from '../../../src/config/options'
import { STRING_KEYS } from '../../../src/config/strings'
import { LANGUAGES, loadLanguage, pickLanguage, visitorLanguage } from '../../../src/ui/language'
import { en, ENGLISH, NAMES } from '../messages'

const EU = 'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' ')
const MORE = 'ca eu gl is nb sr tr uk ar he fa ja ko zh-hans zh-hant hi id vi th pt-br'.split(' ')

describe('the languages we ship', () => {
  it('are at least 40, every official EU language among them, each a file in src/ui/messages', () => {
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(40)
    expect(LANGUAGES).toEqual(expect.arrayContaining([...EU, ...MORE]))
    const files = readdirSync(join(import.meta.dirname, '../../../src/ui/messages'))
      .filter((f) => !/-(details|choices)\.|^(index|load)\./.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
    expect(files.sort()).toEqual([...LANGUAGES].sort())
  })
})

describe('pickLanguage', () => {
  it.each([
    [['pt-BR'], 'pt-br'],
    [['pt-PT'], 'pt'],
    [['pt'], 'pt'],
    [['zh-HK'], 'zh-hant'],
    [['zh-TW'], 'zh-hant'],
    [['zh-MO'], 'zh-hant'],
    [['zh-Hant'], 'zh-hant'],
    [['zh-Hant-CN'], 'zh-hant'],
    [['zh'], 'zh-hans'],
    [['zh-CN'], 'zh-hans'],
    [['zh-SG'], 'zh-hans'],
    [['zh-Hans'], 'zh-hans'],
    [['zh-Hans-HK'], 'zh-hans'],
    [['no'], 'nb'],
    [['nn-NO'], 'nb'],
    [['nb-NO'], 'nb'],
    [['de-AT', 'en'], 'de'],
    [['xx', 'FR-ca'], 'fr'],
    [['sr-Latn-RS'], 'sr'],
    [['en_GB'], 'en'],
    [['pt_BR'], 'pt-br'],
    [['he-IL'], 'he'],
    [[undefined, '', 'ja-JP'], 'ja'],
    [['zhx', 'nox', 'ko'], 'ko'],
    [['xx'], 'en'],
    [[], 'en'],
  ])('picks %j → %s', (prefs, lang) => {
    expect(pickLanguage(prefs)).toBe(lang)
  })

  // The script-tag loader builds a chunk's file name from the answer.
  it('answers only a language we ship, whatever a page or a browser says', () => {
    const tag = fc.oneof(fc.string(), fc.constantFrom('zh', 'no', 'pt-BR', '../x', 'en-../../x', '__proto__', 'constructor'))
    fc.assert(fc.property(fc.array(fc.option(tag, { nil: undefined })), (prefs) => LANGUAGES.includes(pickLanguage(prefs))))
  })
})

describe('a language the site adds with texts', () => {
  afterEach(() => {
    document.documentElement.lang = ''
    vi.restoreAllMocks()
  })

  it.each([
    [['sw-KE', 'de'], ['sw'], 'sw'],
    [['de', 'sw'], ['sw'], 'de'],
    // Spelt as the site spelt its key, matched in any case.
    [['PT-br'], ['pt-BR'], 'pt-BR'],
    [['de-AT'], ['de-AT'], 'de-AT'],
    [['de-CH'], ['de-AT'], 'de'],
    [['xx'], ['sw'], 'en'],
  ])('picks %j with %j added → %s', (prefs, added, lang) => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(prefs)
    expect(visitorLanguage(undefined, added)).toBe(lang)
  })

  it('is picked from the lang option and <html lang> as ours are', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr'])
    expect(visitorLanguage('sw', ['sw'])).toBe('sw')
    document.documentElement.lang = 'sw-TZ'
    expect(visitorLanguage(undefined, ['sw'])).toBe('sw')
    // Not named by the site, it is no language of ours.
    expect(visitorLanguage(undefined, [])).toBe('fr')
  })

  it('is never a chunk to fetch: a tag without a list gives a language we ship', () => {
    expect(pickLanguage(['sw'])).toBe('en')
    expect(pickLanguage(['de-AT'])).toBe('de')
  })
})

describe('the order of preferences', () => {
  afterEach(() => {
    document.documentElement.lang = ''
    vi.restoreAllMocks()
  })

  const picked = (lang?: string) => visitorLanguage(resolveConfig({ site: 'pisama', lang }).lang, [])

  it('is the lang option, then <html lang>, then navigator.languages, then English', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['xx', 'fi-FI'])
    document.documentElement.lang = 'pl'
    expect(picked('el')).toBe('el')
    expect(picked()).toBe('pl')
    document.documentElement.lang = 'tlh'
    expect(picked()).toBe('fi')
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['xx'])
    expect(picked()).toBe('en')
  })
})

// Words that some languages write as English does.
const SAME_AS_ENGLISH = new Set(['Marketing', 'Session', 'Name'])
const placeholders = (s: string) => [...new Set(s.match(/\{\w+\}/g))].sort()

describe.each(LANGUAGES)('%s', (lang) => {
  it('has every key of Banner in its banner chunk and of Details in its details chunk, and nothing else', async () => {
    const m = await loadLanguage(lang)
    const d = (await m.details()).default
    const english = await loadLanguage('en')
    const englishDetails = (await english.details()).default
    expect(Object.keys(m.default).sort()).toEqual(Object.keys(english.default).sort())
    expect(Object.keys(d).sort()).toEqual(Object.keys(englishDetails).sort())
    expect(Object.keys(d.about).sort()).toEqual(Object.keys(englishDetails.about).sort())
    // The texts of opt-out and notice visitors come in a file of their own, <lang>-choices.ts.
    const policy = Object.keys((await import('../../../src/ui/messages/en-choices')).default)
    expect([...Object.keys(m.default), ...Object.keys(d), ...policy].sort()).toEqual([...STRING_KEYS].sort())
  })

  it('says everything, in its own words, with the placeholders kept', async () => {
    const m = await loadLanguage(lang)
    const { about, ...details } = (await m.details()).default
    const ours: Record<string, string> = { ...m.default, ...details, ...about }
    const { about: enAbout, ...enTexts } = en
    const theirs: Record<string, string> = { ...enTexts, ...enAbout }
    const problems = Object.entries(ours).flatMap(([key, text]) => {
      const found = []
      if (!/\S/.test(text) || text.trim() !== text) found.push(`${key} is blank or padded`)
      if (`${placeholders(text)}` !== `${placeholders(theirs[key])}`) found.push(`${key} lost a placeholder`)
      if (lang === 'en') return found
      if (text === theirs[key] && !SAME_AS_ENGLISH.has(text)) found.push(`${key} is still English: ${text}`)
      if (ENGLISH.test(text.replace(NAMES, ''))) found.push(`${key} reads as English: ${text}`)
      return found
    })
    expect(problems).toEqual([])
  })
})
