import { decodeRecord, encodeRecord, type ConsentRecord } from './record'

export interface Store {
  read(): ConsentRecord | undefined
  write(record: ConsentRecord): void
}

/**
 * The consent cookie. Its name is checked (`[\w-]`) and our codec writes only `[\w.~-]`, so it is
 * read with one pattern and written as is: no encoding library on every page view. When the
 * browser refuses cookies the choice lives in memory for this page, so the visitor is not asked
 * again on every click, and we say so once.
 */
export function cookieStore(name: string, domain?: string): Store {
  let memory: ConsentRecord | undefined
  let blocked = false
  const get = () => document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`))?.[1]
  return {
    read() {
      if (blocked) return memory
      try {
        return decodeRecord(get())
      } catch {
        // A cookie jar can throw (sandboxed iframes, some privacy modes): no choice, no tracker.
        return memory
      }
    },
    write(record) {
      memory = record
      const value = encodeRecord(record)
      try {
        document.cookie =
          `${name}=${value}; Expires=${new Date(record.expires).toUTCString()}; Path=/; SameSite=Lax` +
          (domain ? '; Domain=' + domain : '') +
          (location.protocol === 'https:' ? '; Secure' : '')
        if (get() === value) return
      } catch {
        // Fall through to the warning: the choice stays in memory.
      }
      if (!blocked) console.warn('consent-gate: cookies are blocked, so this choice lasts only until the page closes')
      blocked = true
    },
  }
}
