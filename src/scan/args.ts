import { platformHeaders } from '../config/geo'

/** What every command that scans takes: the URLs, and how to visit them. */
export interface Visiting {
  urls: string[]
  /** Same-origin pages linked from each URL to scan as well. */
  crawl: number
  /** Per page load and per wait, in milliseconds. */
  timeout: number
  /** Hosts requests may go to besides the scanned ones (a site's own CDN). */
  allow: string[]
  /** Headers sent with every request to a scanned URL's origin, and nowhere else (`--region`, `--header`). */
  headers: Record<string, string>
}

/** What `consent-gate scan` was asked to do, checked once. */
export interface ScanOptions extends Visiting {
  json?: string
  declarations?: string
  /** A site description to check against instead of what the pages declare. */
  config?: string
  /** A saved `--json` result to compare this scan with. */
  baseline?: string
  /** With `baseline`: any change fails, not only a new undeclared one. */
  strict: boolean
  /** With `baseline`: write this scan as the new baseline. */
  update: boolean
}

/** What `consent-gate init` was asked to do, checked once. */
export interface InitOptions extends Visiting {
  /** Where to write the description. */
  out: string
  /** The site's name; else derived from the first URL's host. */
  site?: string
  never: boolean
  /** Overwrite `out` if it exists. */
  force: boolean
}

const VISITING = `  --crawl N            also scan up to N same-origin pages linked from each URL (default 0)
  --timeout SECONDS    give up on a page that takes longer to load or answer (default 15)
  --allow HOST         let requests reach HOST too (repeatable); otherwise only the scanned
                       hosts are contacted, tracker hosts are answered locally and any other
                       request is blocked; WebRTC and WebTransport are off
  --region CODE        visit as a visitor from CODE (US-CA, DE): send the geo headers Vercel,
                       Cloudflare and CloudFront would, to the scanned origins only; a platform
                       overwrites its own at its edge, so for a deployed site use --header with a
                       header the site itself names (docs/scan.md)
  --header "NAME: VALUE"  send this header to the scanned origins only (repeatable)
  -h, --help           this text

Browser: Debian's Chromium at /usr/bin/chromium, or CHROMIUM_PATH, driven by playwright-core
(an optional peer dependency: npm install --save-dev playwright-core).
`

export const SCAN_HELP = `consent-gate scan: what a site really stores and sends, before and after consent

Usage: consent-gate scan <url…> [options]

Each URL (and with --crawl, same-origin pages linked from it) is visited three times in fresh
browser contexts: before any choice, after "Accept all" and after "Reject all", clicked on the
consent-gate banner (on a page that asks without it, headless mode: through ConsentGate.acceptAll()
and rejectAll()). A page without consent-gate, or with nothing to ask, gets the first visit only.
Every cookie, localStorage and sessionStorage key and tracker request is classified with the
consent-gate catalogue and, on a consent-gate page, the site's own declarations.

Violations: an analytics or marketing cookie, storage key or tracker request before a choice or
after "Reject all"; a cookie a consent-gate page (or, with --config, the description) does not
declare.

Options:
  --config FILE        check every page against this site description (JSON, as written by
                       consent-gate init) instead of what its own consent-gate declares; a page
                       without consent-gate is then checked for undeclared cookies too
  --json FILE          write the findings as JSON (schema: version 1, see the README)
  --declarations FILE  write declarations for what was found, ready for the "cookies" option
  --baseline FILE      compare with a saved --json result: cookies, storage keys and third-party
                       hosts new or gone per visit, reported first; a new one the declarations do
                       not cover (a tracker host always) exits 1
  --strict             with --baseline: any change at all exits 1
  --update             with --baseline: write this scan as the new baseline (or a first one)
${VISITING}
Exit codes: 0 no violations, 1 violations, 2 usage error, no browser, a bad baseline, a given URL
not fully scanned, or an unexpected error. With --baseline, 1 also for a new finding the
declarations do not cover (with --strict, for any change), unless --update accepts it.
`

export const INIT_HELP = `consent-gate init: scan a site and write its description, to start from

Usage: consent-gate init <url…> [options]

Scans as consent-gate scan does, then writes a site description (JSON) for the SDK: the site's
name, every cookie and storage key found with its class (a name the catalogue does not know is
left without one, for you to give), the trackers it recognises with their ids (GA4, Google Tag
Manager, Microsoft Clarity, Microsoft Advertising UET, Vercel Web Analytics), the categories to
offer and a privacy policy link if one is found. Then prints how to load it: a script tag or npm.

Options:
  --out FILE           where to write it (default consent-gate.json); never overwritten
  --force              overwrite --out if it exists
  --site NAME          the site's name (default: from the first URL's host, www.acme.com -> acme)
  --never              a site that promises no trackers: nothing offered, no tracker written; what
                       the scan found that breaks the promise is listed and exits 1
${VISITING}
Exit codes: 0 written, 1 written with --never but the site runs trackers, 2 usage error, a file
already there, no browser, a given URL not fully scanned, or an unexpected error.
`

