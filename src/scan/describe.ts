import { lookup, trackerOf } from '../catalogue/index'
import { resolveConfig, type Options } from '../config/options'
import { own } from '../config/own'
import {
  CATEGORIES,
  PRESETS,
  TRACKERS,
  TRACKER_COOKIES,
  TRACKER_IDS,
  categoryOf,
  findDeclared,
  type Category,
  type CookieClass,
  type Declared,
  type Tracker,
} from '../config/profiles'
import type { Report } from './findings'
import { urlOf } from './urls'

// `consent-gate init`: what a scan found, as a site description (the options object) to start
// from. Pure: the command scans, this decides, the command writes. Whatever goes in is checked by
// the options' own validator, so nothing here restates what a valid name or id looks like.

/** Whether the options validator accepts `options` as they stand (a server's view: no page host). */
const accepted = (options: Options): boolean => {
  try {
    resolveConfig(options, null)
    return true
  } catch {
    return false
  }
}

/** Whether `name` can name a site of its own: valid as `site`, and not a shipped preset. */
export const validSite = (name: string): boolean => !own(PRESETS, name) && accepted({ site: name })

// Second-level labels under a country's domain: acme.co.uk is Acme's, not "co"'s.
const SECOND_LEVEL = /^(co|com|org|net|ac|gov|edu|or|ne|go)$/

/**
 * A site's name from its host: `www.acme.com` → `acme`, `shop.acme.co.uk` → `shop.acme`.
 * `undefined` for an IP address, `localhost`, a preset's name, or anything else not a valid name.
 */
