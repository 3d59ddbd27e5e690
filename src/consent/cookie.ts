/**
 * The consent cookie's text. The browser's store (store.ts) reads `document.cookie` and writes
 * through it; a server reads the `Cookie` header and answers with `Set-Cookie`. Both read and write
 * the same text: test/unit/server/cookie.test.ts holds the server's side to the browser store.
 */

/** A cookie value as a server may have written it: quoted, or with `~` as `%7E`. */
export const decodeCookie = (value: string): string => {
  try {
    return decodeURIComponent(value.replace(/^"(.*)"$/, '$1'))
  } catch {
    return value
  }
}

/**
 * Every value of cookie `name` in a `Cookie` header, in the order sent: a planted one (another
 * path, a parent domain) may sit beside ours. As the browser store splits `document.cookie`.
 */
export const headerValues = (header: string, name: string): string[] =>
  header
    .trim()
    .split(/;\s*/)
    .filter((c) => c.startsWith(name + '='))
    .map((c) => decodeCookie(c.slice(name.length + 1)))

/**
 * A `Set-Cookie` value with the attributes the browser store writes: `Path=/`, `SameSite=Lax`,
 * `Domain` when shared, `Secure` on https. Our codec writes only `[\w.~-]`, so the value goes as is.
 */
export const setCookieText = (name: string, value: string, expires: number, secure: boolean, domain?: string): string =>
  `${name}=${value}; Expires=${new Date(expires).toUTCString()}; Path=/; SameSite=Lax` +
  (domain ? '; Domain=' + domain : '') +
  (secure ? '; Secure' : '')
