import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Options } from '../../config/options'
import { preloadHints } from '../hints'
import { UsageError } from '../../scan/args'
import { readOptions } from '../../scan/files'
import { configTags } from '../../scan/tags'
import type { Io } from '../../scan/run'
import { shown } from '../../scan/shown'

export const COPY_HELP = `consent-gate copy: put the loader and its chunks into a static site, and print the tags to paste

Usage: consent-gate copy <public-dir> [--base /consent-gate/] [--site-config FILE] [--lang en]

Copies dist/consent-gate.js, dist/chunks/ and dist/manifest.json, as this package ships them, to
<public-dir><base>, and removes the chunks an earlier copy wrote that this build no longer has
(it keeps a list of what it wrote in .consent-gate-copy.json there; nothing else is touched).
Then prints the <script> tags and the <link rel="modulepreload"> links a first visit needs (the
banner's chunk and its language's, as preloadHints gives them), so the browser fetches them beside
the loader instead of a round trip later. Run it in the build on every deploy: the chunks' hashed
names then always match the links.

  --base PATH          where the site serves the copy, a path from its root (default /consent-gate/)
  --site-config FILE   the site's description (default consent-gate.json if there is one): printed
                       inline beside the script tag; without one, no preload links (whether a first
                       visit shows a banner depends on it)
  --lang TAG           the pages' language (<html lang>), for the banner's texts (default: English)
  -h, --help           this text

Exit code: 0 copied, 2 bad input or a file could not be written.
`

/** The list of what a copy wrote, in the folder it wrote to: the next copy removes only those. */
export const RECORD = '.consent-gate-copy.json'

export interface CopyOptions {
  publicDir: string
  base: string
  siteConfig?: string
  lang?: string
}

/**
 * A base is a path from the site's root made of URL-safe segments, written with both slashes:
 * never a URL (a copy is served by the site itself), never `..` (the copy stays in the folder).
 */
export const checkBase = (base: string): string => {
  const b = base.endsWith('/') ? base : base + '/'
  // A segment never starts with a dot, so `.` and `..` cannot pass.
  if (!base.startsWith('/') || !/^\/([\w~-][\w.~-]*\/)*$/.test(b))
    throw new UsageError(
      `--base must be a path from the site's root such as /consent-gate/, got ${JSON.stringify(shown(base, 80))}`,
    )
  return b
}

const LANG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i

/** `copy` arguments as options, or `help`; throws UsageError naming what is wrong. */
export function parseCopyArgs(args: string[]): CopyOptions | 'help' {
  const o: Partial<CopyOptions> = { base: '/consent-gate/' }
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? args[i].split(/=(.*)/s) : [args[i]]
    const value = () => {
      const v = inline ?? args[++i]
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`option ${flag} needs a value`)
      return v
    }
    if (flag === '-h' || flag === '--help') return 'help'
    else if (flag === '--base') o.base = value()
    else if (flag === '--site-config') o.siteConfig = value()
    else if (flag === '--lang') o.lang = value()
    else if (flag.startsWith('-')) throw new UsageError(`unknown option ${shown(flag, 80)}`)
    else if (o.publicDir !== undefined)
      throw new UsageError(`give one public folder, got ${shown(o.publicDir, 80)} and ${shown(flag, 80)}`)
    else o.publicDir = flag
  }
  if (!o.publicDir) throw new UsageError("give the site's public folder: consent-gate copy <public-dir>")
  if (o.lang !== undefined && !LANG.test(o.lang))
    throw new UsageError(`--lang needs a language tag such as en or pt-BR, got ${JSON.stringify(shown(o.lang, 80))}`)
  return { ...o, publicDir: o.publicDir, base: checkBase(o.base!) }
}

/** A file a copy may have written, relative to its folder: anything else in a record is not ours to remove. */
const OURS = /^(consent-gate\.js|manifest\.json|chunks\/[\w-]+\.js)$/

/** The files an earlier copy wrote, from its record; a record that is missing or not ours names none. */
export function written(record: string | undefined): string[] {
  try {
    const files: unknown = JSON.parse(record ?? '').files
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && OURS.test(f)) : []
  } catch {
    return []
  }
}

/** What to paste in `<head>`: the preload links (for a site whose first visit shows a banner), then the loader's tag. */
export function tags(base: string, manifest: Record<string, string>, options?: Options, lang?: string): string {
  const src = base + 'consent-gate.js'
  if (!options)
    return `<script src="${src}" defer></script>\n(no site description: add its data-* attributes to the tag; with --site-config the preload links are printed too)`
  const links = preloadHints(null, options, { base, lang, manifest })
  return `${links ? links.replace(/><link/g, '>\n<link') + '\n' : ''}${configTags(options, src)}`
}

/** `consent-gate copy …`; resolves to the exit code. `dist` is the package's build, beside this file once built. */
export async function copy(args: string[], io: Io, dist = fileURLToPath(new URL('../', import.meta.url))): Promise<number> {
  let o: CopyOptions | 'help'
  let options: Options | undefined
  try {
    o = parseCopyArgs(args)
    if (o === 'help') return (io.stdout.write(COPY_HELP), 0)
    if (!existsSync(o.publicDir) || !statSync(o.publicDir).isDirectory())
      throw new UsageError(`${shown(o.publicDir, 200)} is not a folder; give the site's public folder, as the build writes it`)
    const config = o.siteConfig ?? (existsSync('consent-gate.json') ? 'consent-gate.json' : undefined)
    if (config) options = readOptions(config)
  } catch (e) {
    io.stderr.write(
      `consent-gate copy: ${(e as Error).message}${e instanceof UsageError ? '. See consent-gate copy --help' : ''}\n`,
    )
    return 2
  }
  const to = join(o.publicDir, o.base)
  const files = ['consent-gate.js', 'manifest.json', ...readdirSync(join(dist, 'chunks')).map((f) => 'chunks/' + f)]
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'))
  const recordFile = join(to, RECORD)
  const stale = written(existsSync(recordFile) ? readFileSync(recordFile, 'utf8') : undefined).filter((f) => !files.includes(f))
  try {
    mkdirSync(join(to, 'chunks'), { recursive: true })
    for (const f of files) copyFileSync(join(dist, f), join(to, f))
    for (const f of stale) rmSync(join(to, f), { force: true })
    writeFileSync(recordFile, JSON.stringify({ files }, null, 2) + '\n')
  } catch (e) {
    io.stderr.write(`consent-gate copy: could not write into ${shown(to, 200)}: ${(e as Error).message}\n`)
    return 2
  }
  io.stdout.write(
    `consent-gate copy: ${files.length} files in ${shown(to, 200)}${stale.length ? `, ${stale.length} stale removed` : ''}\n\n` +
      `In <head>, before anything it gates:\n\n${tags(o.base, manifest, options, o.lang)}\n`,
  )
  return 0
}
