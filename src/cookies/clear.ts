/**
 * Expires a cookie on the host and on every parent domain. `document.cookie` never tells where a
 * cookie was written, and a delete must name the same domain, so try them all: the browser
 * ignores the attempts that do not apply.
 */
export function clearCookie(name: string, host = location.hostname): void {
  const parts = host.split('.')
  const expire = (domain: string) => {
    document.cookie = `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/${domain}`
  }
  expire('')
  // Stop before the bare top-level domain; a cookie cannot be written there.
  for (let i = 0; i < parts.length - 1; i++) expire('; Domain=.' + parts.slice(i).join('.'))
}
