/** What `consent-gate scan` was asked to do, checked once. */
export interface ScanOptions {
  urls: string[]
  /** Same-origin pages linked from each URL to scan as well. */
  crawl: number
  json?: string
  declarations?: string
  /** Per page load and per wait, in milliseconds. */
  timeout: number
  /** Hosts requests may go to besides the scanned ones (a site's own CDN). */
  allow: string[]
}

export const HELP = `consent-gate scan: what a site really stores and sends, before and after consent

Usage: consent-gate scan <url…> [options]

Each URL (and with --crawl, same-origin pages linked from it) is visited three times in fresh
browser contexts: before any choice, after "Accept all" and after "Reject all", clicked on the
consent-gate banner (on a page that asks without it, headless mode: through ConsentGate.acceptAll()
and rejectAll()). A page without consent-gate, or with nothing to ask, gets the first visit only.
Every cookie, localStorage and sessionStorage key and tracker request is classified with the
consent-gate catalogue and, on a consent-gate page, the site's own declarations.

Violations: an analytics or marketing cookie, storage key or tracker request before a choice or
after "Reject all"; a cookie a consent-gate page does not declare.

Options:
  --crawl N            also scan up to N same-origin pages linked from each URL (default 0)
  --json FILE          write the findings as JSON (schema: version 1, see the README)
  --declarations FILE  write declarations for what was found, ready for the "cookies" option
  --timeout SECONDS    give up on a page that takes longer to load or answer (default 15)
  --allow HOST         let requests reach HOST too (repeatable); otherwise only the scanned
                       hosts are contacted, tracker hosts are answered locally and any other
                       request is blocked; WebRTC and WebTransport are off
  -h, --help           this text

Browser: Debian's Chromium at /usr/bin/chromium, or CHROMIUM_PATH, driven by playwright-core
(an optional peer dependency: npm install --save-dev playwright-core).

Exit codes: 0 no violations, 1 violations, 2 usage error, no browser, a given URL not fully
scanned, or an unexpected error.
`

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

/** `scan` arguments (after the command) as options, or `help`; throws UsageError naming what is wrong. */
export function parseScanArgs(args: string[]): ScanOptions | 'help' {
  const o: ScanOptions = { urls: [], crawl: 0, timeout: 15_000, allow: [] }
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
    else if (flag === '--crawl') o.crawl = Math.floor(number(flag, value(), 0))
    else if (flag === '--json') o.json = value()
    else if (flag === '--declarations') o.declarations = value()
    else if (flag === '--timeout') o.timeout = Math.round(number(flag, value(), 0.1) * 1000)
    else if (flag === '--allow') o.allow.push(host(flag, value()))
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
