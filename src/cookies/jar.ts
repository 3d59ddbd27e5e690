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

/**
 * The names of the cookies this page can see, read off the main thread where the browser has
 * `cookieStore`: a page's first `document.cookie` read blocks it on the browser (1 to 5 ms measured
 * in Chromium). Elsewhere (or a `cookieStore` that fails) as `cookieNames` reads them.
 */
export const cookieNamesSoon = (): Promise<string[]> =>
  new Promise<{ name: string; value: string }[]>((resolve) => resolve((window as { cookieStore?: any }).cookieStore.getAll()))
    // A nameless cookie is its value to document.cookie, and so to parseCookies and every script.
    .then((list) => list.map((c) => (c.name || c.value).split('=')[0]).filter(Boolean))
    // Never rejects: an answer that is no list of cookies is read again as document.cookie.
    .catch(cookieNames)

/** Every cookie present (`names`, when read already), and every localStorage key unless `keys` is false. */
export const stored = (keys = true, names = cookieNames()): { name: string; storage: 'cookie' | 'localStorage' }[] => [
  ...names.map((name) => ({ name, storage: 'cookie' as const })),
  ...(keys ? safely(() => Object.keys(localStorage)) : []).map((name) => ({ name, storage: 'localStorage' as const })),
]
