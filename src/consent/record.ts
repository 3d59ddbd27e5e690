import { CATEGORIES, type Category, type Choices, type Via } from '../config/profiles'
import { own } from '../config/own'
import type { Policy } from '../config/regions'

export type { Choices, Via } from '../config/profiles'

/** The stored choice. Encoded compactly into one cookie. */
export interface ConsentRecord {
  /** Site revision the choice was given for. */
  revision: string
  /** Random id, so a receipt can be matched to a browser without identifying the visitor. */
  id: string
  /** When the choice was given, ms since the epoch. */
  at: number
  /** When it lapses, ms since the epoch. */
  expires: number
  choices: Choices
  via: Via
}

const SCHEMA = '1'
// Every way a choice is given, appended only: a record stores its via as an index into this list.
export const VIAS: Via[] = ['banner', 'dialog', 'api', 'gpc', 'embed']
/**
 * The categories in the order a record stores them: appended only, so a record written before
 * `functional` existed (two flags) still reads, with `functional` not chosen.
 */
const STORED: Category[] = ['analytics', 'marketing', 'functional']
const MAX_LENGTH = 200
export const DAY_MS = 864e5
// Clocks drift; a record dated further ahead than this was not written by a browser on this site.
export const SKEW_MS = 3e5

/** FNV-1a, to tell a record we wrote from a truncated, edited or garbled one (not from a forged one). */
const checksum = (text: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}

// One character per category, in STORED order: 1 granted, 0 refused, - not asked.
const encodeChoices = (choices: Choices): string =>
  STORED.map((c) => (!own(choices, c) || choices[c] === undefined ? '-' : choices[c] ? '1' : '0')).join('')

/** 8 to 14 characters of a-z and 0-9 drawn from `text`: an id that any reader of the same copies draws alike. */
const id = (text: string) => (checksum(text) + checksum(text + text)).padEnd(8, '0')

/** `1~revision~id~at~expires~choices~via~checksum`, times in base 36. */
export function encodeRecord(r: ConsentRecord): string {
  const body = [
    SCHEMA,
    r.revision,
    r.id,
    r.at.toString(36),
    r.expires.toString(36),
    encodeChoices(r.choices),
    VIAS.indexOf(r.via),
  ].join('~')
  return body + '~' + checksum(body)
}

/** The record in a cookie value, or undefined for anything we did not write. Never throws. */
export function decodeRecord(value: unknown): ConsentRecord | undefined {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return
  const parts = value.split('~')
  if (parts.length !== 8 || parts[0] !== SCHEMA) return
  const sum = parts.pop()
  if (checksum(parts.join('~')) !== sum) return
  const [, revision, id, at36, expires36, flags, via] = parts
  const at = parseInt(at36, 36)
  const expires = parseInt(expires36, 36)
  // We never write a choice for longer than 13 months, so a longer one is not ours.
  if (
    !/^[\w.-]{1,32}$/.test(revision) ||
    !/^[a-z0-9]{8,32}$/.test(id) ||
    !(at > 0) ||
    !(expires > at) ||
    expires - at > 400 * DAY_MS
  )
    return
  // Two flags (written before `functional`) or one per STORED category.
  if (!/^[-01]{2,3}$/.test(flags) || !VIAS[+via]) return
  const choices: Choices = Object.create(null)
  STORED.forEach((c, i) => {
    if (flags[i] && flags[i] !== '-') choices[c] = flags[i] === '1'
  })
  return { revision, id, at, expires, choices, via: VIAS[+via] }
}

/**
 * A record counts for the current revision, until the earlier of its own expiry and the site's
 * `lifetimeDays` (a planted record may claim any expiry), and never from the future.
 */
export const isCurrent = (
  r: ConsentRecord | undefined,
  revision: string,
  lifetimeDays: number,
  now: number,
): r is ConsentRecord =>
  !!r && r.revision === revision && r.at <= now + SKEW_MS && Math.min(r.expires, r.at + lifetimeDays * DAY_MS) > now

