import Cookies from 'js-cookie'
import { decodeRecord, encodeRecord, type ConsentRecord } from './record'

export interface Store {
  read(): ConsentRecord | undefined
  write(record: ConsentRecord): void
}

/**
 * The consent cookie. When the browser refuses cookies the choice lives in memory for this page,
 * so the visitor is not asked again on every click, and we say so once.
 */
export function cookieStore(name: string, domain?: string): Store {
  let memory: ConsentRecord | undefined
  let blocked = false
  return {
    read() {
      if (blocked) return memory
      try {
        return decodeRecord(Cookies.get(name))
      } catch {
        // A cookie jar can throw (sandboxed iframes, some privacy modes): no choice, no tracker.
        return memory
      }
    },
    write(record) {
      memory = record
      const value = encodeRecord(record)
      try {
        Cookies.set(name, value, {
          expires: new Date(record.expires),
          path: '/',
          domain,
          sameSite: 'Lax',
          secure: location.protocol === 'https:',
        })
        if (Cookies.get(name) === value) return
      } catch {
        // Fall through to the warning: the choice stays in memory.
      }
      if (!blocked) console.warn('consent-gate: cookies are blocked, so this choice lasts only until the page closes')
      blocked = true
    },
  }
}
