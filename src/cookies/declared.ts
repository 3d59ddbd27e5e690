import type { CookieClass, Declared } from '../config/profiles'
import { readCookies } from './jar'

/** A cookie or storage key present, as the audit sees it. */
export interface AuditEntry {
  name: string
  storage: 'cookie' | 'localStorage'
  class: CookieClass
  /** Whether the site's profile declares it. */
  declared: boolean
  /** Who sets it, from the site's declaration or else the catalogue, when either knows. */
  provider?: string
  /** What it is for, in the same order of preference. */
  purpose?: string
}

/** Whether a declared name (a prefix when it ends in `*`) covers this one. */
export const matches = (pattern: string, name: string): boolean =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name

/** The declaration that names this cookie or key, exact names before prefixes. */
export const findDeclared = (name: string, declared: readonly Declared[]): Declared | undefined =>
  declared.find((d) => d.name === name && d.storage !== 'none') ||
  declared.find((d) => d.storage !== 'none' && matches(d.name, name))

/** Reads browser storage, which can be blocked outright; then there is nothing to see. */
const safely = (read: () => string[]): string[] => {
  try {
    return read()
  } catch {
    return []
  }
}

/** Names of the cookies this page can see. */
export const cookieNames = (): string[] =>
  safely(() =>
    readCookies()
      .split(';')
      .map((c) => c.split('=')[0].trim())
      .filter(Boolean),
  )

/** Every cookie present, and every localStorage key unless `keys` is false. */
export const stored = (keys = true): { name: string; storage: 'cookie' | 'localStorage' }[] => [
  ...cookieNames().map((name) => ({ name, storage: 'cookie' as const })),
  ...(keys ? safely(() => Object.keys(localStorage)) : []).map((name) => ({ name, storage: 'localStorage' as const })),
]
