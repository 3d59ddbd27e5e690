import { warnLater } from '../config/report'
import { readCookies, writeCookie } from '../cookies/jar'
import { scopes } from '../cookies/scopes'
import { decodeCookie } from './cookie'
import { decodeRecord, encodeRecord, type ConsentRecord } from './record'

export interface Store {
  /** Every record of our name the browser sends: a planted one may sit beside ours. */
  read(): (ConsentRecord | undefined)[]
  write(record: ConsentRecord): void
}

/**
 * The consent cookie. Our codec writes only `[\w.~-]`, so it is written as is: no encoding
 * library on every page view. When the browser refuses cookies the choice lives in memory for this
 * page, so the visitor is not asked again on every click, and we say so once.
 */
export function cookieStore(name: string, domain?: string): Store {
  let memory: ConsentRecord | undefined
  let blocked = false
  const values = () =>
    readCookies()
      .split(/;\s*/)
      .filter((c) => c.startsWith(name + '='))
      .map((c) => decodeCookie(c.slice(name.length + 1)))
  const set = (value: string, expires: number, shared?: string, path = '/') => {
    writeCookie(
      `${name}=${value}; Expires=${new Date(expires).toUTCString()}; Path=${path}; SameSite=Lax` +
        (shared ? '; Domain=' + shared : '') +
        (location.protocol === 'https:' ? '; Secure' : ''),
    )
  }
  return {
    read() {
      if (blocked) return [memory]
      try {
        return values().map(decodeRecord)
      } catch {
        // A cookie jar can throw (sandboxed iframes, some privacy modes): no choice, no tracker.
        return [memory]
      }
    },
    write(record) {
      memory = record
      const value = encodeRecord(record)
      try {
        // The new choice replaces every copy this page can reach, planted ones included.
        for (const [d, p] of scopes()) set('', 0, d, p)
        set(value, record.expires, domain)
        if (values().includes(value)) return
        if (domain) {
          // Within this host's own domain, yet refused: a public suffix such as `vercel.app`.
          set(value, record.expires)
          if (values().includes(value)) return void warnLater('suffix', domain)
        }
      } catch {
        // Fall through to the warning: the choice stays in memory.
      }
      if (!blocked) warnLater('blocked')
      blocked = true
    },
  }
}
