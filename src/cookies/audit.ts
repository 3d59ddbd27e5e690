import type { CookieClass, Declared } from '../config/profiles'
import { classify, findDeclared } from './classify'

export interface AuditEntry {
  name: string
  storage: 'cookie' | 'localStorage'
  class: CookieClass
  /** Whether the site's profile declares it. */
  declared: boolean
}

/** Runs a read of browser storage, which can be blocked outright; then there is nothing to see. */
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
    document.cookie
      .split(';')
      .map((c) => c.split('=')[0].trim())
      .filter(Boolean),
  )

const storageKeys = () => safely(() => Object.keys(localStorage))

/** Every cookie and localStorage key present, with its class and whether it is declared. */
export const auditStorage = (declared: readonly Declared[]): AuditEntry[] =>
  [
    ...cookieNames().map((name) => ({ name, storage: 'cookie' as const })),
    ...storageKeys().map((name) => ({ name, storage: 'localStorage' as const })),
  ].map((e) => ({ ...e, class: classify(e.name, declared), declared: !!findDeclared(e.name, declared) }))
