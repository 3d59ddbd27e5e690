// What a receipt's `wording` digest says against a site's description today (`--config`): the
// texts it stands for, when today's texts give the same digest; "changed since" when they give
// another. A digest cannot be turned back into texts, so nothing older is ever guessed.
import { resolveConfig, type Options } from '../../config/options'
import type { Surface } from '../../consent/shown'
import { readOptions } from '../../scan/files'
import { wordingOf, type Wording } from '../wording'
import { UsageError } from './args'

/** How a receipt's digest compares with the site's wording today. */
export type Verdict =
  | { is: 'matches'; wording: Wording }
  /** The site's description today gives another digest for this language and surface. */
  | { is: 'changed since' }
  /** No `--config` describes the receipt's site. */
  | { is: 'not described' }

/** The site descriptions of `files`, by the site name their receipts carry; a UsageError names what is wrong. */
export function readSites(files: readonly string[]): Map<string, Options> {
  const sites = new Map<string, Options>()
  for (const file of files) {
    let options: Options
    try {
      options = readOptions(file)
    } catch (e) {
      throw new UsageError(`--config ${(e as Error).message.split('\n')[0]}`)
    }
    const name = resolveConfig(options, null).profile.name
    if (sites.has(name)) throw new UsageError(`--config: two descriptions of the site "${name}"`)
    sites.set(name, options)
  }
  return sites
}

/**
 * Checks digests against `sites`, each language and surface worked out once. A policy link given
 * in full reads as a path to a visitor on its own origin and in full elsewhere (consent/shown.ts):
 * both are today's wording, so a digest may match either.
 */
export function wordingChecker(sites: ReadonlyMap<string, Options>) {
  const today = new Map<string, Promise<Wording[]>>()
  const wordings = (options: Options, lang: string, surface: Surface) => {
    const policy = options.policyUrl && /^https?:/i.test(options.policyUrl) ? new URL(options.policyUrl).origin : undefined
    return Promise.all(
      [undefined, policy].map((origin) => wordingOf(options, lang, { surface, origin }).catch(() => undefined)),
    ).then((found) => found.filter((w): w is Wording => !!w))
  }
  return async (site: string, lang: string, surface: Surface, digest: string): Promise<Verdict> => {
    const options = sites.get(site)
    if (!options) return { is: 'not described' }
    const key = JSON.stringify([site, lang, surface])
    if (!today.has(key)) today.set(key, wordings(options, lang, surface))
    const wording = (await today.get(key)!).find((w) => w.digest === digest)
    return wording ? { is: 'matches', wording } : { is: 'changed since' }
  }
}

/** The ways of choosing that show a surface, by name: a receipt's `via` is its surface. */
export const surfaceOf = (via: string): Surface | undefined =>
  via === 'banner' || via === 'dialog' || via === 'embed' ? via : undefined