export const siteName = (host: string): string | undefined => {
  const h = host.toLowerCase().replace(/\.+$/, '')
  if (/^[\d.]+$|^\[/.test(h)) return undefined
  const labels = h.split('.')
  if (labels[0] === 'www') labels.shift()
  if (labels.length > 1) labels.pop()
  if (labels.length > 1 && SECOND_LEVEL.test(labels[labels.length - 1])) labels.pop()
  const name = labels.join('.')
  return name !== 'localhost' && validSite(name) ? name : undefined
}

/** The tracker options the SDK can load, as a description gives them. */
type TrackerOptions = Pick<Options, Tracker>

/** A tracker a request shows: the option it is, its value, and how to say it. */
interface Sighting {
  tracker: Tracker
  option: TrackerOptions[Tracker]
  shown: string
}

const param = (u: URL, name: string) => u.searchParams.get(name) ?? ''

/**
 * The tracker a request to one of the SDK's trackers shows, with its id where the request carries
 * one: gtag.js's `id` and a GA4 hit's `tid` (`G-…`), gtm.js's `id` (`GTM-…`), Clarity's tag path
 * (`/tag/<project>`), a UET hit's `ti`. `null` for a request of one of them that names no id
 * (Clarity's hits, bat.js); `undefined` for any other request.
 */
export const sighting = (url: string): Sighting | null | undefined => {
  const u = urlOf(url)
  const provider = u && trackerOf(u)?.provider
  if (!u || !provider) return undefined
  const path = u.pathname
  // The option that names the id is the tracker's own (`ga4: { measurementId }`).
  const found = (tracker: Tracker, id: string, ok = !!id): Sighting | null =>
    ok ? { tracker, option: { [TRACKER_IDS[tracker]]: id } as TrackerOptions[Tracker], shown: id } : null
  const ga4 = (id: string) => found('ga4', id, id.startsWith('G-'))
  if (provider === 'Google Tag Manager' && path === '/gtag/js') return ga4(param(u, 'id'))
  if (provider === 'Google Tag Manager' && path === '/gtm.js')
    return found('gtm', param(u, 'id'), param(u, 'id').startsWith('GTM-'))
  if (/^Google (Analytics|Tag Manager)$/.test(provider)) return /\/collect$/.test(path) ? ga4(param(u, 'tid')) : null
  if (provider === 'Microsoft Clarity') return found('clarity', path.match(/^\/tag\/([^/]+)$/)?.[1] ?? '')
  if (provider === 'Microsoft Advertising') return found('uet', param(u, 'ti'))
  if (provider === 'Vercel Web Analytics') return { tracker: 'vercel', option: true, shown: 'Vercel Web Analytics' }
  return undefined
}

/** Declared with this name: the catalogue's prefix (`_ga_*`) when that is what classified it, else its own. */
const declaredName = (name: string, cls: CookieClass): string => {
  const known = lookup(name)
  // Only a prefix that ends where an id starts (`_ga_`, `_hjSession_`): the catalogue's broadest
  // patterns (`_s*`) would declare every cookie of a site that starts so.
  return known?.pattern && known.class === cls && /^[^*]{2,}[_.-]\*$/.test(known.pattern) ? known.pattern : name
}

/** What `consent-gate init` found, to write and to tell. */
export interface Description {
  description: Options
  /** Declared without a class: the catalogue does not know them, the site must say what they are. */
  unclassified: string[]
  /** With `never`: what the site runs that breaks the promise (a tracker, a cookie needing consent). */
  broken: string[]
  /** Anything else worth a line: another id of a tracker, a tracker the SDK does not load, a name left out. */
  notes: string[]
}

/**
 * A site description from a scan's findings: `report` (cookies and keys, classified), every
 * request `requests` made (with query: the ids are there) and the pages' `links` (for a privacy
 * policy). `consentCookie` is left out: the SDK declares it.
 */
export function describeSite(
  { report, requests, links }: { report: Report; requests: string[]; links: string[] },
  { site, never, consentCookie = 'consent_gate' }: { site: string; never: boolean; consentCookie?: string },
): Description {
  // `$schema` first: an editor then completes and checks the rest of the file.
  const out: Description = {
    description: { $schema: './node_modules/consent-gate/schema.json', site },
    unclassified: [],
    broken: [],
    notes: [],
  }
  const note = (n: string) => void (out.notes.includes(n) || out.notes.push(n))
  const trackers: TrackerOptions = {}
  // Every tracker requested, by provider; those the SDK cannot load apart.
  const requested = new Map<string, 'analytics' | 'marketing'>()
  const foreign = new Set<string>()
  for (const url of requests) {
    const u = urlOf(url)
    const host = u && trackerOf(u)
    if (!host) continue
    requested.set(host.provider, host.class)
    const seen = sighting(url)
    if (seen === undefined) foreign.add(host.provider)
    if (!seen) continue
    const { tracker, option, shown } = seen
    const had = trackers[tracker]
    if (had === undefined) {
      if (accepted({ site: 'init', [tracker]: option })) (trackers as Record<string, unknown>)[tracker] = option
      else note(`left out ${tracker} "${shown}": not an id consent-gate accepts`)
    } else if (JSON.stringify(had) !== JSON.stringify(option))
      note(`also found ${tracker} "${shown}": a description names one; load the other yourself, gated by consent`)
  }

  // A tracker the description enables declares its own cookies (resolveConfig adds them); a never
  // description enables none.
  const enabled = never ? [] : (Object.keys(trackers) as Tracker[]).flatMap((t) => TRACKER_COOKIES[t])
  const cookies: Declared[] = []
  const add = (name: string, cls: CookieClass, storage?: Declared['storage']) => {
    if (name === consentCookie || (!storage && findDeclared(name, enabled))) return
    const where = storage ? ` (${storage})` : ''
    const leftOut = (why: string) => note(`left out "${name}"${where}: ${why}`)
    // Declared as it is, a `*` in its name would make it a prefix.
    if (name.includes('*')) return leftOut('a "*" in a declaration makes it a prefix')
    if (never && categoryOf(cls)) return void out.broken.push(`${cls} ${storage ? 'key' : 'cookie'} ${name}${where}`)
    const d: Declared = { name: declaredName(name, cls), ...(cls !== 'unknown' && { class: cls }), ...(storage && { storage }) }
    if (cookies.some((c) => c.name === d.name && c.storage === d.storage)) return
    if (!accepted({ site: 'init', cookies: [d] })) return leftOut('not a name a description can declare')
    if (cls === 'unknown') out.unclassified.push(d.name + where)
    cookies.push(d)
  }
  for (const c of report.cookies) if (!c.thirdParty) add(c.name, c.class)
  for (const s of report.storage) add(s.name, s.class, s.kind === 'local' ? 'localStorage' : 'sessionStorage')

  if (never) {
    for (const [provider, cls] of requested) out.broken.push(`requests to ${provider} (${cls})`)
    out.description.never = true
  } else {
    // In the SDK's order, whatever order the page requested them in.
    for (const t of TRACKERS) if (trackers[t] !== undefined) Object.assign(out.description, { [t]: trackers[t] })
    for (const provider of foreign)
      note(
        `requests to ${provider}: consent-gate does not load it; gate its tag with <script type="text/plain" data-consent="${requested.get(provider)}">`,
      )
    const classes = new Set<string>([...enabled, ...cookies].map((d) => d.class ?? 'unknown'))
    for (const cls of requested.values()) classes.add(cls)
    const offered: Category[] = CATEGORIES.filter((c) => classes.has(c))
    if (offered.length) out.description.categories = offered
    else note('found nothing that needs consent: no banner will show. A site that promises to stay so: --never')
  }
  const policy = policyOf(links, urlOf(report.pages[0])?.origin)
  if (policy) out.description.policyUrl = policy
  if (cookies.length) out.description.cookies = cookies
  return out
}

// A privacy page's address in the languages the SDK speaks most: privacy, Datenschutz,
// confidentialité, privacidad, privacidade, privacità, privacybeleid, integritet, cookie policy.
const POLICY = /privacy|datenschutz|confidentialit|privacidad|privacidade|privacit|integritet|cookie-?polic/i

/** The first link to a privacy page: as a path on the site's own `origin`, else as the full URL. */
export const policyOf = (links: string[], origin?: string): string | undefined => {
  for (const link of links) {
    const u = urlOf(link)
    if (!u || !/^https?:$/.test(u.protocol)) continue
    let path = u.pathname
    try {
      path = decodeURIComponent(path)
    } catch {}
    if (!POLICY.test(path)) continue
    const policy = u.origin === origin ? u.pathname + u.search : u.href
    if (accepted({ site: 'init', policyUrl: policy })) return policy
  }
  return undefined
}
