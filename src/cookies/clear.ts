import Cookies from 'js-cookie'

/**
 * Removes a cookie from the host and from every parent domain. `document.cookie` never tells where
 * a cookie was written, and a removal must name the same domain, so try them all: the browser
 * ignores the attempts that do not apply.
 */
export function clearCookie(name: string, host = location.hostname): void {
  const parts = host.split('.')
  Cookies.remove(name)
  // Stop before the bare top-level domain; a cookie cannot be written there.
  for (let i = 0; i < parts.length - 1; i++) Cookies.remove(name, { domain: '.' + parts.slice(i).join('.') })
}
