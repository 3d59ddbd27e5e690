import { CATEGORIES, type Category } from '../config/profiles'
import type { Choices, Via } from '../ui/context'

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
const VIAS: Via[] = ['banner', 'dialog', 'api', 'gpc']
const MAX_LENGTH = 200

/** FNV-1a, to tell a record we wrote from a truncated, edited or garbled one. */
const checksum = (text: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}

// One character per category, in CATEGORIES order: 1 granted, 0 refused, - not asked.
const encodeChoices = (choices: Choices): string =>
  CATEGORIES.map((c) => (choices[c] === undefined ? '-' : choices[c] ? '1' : '0')).join('')

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
  if (!/^[\w.-]{1,32}$/.test(revision) || !/^[a-z0-9]{8,32}$/.test(id) || !(at > 0) || !(expires > at)) return
  if (flags.length !== CATEGORIES.length || !/^[-01]+$/.test(flags) || !VIAS[+via]) return
  const choices: Choices = {}
  CATEGORIES.forEach((c, i) => {
    if (flags[i] !== '-') choices[c] = flags[i] === '1'
  })
  return { revision, id, at, expires, choices, via: VIAS[+via] }
}

/** A record counts only for the current revision, before it expires, and not from the future. */
export const isCurrent = (r: ConsentRecord | undefined, revision: string, now: number): r is ConsentRecord =>
  !!r && r.revision === revision && r.expires > now && r.at <= now + 864e5

/** 80 random bits in base 36; getRandomValues works in every context, randomUUID only in secure ones. */
export const newId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => b.toString(36).padStart(2, '0')).join('')

/**
 * The choices a site can act on: only offered categories count, anything not granted is
 * refused, and a profile without trackers refuses everything whatever the record says.
 */
export const effectiveChoices = (offered: readonly Category[], choices: Choices | undefined): Record<Category, boolean> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, offered.includes(c) && choices?.[c] === true])) as Record<Category, boolean>
