import { resolveConfig, type Options } from '../config/options'
import { own } from '../config/own'
import { shownTexts, wording, type ShownTexts, type Surface } from '../consent/shown'
import { LANGUAGES, pickLanguage } from '../ui/language'
import { BUILT_IN } from './texts'

export type { ShownTexts, Surface }

/** What a surface shows with a site's options today, and its digest as a receipt's `wording` has it. */
export interface Wording extends ShownTexts {
  digest: string
  surface: Surface
}

// Where a server resolves a relative URL (config/options.ts): a policy there is a path on the site.
const STAND_IN = new URL(globalThis.location?.href ?? 'http://localhost/').origin

/**
 * The texts a visitor saw in `lang` on `surface` (a receipt's `lang` and `via`; the banner by
 * default), built from the site's options as the browser builds them, and their digest: a receipt
 * whose `wording` equals it was shown these texts; one that differs was shown texts the site has
 * changed since, which this cannot give back. `origin` is the site's own (`https://www.acme.example`),
 * needed only when `policyUrl` names it in full. Throws for bad options, a language neither
 * shipped nor in the site's `texts`, and without `crypto.subtle` (Node before 20).
 */
export async function wordingOf(
  options: Options,
  lang: string,
  { surface = 'banner', origin }: { surface?: Surface; origin?: string } = {},
): Promise<Wording> {
  const config = resolveConfig(options, null)
  const texts = config.texts || {}
  if (typeof lang !== 'string' || !(LANGUAGES.includes(lang) || own(texts, lang)))
    throw new Error(
      `consent-gate: wordingOf: "${String(lang).slice(0, 40)}" is not a language consent-gate ships or the site's texts add`,
    )
  if (!['banner', 'dialog', 'embed'].includes(surface))
    throw new Error(`consent-gate: wordingOf: surface must be banner, dialog or embed, got "${String(surface).slice(0, 40)}"`)
  // As ui/surface.ts: a language the site added shows the nearest we ship, under its own texts.
  const [banner, details] = BUILT_IN[pickLanguage([lang])]
  const strings = { ...config.strings, ...(own(texts, lang) && texts[lang]) }
  const shown = shownTexts(lang, banner, surface === 'banner' ? undefined : details, strings, config, [
    STAND_IN,
    ...(origin ? [new URL(origin).origin] : []),
  ])
  const digest = await wording(shown)
  if (!digest) throw new Error('consent-gate: wordingOf needs crypto.subtle (Node 20 and later)')
  return { digest, surface, ...shown }
}
