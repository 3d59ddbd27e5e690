import { warnLater } from '../config/report'
import { cookieValues } from '../cookies/codec'
import { readCookies, removeCookie, setCookie } from '../cookies/jar'
import { decodeRecord, encodeRecord, type ConsentRecord } from './record'

export interface Store {
  /** Every record of our name the browser sends: a planted one may sit beside ours. */
  read(): (ConsentRecord | undefined)[]
  /** Writes the record; the next read checks that the browser kept it. */
  write(record: ConsentRecord): void
}

/**
 * The consent cookie. Our record codec writes only `[\w.~-]`, so the cookie codec writes it as
 * is. When the browser refuses cookies the choice lives in memory for this
 * page, so the visitor is not asked again on every click, and we say so once.
 */
export function cookieStore(name: string, domain?: string): Store {
  let memory: ConsentRecord | undefined
  let blocked = false
  // The value last written, until read back: a read right after a write waits for the browser to
  // store it (~10 ms at a slow CPU), too long for a click's task, so the next read checks it.
  let unread: string | undefined
  // What the last read found: with nothing, a choice need not remove any copy first (the
  // jar then holds at most one written since, ours, which a write replaces).
  let seen: string[] | undefined
  const values = () => (seen = cookieValues(readCookies(), name))
  const check = () => {
    const value = unread
    unread = undefined
    try {
      // Ours, or a newer choice written over it meanwhile (another tab, a sibling subdomain): kept.
      if (!value || values().some((v) => decodeRecord(v)?.at! >= memory!.at)) return
      if (domain) {
        // Within this host's own domain, yet refused: a public suffix such as `vercel.app`.
        setCookie(name, value, memory!.expires)
        if (values().includes(value)) return void warnLater('suffix', domain)
      }
    } catch {
      // Fall through to the warning: the choice stays in memory.
    }
    if (!blocked) warnLater('blocked')
    blocked = true
  }
  return {
    read() {
      check()
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
      unread = encodeRecord(record)
      try {
        // The new choice replaces every copy this page can reach, planted ones included. Removing
        // means a write for each Domain and Path (milliseconds, in a click's task): not when the
        // jar held none when last read. One planted since is read beside ours and settled then.
        if (seen?.length !== 0) removeCookie(name)
        setCookie(name, unread, record.expires, domain)
      } catch {
        // The check finds it missing.
      }
    },
  }
}
