import { classify, lookup, trackerOf } from '../catalogue/index'
import type { Reading } from '../catalogue/lookup'
import { findDeclared, type CookieClass, type Declared } from '../config/profiles'
import { urlOf } from './urls'

/** Which visit: before any choice, after "Accept all", after "Reject all". */
export type Phase = 'before' | 'accept' | 'reject'
export const PHASES: readonly Phase[] = ['before', 'accept', 'reject']

export interface SeenCookie {
  name: string
  domain: string
  path: string
  /** Unix time in seconds; -1 for a session cookie. */
  expires: number
  httpOnly: boolean
  secure: boolean
  sameSite: 'Strict' | 'Lax' | 'None'
  /** The page wrote it during the visit, and it was gone by the end (removed, or expired). */
  gone?: true
}

/** What the site's own gate says about a name (from `ConsentGate.audit()`). */
export interface SiteWord {
  class: CookieClass
  declared: boolean
}

/** One visit's raw observations. */
export interface Visit {
  page: string
  phase: Phase
  cookies: SeenCookie[]
  storage: { name: string; kind: 'local' | 'session' }[]
  /** Every URL the page requested. */
  requests: string[]
  /** On a consent-gate page, the gate's word on each cookie and localStorage key it sees. */
  site?: { cookies: Record<string, SiteWord>; storage: Record<string, SiteWord> }
  /**
   * The page's rules where they let trackers run before a choice (docs/regions.md): then only
   * the visit after "Reject all" is checked.
   */
  policy?: 'opt-out' | 'notice'
}

export interface PageResult {
  url: string
  /** Whether the page runs consent-gate (`window.ConsentGate`). */
  consentGate: boolean
  /** Whether it showed the banner, so accept and reject could be clicked. */
  banner: boolean
  /**
   * How the accept and reject visits chose: on the banner, through the API (a page that asks
   * without showing the banner: headless mode, `ui: false`), or not at all (nothing to ask).
   */
  choice: 'banner' | 'api' | null
  /** Its rules, where not opt-in (docs/regions.md): trackers may run before a choice. */
  policy?: Visit['policy']
  phases: Phase[]
  /** Why a visit was cut short or skipped, errors the page threw, popups it opened. */
  notes: string[]
  /** Hosts whose requests were blocked (neither scanned nor a tracker). */
  blocked: string[]
  /** False when not even the first visit loaded; the page is then skipped. */
  loaded: boolean
}

export interface Report {
  version: 1
  scannedAt: string
  pages: string[]
  visits: PageResult[]
  cookies: {
    name: string
    domain: string
    path: string
    expires: number
    httpOnly: boolean
    secure: boolean
    sameSite: string
    thirdParty: boolean
    class: CookieClass
    provider: string | null
    purpose: string | null
    retention: string | null
    declared: boolean | null
    phases: Phase[]
    /** The visits in which the page set it and it was gone by their end. */
    gone?: Phase[]
    pages: string[]
  }[]
  storage: {
    name: string
    kind: 'local' | 'session'
    class: CookieClass
    provider: string | null
    declared: boolean | null
    phases: Phase[]
    pages: string[]
  }[]
  requests: { url: string; host: string; tracker: string; class: 'analytics' | 'marketing'; phases: Phase[]; pages: string[] }[]
  violations: {
    kind: 'cookie' | 'storage' | 'request' | 'undeclared'
    name: string
    phase: Phase
    page: string
    class?: CookieClass
    /** A cookie the page set, then removed (or had removed) before the visit ended. */
    gone?: true
  }[]
  /**
   * Names a framework and a tracker share that the site does not declare: `class` and `provider`
   * are the framework's reading, `or` the tracker's. Not violations (docs/classification.md).
   */
  ambiguous: {
    kind: 'cookie' | 'storage'
    name: string
    class: CookieClass
    provider: string
    or: Reading
    phases: Phase[]
    pages: string[]
  }[]
}

// Every class that needs a grant: a functional cookie before consent is as much a finding.
const TRACKING = (cls: CookieClass) => cls === 'functional' || cls === 'analytics' || cls === 'marketing'
/** Whether what a visit saw must hold no tracking: after a refusal, and before a choice where the rules ask first. */
const checked = (v: Visit) => v.phase === 'reject' || (v.phase === 'before' && !v.policy)

