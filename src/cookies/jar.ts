import { documentAccessor } from '../document'
import { cookieText, parseCookies } from './codec'
import { scopes } from './scopes'

/**
 * The page's cookie jar and storage, read and written through the document's own accessor:
 * markup can shadow `document.cookie` (`<img name="cookie">`), and a write that goes to the
 * shadow removes nothing and stores nothing. Every cookie the SDK writes goes through `setCookie`.
 */
export const readCookies = (): string => documentAccessor('cookie').get!.call(document)

/** Writes one cookie; `expires` 0 removes it at that Domain and Path. */
export const setCookie = (name: string, value: string, expires: number, domain?: string, path?: string): void =>
  documentAccessor('cookie').set!.call(document, cookieText(name, value, expires, location.protocol === 'https:', domain, path))

/** Removes a cookie wherever it may have been written: every Domain and Path in scopes.ts. */
export const removeCookie = (name: string): void => {
  for (const [domain, path] of scopes()) setCookie(name, '', 0, domain, path)
}

/** Reads browser storage, which can be blocked outright; then there is nothing to see. */
const safely = (read: () => string[]): string[] => {
  try {
    return read()
  } catch {
    return []
  }
}

/** Names of the cookies this page can see. */
export const cookieNames = (): string[] => safely(() => parseCookies(readCookies()).map(([name]) => name))

/** Every cookie present, and every localStorage key unless `keys` is false. */
export const stored = (keys = true): { name: string; storage: 'cookie' | 'localStorage' }[] => [
  ...cookieNames().map((name) => ({ name, storage: 'cookie' as const })),
  ...(keys ? safely(() => Object.keys(localStorage)) : []).map((name) => ({ name, storage: 'localStorage' as const })),
]