/** What the stored records amount to. */
export interface Reading {
  /** The choice that counts, if any. */
  record?: ConsentRecord
  /** Current records disagreed: the SDK should write `record` over them. */
  conflict: boolean
}

/**
 * Only what both grant: a category either refused is refused; one that only one of them chose,
 * and granted, stays not chosen (the visitor is asked again rather than granted by a lone record).
 */
const strictest = (a: Choices, b: Choices): Choices => {
  const out: Choices = Object.create(null)
  for (const c of CATEGORIES)
    if (a[c] === false || b[c] === false) out[c] = false
    else if (own(a, c) && own(b, c)) out[c] = true
  return out
}

/**
 * Settles every record of our name the browser sent. Any subdomain can plant one (cookie
 * tossing) and its checksum proves nothing, so a future-dated record never counts, and current
 * records that disagree yield the most restrictive choice: a planted record can refuse, never grant
 * over a refusal. Nothing of a planted record's own survives that merge either: the result gets
 * the site's own lifetime, so a planted one cannot make a refusal lapse, and an id drawn from every
 * copy, unless one of them already is that result (then a copy left behind, say HttpOnly, does not
 * give a new id on every read). Records of another revision count for nothing, not even to
 * pre-tick the dialog. The answer depends on the copies, never on their order or on chance: a
 * server reading the same `Cookie` header answers the same, id included.
 */
export function settle(records: (ConsentRecord | undefined)[], revision: string, lifetimeDays: number, now: number): Reading {
  const current = records
    .filter((r) => isCurrent(r, revision, lifetimeDays, now))
    .sort((a, b) => b.at - a.at || +(encodeRecord(a) > encodeRecord(b)) || -1)
  const [latest] = current
  const conflict = current.some((r) => encodeChoices(r.choices) !== encodeChoices(latest.choices))
  const record = {
    ...latest,
    expires: latest?.at + lifetimeDays * DAY_MS,
    choices: current.reduce((a, r) => strictest(a, r.choices), latest?.choices),
  }
  const text = (r: ConsentRecord) => encodeRecord({ ...r, id: '' })
  return {
    record: conflict
      ? (current.find((r) => text(r) === text(record)) ?? { ...record, id: id(current.map(encodeRecord).join()) })
      : latest,
    conflict,
  }
}

/** 80 random bits in base 36; getRandomValues works in every context, randomUUID only in secure ones. */
export const newId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => b.toString(36).padStart(2, '0')).join('')

/** Offered categories the record has no choice for: the visitor is still to be asked about them. */
export const unchosen = (offered: readonly Category[], r: ConsentRecord | undefined): Category[] =>
  offered.filter((c) => !(r && own(r.choices, c)))

/**
 * The choices a site can act on: only offered categories count, and a profile without trackers
 * refuses everything whatever the record says. A category the visitor has not chosen is refused,
 * or granted where the visitor's rules let it run until they opt out (`unasked`, docs/regions.md).
 * Prototype-free, so a polluted `Object.prototype.analytics` grants nothing.
 */
export function effectiveChoices(offered: readonly Category[], choices: Choices | undefined, unasked = false): Record<Category, boolean> {
  const out = Object.create(null)
  for (const c of CATEGORIES) out[c] = offered.includes(c) && (choices && own(choices, c) ? choices[c] === true : unasked)
  return out
}

/**
 * Whether nothing is left to ask: at once where nothing is offered; under opt-in, once every
 * offered category was chosen; under opt-out, always (the visitor opts out when they like); under
 * notice, once the notice was seen.
 */
export const settled = (policy: Policy, offered: readonly Category[], r: ConsentRecord | undefined): boolean =>
  !offered.length || policy == 'opt-out' || (policy == 'notice' ? !!r : !unchosen(offered, r).length)