/** Whether a page got every visit it should: all three when there was a choice to make. */
export const complete = (p: PageResult): boolean => p.loaded && (p.choice === null || p.phases.length === PHASES.length)

/** A cookie is first party when its domain is the page's host or a parent of it. */
export const firstParty = (domain: string, page: string): boolean => {
  const host = urlOf(page)?.hostname ?? ''
  const d = domain.replace(/^\./, '')
  return host === d || host.endsWith('.' + d)
}

const addPhase = (phases: Phase[], phase: Phase) => {
  if (!phases.includes(phase)) phases.push(phase)
  phases.sort((a, b) => PHASES.indexOf(a) - PHASES.indexOf(b))
}

/** What tells one cookie from another: a name is set again for another domain or path. */
export const cookieKey = (c: { name: string; domain: string; path: string }): string => [c.name, c.domain, c.path].join('\n')

/** The site's word on a name: its own, never one of `Object.prototype`'s (`constructor`). */
const own = (words: Record<string, SiteWord>, name: string): SiteWord | undefined =>
  Object.prototype.hasOwnProperty.call(words, name) ? words[name] : undefined

/** A request's URL without query or fragment: enough to tell what it was, without visitor ids. */
const bare = (u: URL) => u.origin + u.pathname

/**
 * A description's word on what a visit found, as the page's own gate would give it
 * (`ConsentGate.audit()`): its declarations first, then the catalogue.
 */
const describedWords = (visit: Visit, declared: readonly Declared[]): NonNullable<Visit['site']> => {
  const words = { cookies: Object.create(null), storage: Object.create(null) } as NonNullable<Visit['site']>
  const word = (name: string): SiteWord => ({ class: classify(name, declared), declared: !!findDeclared(name, declared) })
  for (const c of visit.cookies) words.cookies[c.name] = word(c.name)
  for (const s of visit.storage) words.storage[s.name] = word(s.name)
  return words
}

/**
 * The report: every finding merged across visits, classified, with its violations. With
 * `described` (a site description's declarations), every page is checked against those instead
 * of what its own gate says, a page without consent-gate too.
 */
