import type { Options } from '../config/options'
import { pickLanguage } from '../ui/language'
import { readConsent, serverConfig } from './consent'
import { CHUNKS } from './manifest'

export interface HintOptions {
  /** Where the SDK's `dist/` is served, e.g. `/consent-gate/`: the loader's own folder. */
  base: string
  /**
   * The page's language (`<html lang>`), then the visitor's if you like (from `Accept-Language`):
   * the banner takes the `lang` option first, then these, matched as BCP 47 tags with fallbacks
   * (`pt-BR` is Brazilian Portuguese, `de-AT` German), else English.
   */
  lang?: string | readonly string[]
  /** `html` (default): `<link rel="modulepreload">` tags for the `<head>`; `header`: a `Link` header value. */
  format?: 'html' | 'header'
  /** The region hint this response gives the page (`regionHint()`), as `readConsent`'s `hint`. */
  hint?: string
  /** The chunk manifest of the build you serve, if not the one this package was built with. */
  manifest?: Readonly<Record<string, string>>
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`)

/**
 * What a first visit needs besides the loader, for the browser to fetch alongside it rather than
 * a round trip later: the banner chunk and its language's texts. Empty under opt-in when a choice
 * is stored (the banner will not show), when the site offers nothing to ask (it never shows), or
 * with `ui: false` (the site draws its own). Under opt-out and notice (docs/regions.md), the chunk
 * draws the "Your privacy choices" link or the notice on every page, so it is always wanted, with
 * the texts of those policies. Global Privacy Control changes nothing here: under opt-in the
 * banner still shows once, to say the signal was honoured. The language
 * is picked as the banner picks it (see `lang` above). The banner also tries the browser's own
 * languages, which a server knows only from `Accept-Language`; if it picks another, it fetches
 * that itself and nothing breaks.
 */
export function preloadHints(cookieHeader: string | null | undefined, options: Options, hints: HintOptions): string {
  const consent = readConsent(cookieHeader, options, { hint: hints.hint })
  // With `ui: false` the site draws its own banner: ours is never fetched.
  if ((consent.policy == 'opt-in' && consent.decided) || !consent.categories.length || !serverConfig(options).ui) return ''
  const chunks = hints.manifest ?? CHUNKS
  if (!chunks.ui)
    throw new Error('consent-gate: preloadHints has no chunk manifest: pass { manifest } from consent-gate/manifest.json')
  // The banner's own choice among the languages we ship (BCP 47, with fallbacks), from what the
  // server knows of its preferences.
  const lang = pickLanguage([serverConfig(options).lang, ...[hints.lang ?? []].flat()])
  const texts = chunks['lang-' + lang] ? 'lang-' + lang : 'lang-en'
  // The texts of opt-out and notice, where the build has them for this language.
  const policyTexts = consent.policy != 'opt-in' && chunks[texts + '-choices']
  const urls = [chunks.ui, chunks[texts], policyTexts || []].flat().map((file) => hints.base + file)
  return hints.format === 'header'
    ? urls.map((url) => `<${url.replace(/[<>"\s]/g, encodeURIComponent)}>; rel=modulepreload`).join(', ')
    : urls.map((url) => `<link rel="modulepreload" href="${escape(url)}" />`).join('')
}