/** `consent-gate --help`: every command. */
export const HELP = `${SCAN_HELP}\n${INIT_HELP}`

export class UsageError extends Error {}

const number = (flag: string, value: string | undefined, min: number): number => {
  const n = Number(value)
  if (value === undefined || value === '' || !Number.isFinite(n) || n < min)
    throw new UsageError(
      `option ${flag} needs a number of at least ${min}, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
    )
  return n
}

/**
 * A host the browser may reach, as its resolver rules and the scanner compare it: lower case, no
 * trailing dot, and only characters a DNS name or an IP address has (a `,` or a space would be
 * read as another resolver rule).
 */
const host = (flag: string, name: string): string => {
  const h = name.toLowerCase().replace(/\.+$/, '')
  if (!/^([a-z0-9_-]+\.)*[a-z0-9_-]+$|^\[[0-9a-f:.]+\]$/.test(h))
    throw new UsageError(`${flag} needs a host name like cdn.example.com, got ${JSON.stringify(name)}`)
  return h
}

/** `NAME: VALUE`, a header as HTTP allows it: a token for a name, no line break in the value. */
const header = (value: string): [string, string] => {
  const [, name, text] = /^([!#$%&'*+.^`|~\w-]+):[ \t]*([^\r\n]*?)[ \t]*$/.exec(value) ?? []
  if (!name) throw new UsageError(`--header needs "NAME: VALUE", e.g. "x-geo: US-CA", got ${JSON.stringify(value)}`)
  return [name.toLowerCase(), text]
}

const region = (value: string): Record<string, string> => {
  try {
    return platformHeaders(value)
  } catch {
    throw new UsageError(`--region needs a region code like US-CA or DE, got ${JSON.stringify(value)}`)
  }
}

type Flags<T> = Record<string, (o: T, value: () => string) => void>

const VISITING_FLAGS: Flags<Visiting> = {
  '--crawl': (o, value) => (o.crawl = Math.floor(number('--crawl', value(), 0))),
  '--timeout': (o, value) => (o.timeout = Math.round(number('--timeout', value(), 0.1) * 1000)),
  '--allow': (o, value) => o.allow.push(host('--allow', value())),
  '--region': (o, value) => Object.assign(o.headers, region(value())),
  '--header': (o, value) => {
    const [name, text] = header(value())
    o.headers[name] = text
  },
}

/** Arguments (after the command) as options, or `help`; throws UsageError naming what is wrong. */
function parse<T extends Visiting>(args: string[], o: T, flags: Flags<T>, switches: Record<string, keyof T>): T | 'help' {
  // Prototype-free: `--constructor` is an unknown option, not Object's.
  const known: Flags<T> = Object.assign(Object.create(null), VISITING_FLAGS, flags)
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
    const value = () => {
      const v = inline ?? args[++i]
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`option ${flag} needs a value`)
      return v
    }
    if (flag === '-h' || flag === '--help') return 'help'
    else if (Object.prototype.hasOwnProperty.call(switches, flag)) {
      if (inline !== undefined) throw new UsageError(`option ${flag} takes no value`)
      ;(o[switches[flag]] as boolean) = true
    } else if (known[flag]) known[flag](o, value)
    else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`)
    else {
      let url: URL
      try {
        url = new URL(arg)
      } catch {
        throw new UsageError(`${JSON.stringify(arg)} is not a URL; give one like https://example.com/`)
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${arg} is not an http or https URL`)
      host(`the URL ${arg}`, url.hostname)
      url.hash = ''
      o.urls.push(url.href)
    }
  }
  if (!o.urls.length) throw new UsageError('give at least one URL to scan')
  return o
}

// Headers prototype-free: `--header "__proto__: x"` is one more header.
const visiting = (): Visiting => ({ urls: [], crawl: 0, timeout: 15_000, allow: [], headers: Object.create(null) })

/** `scan` arguments as options, or `help`; throws UsageError naming what is wrong. */
export const parseScanArgs = (args: string[]): ScanOptions | 'help' => {
  const o = parse<ScanOptions>(
    args,
    { ...visiting(), strict: false, update: false },
    {
      '--json': (o, value) => (o.json = value()),
      '--declarations': (o, value) => (o.declarations = value()),
      '--config': (o, value) => (o.config = value()),
      '--baseline': (o, value) => (o.baseline = value()),
    },
    { '--strict': 'strict', '--update': 'update' },
  )
  if (o !== 'help' && !o.baseline && (o.strict || o.update))
    throw new UsageError(`option ${o.strict ? '--strict' : '--update'} needs --baseline FILE`)
  return o
}

/** `init` arguments as options, or `help`; throws UsageError naming what is wrong. */
export const parseInitArgs = (args: string[]): InitOptions | 'help' =>
  parse<InitOptions>(
    args,
    { ...visiting(), out: 'consent-gate.json', never: false, force: false },
    {
      '--out': (o, value) => (o.out = value()),
      '--site': (o, value) => (o.site = value()),
    },
    { '--never': 'never', '--force': 'force' },
  )