export function summarise(visits: Visit[], pages: PageResult[], scannedAt: Date, described?: readonly Declared[]): Report {
  const cookies = new Map<string, Report['cookies'][number]>()
  const storage = new Map<string, Report['storage'][number]>()
  const requests = new Map<string, Report['requests'][number]>()
  const violations = new Map<string, Report['violations'][number]>()
  const flag = (v: Report['violations'][number]) => {
    const key = [v.kind, v.name, v.phase, v.page].join('\n')
    if (!violations.has(key)) violations.set(key, v)
  }
  const undeclared = new Set<string>()
  const ambiguous = new Map<string, Report['ambiguous'][number]>()
  /** An undeclared name a framework and a tracker share: both readings, in place of any violation. */
  const unsure = (kind: 'cookie' | 'storage', name: string, word: SiteWord | undefined, phase: Phase, page: string) => {
    const known = word?.declared ? undefined : lookup(name)
    if (!known?.or) return false
    const key = kind + '\n' + name
    if (!ambiguous.has(key))
      ambiguous.set(key, { kind, name, class: known.class, provider: known.provider, or: known.or, phases: [], pages: [] })
    const entry = ambiguous.get(key)!
    addPhase(entry.phases, phase)
    if (!entry.pages.includes(page)) entry.pages.push(page)
    return true
  }

  for (const visit of visits) {
    const { page, phase } = visit
    const check = checked(visit)
    const site = described ? describedWords(visit, described) : visit.site
    for (const { gone, ...c } of visit.cookies) {
      const thirdParty = !firstParty(c.domain, page)
      const word = site && !thirdParty ? own(site.cookies, c.name) : undefined
      const cls = word?.declared ? word.class : classify(c.name)
      // A cookie gone by the time the gate is asked may have no word (the gate removes Google's
      // cookies before it audits, while analytics is not granted): unknown, not undeclared.
      const declared = site && !thirdParty && !(gone && !word) ? !!word?.declared : null
      const key = cookieKey(c)
      let entry = cookies.get(key)
      if (!entry) {
        const known = lookup(c.name)
        entry = {
          ...c,
          thirdParty,
          class: cls,
          provider: known?.provider || null,
          purpose: known?.purpose || null,
          retention: known?.retention || null,
          declared,
          phases: [],
          pages: [],
        }
        cookies.set(key, entry)
      }
      if (declared !== null) entry.declared = !!entry.declared || declared
      addPhase(entry.phases, phase)
      if (gone) addPhase((entry.gone ??= []), phase)
      if (!entry.pages.includes(page)) entry.pages.push(page)
      if (unsure('cookie', c.name, word, phase, page)) continue
      if (check && TRACKING(cls)) flag({ kind: 'cookie', name: c.name, phase, page, class: cls, ...(gone && { gone }) })
      // Once per page, in the first visit it shows up in.
      if (declared === false && !undeclared.has(page + '\n' + c.name)) {
        undeclared.add(page + '\n' + c.name)
        flag({ kind: 'undeclared', name: c.name, phase, page, class: cls })
      }
    }
    for (const s of visit.storage) {
      // A gate audits localStorage; a description declares sessionStorage keys too.
      const word = site && (s.kind === 'local' || described) ? own(site.storage, s.name) : undefined
      const cls = word?.declared ? word.class : classify(s.name)
      const key = s.kind + '\n' + s.name
      let entry = storage.get(key)
      if (!entry) {
        entry = {
          ...s,
          class: cls,
          provider: lookup(s.name)?.provider || null,
          declared: word ? word.declared : null,
          phases: [],
          pages: [],
        }
        storage.set(key, entry)
      }
      addPhase(entry.phases, phase)
      if (!entry.pages.includes(page)) entry.pages.push(page)
      if (!unsure('storage', s.name, word, phase, page) && check && TRACKING(cls))
        flag({ kind: 'storage', name: s.name, phase, page, class: cls })
    }
    for (const url of visit.requests) {
      const u = urlOf(url)
      if (!u) continue
      const tracker = trackerOf(u)
      if (!tracker) continue
      const key = bare(u)
      let entry = requests.get(key)
      if (!entry) {
        entry = { url: key, host: u.hostname, tracker: tracker.provider, class: tracker.class, phases: [], pages: [] }
        requests.set(key, entry)
      }
      addPhase(entry.phases, phase)
      if (!entry.pages.includes(page)) entry.pages.push(page)
      if (check) flag({ kind: 'request', name: u.hostname + u.pathname, phase, page, class: tracker.class })
    }
  }

  return {
    version: 1,
    scannedAt: scannedAt.toISOString(),
    pages: pages.map((p) => p.url),
    visits: pages,
    cookies: [...cookies.values()],
    storage: [...storage.values()],
    requests: [...requests.values()],
    violations: [...violations.values()],
    ambiguous: [...ambiguous.values()],
  }
}

/**
 * Declarations for what was found, for a profile's `cookies` option (the consent cookie aside): the
 * catalogue's pattern where it has one (`_ga_*` for `_ga_ABC123`), once, else the name seen.
 */
export function declarations(report: Report, consentCookie = 'consent_gate') {
  const seen = new Set<string>()
  const out: {
    name: string
    class: CookieClass
    provider: string
    purpose: string
    lifetime: string
    storage?: 'localStorage' | 'sessionStorage'
  }[] = []
  const add = (seenName: string, cls: CookieClass, storage?: 'localStorage' | 'sessionStorage') => {
    const known = lookup(seenName)
    // A declaration's `*` is only a prefix's.
    const name = known?.pattern && /^[^*]+\*$/.test(known.pattern) ? known.pattern : seenName
    if (seenName === consentCookie || seen.has((storage ?? 'cookie') + name)) return
    seen.add((storage ?? 'cookie') + name)
    out.push({
      name,
      class: cls,
      provider: known?.provider || 'TODO: who sets it',
      purpose: known?.or
        ? `TODO: ${cls} (${known.provider}) or ${known.or.class} (${known.or.provider})? Keep the class that is true`
        : known?.purpose || 'TODO: what it is for',
      lifetime: known?.retention || 'TODO: how long it lasts',
      ...(storage && { storage }),
    })
  }
  for (const c of report.cookies) if (!c.thirdParty) add(c.name, c.class)
  for (const s of report.storage) add(s.name, s.class, s.kind === 'local' ? 'localStorage' : 'sessionStorage')
  return out
}
