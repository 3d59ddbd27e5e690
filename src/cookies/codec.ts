/**
 * Cookie text, one way for the whole SDK: a browser reads `document.cookie` and a server the
 * `Cookie` header, which have the same form; both write with `cookieText`. Pure: no document.
 */

/**
 * Every cookie in a `Cookie` header or `document.cookie`, as `[name, value]` in the order given: the
 * value is all after the first `=`, and a cookie written without one is a name without a value.
 * Only spaces and tabs are cut, as browsers cut them: to a browser, `\u00a0__Host-x` (which
 * `trim()` would make `__Host-x`) is no `__Host-` cookie, so any sibling subdomain may set it.
 */
export const parseCookies = (text: string): [name: string, value?: string][] =>
  text
    .split(';')
    .map((c) => c.replace(/^[ \t]+|[ \t]+$/g, '').split(/=(.*)/s, 2) as [string, string?])
    .filter(([name]) => name)

/** A value as a server may have written it: quoted, or with `~` as `%7E`. */
export const decodeCookie = (value: string): string => {
  try {
    return decodeURIComponent(value.replace(/^"(.*)"$/, '$1'))
  } catch {
    return value
  }
}

/**
 * Every value of cookie `name`, decoded, in the order sent: a planted one (another path, a parent
 * domain) may sit beside the site's own.
 */
export const cookieValues = (text: string, name: string): string[] =>
  parseCookies(text)
    .filter(([n]) => n === name)
    .map(([, v = '']) => decodeCookie(v))

/**
 * A `Set-Cookie` value, or what a page assigns to `document.cookie`: `SameSite=Lax`, `Domain`
 * when shared, `Secure` on https. It lasts until `expires` (ms since the epoch), said as `Max-Age`
 * from `now`: a date would have to be formatted, whose first use in a page costs milliseconds (a
 * click's), and a server's `Expires` is moved by the browser by its clock's gap with the server's.
 * A past `expires` (0) removes the cookie at that Domain and Path. Values are written as given:
 * the SDK's own are `[\w.~-]`, and a removal's is empty.
 */
export const cookieText = (
  name: string,
  value: string,
  expires: number,
  secure: boolean,
  domain?: string,
  path = '/',
  now = Date.now(),
): string =>
  `${name}=${value}; Max-Age=${Math.round((expires - now) / 1e3)}; Path=${path}; SameSite=Lax` +
  (domain ? '; Domain=' + domain : '') +
  (secure ? '; Secure' : '')
