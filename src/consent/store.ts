import { decodeRecord, encodeRecord, type ConsentRecord } from './record'

export interface Store {
  read(): ConsentRecord | undefined
  write(record: ConsentRecord): void
}

/** A cookie value as a server may have written it: quoted, or with `~` as `%7E`. */
const decode = (value: string): string => {
  try {
    return decodeURIComponent(value.replace(/^"(.*)"$/, '$1'))
  } catch {
    return value
  }
}

/**
 * The consent cookie. Our codec writes only `[\w.~-]`, so it is written as is: no encoding
 * library on every page view. When the browser refuses cookies the choice lives in memory for this
 * page, so the visitor is not asked again on every click, and we say so once.
 */
export function cookieStore(name: string, domain?: string): Store {
  let memory: ConsentRecord | undefined
  let blocked = false
  // Every cookie of our name: a host-only one from before `cookieDomain` was set can sit next to
  // the shared one.
  const values = () =>
    document.cookie
      .split(/;\s*/)
      .filter((c) => c.startsWith(name + '='))
      .map((c) => decode(c.slice(name.length + 1)))
  const set = (value: string, expires: Date, shared?: string) => {
    document.cookie =
      `${name}=${value}; Expires=${expires.toUTCString()}; Path=/; SameSite=Lax` +
      (shared ? '; Domain=' + shared : '') +
      (location.protocol === 'https:' ? '; Secure' : '')
  }
  return {
    read() {
      if (blocked) return memory
      try {
        // Of several records, the latest choice counts.
        return values()
          .map(decodeRecord)
          .reduce((a, b) => (!a || (b && b.at > a.at) ? b : a), undefined)
      } catch {
        // A cookie jar can throw (sandboxed iframes, some privacy modes): no choice, no tracker.
        return memory
      }
    },
    write(record) {
      memory = record
      const value = encodeRecord(record)
      try {
        // A shared choice replaces any host-only one, which would otherwise shadow it.
        if (domain) set('', new Date(0))
        set(value, new Date(record.expires), domain)
        if (values().includes(value)) return
      } catch {
        // Fall through to the warning: the choice stays in memory.
      }
      if (!blocked) console.warn('consent-gate: cookies are blocked, so this choice lasts only until the page closes')
      blocked = true
    },
  }
}
