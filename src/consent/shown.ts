/*
 * What a visitor could read where they chose, as one canonical text and its digest: the banner
 * chunk, the embeds chunk and the server (`wordingOf`) all build it here, so the same texts give
 * the same digest in every browser and on the server. Pure but for `crypto.subtle`. It imports
 * only types: the script-tag loader shares no code with its chunks.
 */
import type { Config } from '../config/options'
import type { Banner, Details, Messages } from '../config/strings'
import type { Shown } from './receipt'

/** The surfaces that show texts; a choice through the API or by GPC was shown none. */
export type Surface = 'banner' | 'dialog' | 'embed'

/** Everything a surface could show, as its digest covers it. */
export interface ShownTexts {
  lang: string
  /** The policy link: a path on the page's own origin, else the full URL; '' without one. */
  policyUrl: string
  /** The categories offered, in display order. */
  categories: string[]
  /** Every text by key, the site's over the built-in ones; a cookie's purpose as `about.<name>`. */
  texts: Record<string, string>
}

// Bumped whenever the serialisation changes, so an old digest never matches a new text by chance.
const FORMAT = 'consent-gate wording 1'

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)
// The texts of a category: its name, its description and its line in the banner.
const CATEGORY_TEXT = /^(functional|analytics|marketing)/

/** A URL as the visitor's page shows it, without its origin when that is the page's (a server knows no page). */
const policyOf = (href: string | undefined, origins: readonly string[]) => {
  if (!href) return ''
  const url = new URL(href)
  return origins.includes(url.origin) ? url.pathname + url.search + url.hash : url.href
}

/**
 * The texts of a surface in language `lang`: the banner shows its own texts, the dialog and an
 * embed every text (`details` given). The site's texts (`strings` and `texts[lang]`, merged) win
 * where they have the key; the texts of a category the site does not offer are left out.
 */
export function shownTexts(
  lang: string,
  banner: Banner,
  details: Details | undefined,
  strings: Partial<Messages>,
  config: Pick<Config, 'categories' | 'policyUrl'>,
  /** The page's origin (a server: those it stands for): a policy there is written as a path. */
  origins: readonly string[],
): ShownTexts {
  const base: Partial<Messages> = { ...banner, ...details }
  const texts: Record<string, string> = Object.create(null)
  const offered = (key: string) => !CATEGORY_TEXT.test(key) || config.categories.includes(key.match(CATEGORY_TEXT)![1] as never)
  for (const key of Object.keys(base))
    if (key !== 'about' && offered(key)) texts[key] = String(own(strings, key) ? strings[key as 'title'] : base[key as 'title'])
  if (details)
    for (const [name, purpose] of Object.entries({ ...details.about, ...(own(strings, 'about') && strings.about) }))
      texts['about.' + name] = String(purpose)
  return { lang, policyUrl: policyOf(config.policyUrl, origins), categories: [...config.categories], texts }
}

/** One text for the texts: JSON of an array, the texts sorted by key (by UTF-16 code units, as every engine sorts). */
export const serialise = (s: ShownTexts): string =>
  JSON.stringify([
    FORMAT,
    s.lang,
    s.policyUrl,
    s.categories,
    Object.keys(s.texts)
      .sort()
      .map((k) => [k, s.texts[k]]),
  ])

/**
 * SHA-256 of the serialised texts, base64url without padding (43 characters). Browsers offer
 * `crypto.subtle` only to secure contexts (https, localhost): on a plain-http page this resolves
 * undefined, and the receipt has no digest rather than one of our own making.
 */
export async function wording(s: ShownTexts): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) return
  const bytes = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(serialise(s))))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/**
 * What a surface in a browser showed, for its receipt: the language, and the digest where the
 * browser can make one. Never rejects: a receipt without a digest beats a choice not recorded.
 */
export async function shownIn(
  lang: string,
  banner: Banner,
  details: Details | undefined,
  strings: Partial<Messages>,
  config: Config,
): Promise<Shown> {
  try {
    const digest = await wording(shownTexts(lang, banner, details, strings, config, [location.origin]))
    if (digest) return { lang, wording: digest }
  } catch {
    // Texts that cannot be hashed (a hostile getter in the site's texts) leave the digest out.
  }
  return { lang }
}
