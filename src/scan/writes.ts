import type { BrowserContext } from 'playwright-core'
import { parseCookies } from '../cookies/codec'
import { cookieKey, firstParty, type SeenCookie } from './findings'
import { urlOf } from './urls'

// A cookie the page set and something removed before the visit ended (a tag's own clean-up, the
// SDK's tripwire) was still set before consent: the jar at the end is not enough, so every write
// is recorded as it happens.

const WROTE = '__consentGateScanWrote'

// In the page, every frame, before its scripts: `document.cookie`'s setter tells the scanner what
// it wrote, after the browser's own setter took it exactly as before (converted once, as the
// browser converts it; a throw is the page's). `cookieStore.set` likewise, once its write is done.
const watch = ({ wrote, max }: { wrote: string; max: number }) => {
  const tell = (globalThis as unknown as Record<string, unknown>)[wrote]
  if (typeof tell !== 'function') return
  // Taken now, before the page's scripts can replace them.
  const { apply } = Reflect
  const slice = String.prototype.slice
  const then = Promise.prototype.then
  const rejected = Promise.reject
  const promise = Promise
  const say = (what: () => unknown) => {
    try {
      // Answered once the scanner has it; a visit closing first is not the page's error.
      apply(then, apply(tell, undefined, [what()]), [undefined, () => {}])
    } catch {
      // The scanner is gone (the visit is over), or the page broke what it reads: the page goes on.
    }
  }
  const cookie = typeof Document === 'function' ? Object.getOwnPropertyDescriptor(Document.prototype, 'cookie') : undefined
  const set = cookie?.set
  if (cookie && set)
    Object.defineProperty(Document.prototype, 'cookie', {
      ...cookie,
      set(value: unknown) {
        const text = `${value}`
        apply(set, this, [text])
        say(() => apply(slice, text, [0, max]))
      },
    })
  // `cookieStore.set(name, value)` or `cookieStore.set(options)`: the options are read once, in the
  // order the browser reads a dictionary (its members' names sorted), and the browser is handed
  // that copy, so a getter runs as often as before. Told once the write is done.
  const store = typeof CookieStore === 'function' ? CookieStore.prototype : undefined
  const write = store?.set as ((...args: unknown[]) => Promise<void>) | undefined
  const MEMBERS = ['domain', 'expires', 'name', 'partitioned', 'path', 'sameSite', 'value'] as const
  if (store && typeof write === 'function')
    Object.defineProperty(store, 'set', {
      ...Object.getOwnPropertyDescriptor(store, 'set'),
      value: function (this: unknown, ...args: unknown[]) {
        let given: Record<string, unknown>
        if (typeof args[0] === 'object' && args[0] !== null) {
          const options = args[0] as Record<string, unknown>
          given = {}
          try {
            for (let i = 0; i < MEMBERS.length; i++)
              if (options[MEMBERS[i]] !== undefined) given[MEMBERS[i]] = options[MEMBERS[i]]
          } catch (e) {
            return apply(rejected, promise, [e])
          }
          args = [given]
        } else given = { name: args[0], path: '/' }
        const done = apply(write, this, args)
        apply(then, done, [
          () =>
            say(() => ({
              name: given.name,
              domain: given.domain ?? null,
              path: given.path ?? '/',
              expires: given.expires ?? null,
            })),
          () => {},
        ])
        return done
      },
    })
}

/** Longer than any cookie Chromium stores (4096 for name and value, 1024 an attribute): a page's text is cut here. */
const MAX_TEXT = 8192
/** Cookies kept from one visit's writes: a page writing in a loop makes a long report, not an endless one. */
const MAX_WRITTEN = 1000

/** The path a cookie written without one gets (RFC 6265 5.1.4): the URL's up to its last `/`. */
const defaultPath = (path: string) => (path.lastIndexOf('/') > 0 ? path.slice(0, path.lastIndexOf('/')) : '/')

const IP = /^[\d.]+$|^\[/

/**
 * The cookie that `text` (a `Set-Cookie` value, or what a page assigned to `document.cookie`)
 * writes from `url`; `undefined` for a removal (`Max-Age` <= 0, an `Expires` past), a nameless
 * one, or one for a domain the page is not on, which the browser refuses.
 */
export function writtenCookie(text: string, url: URL, now: number): SeenCookie | undefined {
  const [pair, ...rest] = text.slice(0, MAX_TEXT).split(';')
  const [first] = parseCookies(pair)
  // Chromium refuses a cookie whose name and value are longer than this together.
  if (!first || first[0].length + (first[1]?.length ?? 0) > 4096) return undefined
  // The last of each attribute counts, whatever its case; prototype-free, a page may name one `__proto__`.
  const attr = Object.create(null) as Record<string, string>
  for (const [k, v = ''] of parseCookies(rest.join(';'))) attr[k.trim().toLowerCase()] = v.trim()
  let expires = -1
  if (/^-?\d+$/.test(attr['max-age'] ?? '')) {
    const seconds = Number(attr['max-age'])
    if (seconds <= 0) return undefined
    expires = Math.floor(now / 1000) + seconds
  } else if (attr.expires !== undefined) {
    const at = Date.parse(attr.expires)
    if (at <= now) return undefined
    if (at) expires = at / 1000
  }
  const domain = (attr.domain ?? '').replace(/^\./, '').toLowerCase()
  // A top-level domain is refused as any public suffix is (the rest of the list is not checked).
  if (domain && (!firstParty(domain, url.href) || (!domain.includes('.') && domain !== url.hostname))) return undefined
  const sameSite = /^(strict|lax|none)$/i.test(attr.samesite ?? '') ? attr.samesite.toLowerCase() : 'lax'
  return {
    name: first[0].trim(),
    // An IP address is never a parent domain: a cookie on one is host-only.
    domain: domain && !IP.test(url.hostname) ? '.' + domain : url.hostname,
    path: attr.path?.startsWith('/') ? attr.path : defaultPath(url.pathname),
    expires,
    httpOnly: 'httponly' in attr,
    secure: 'secure' in attr,
    sameSite: (sameSite[0].toUpperCase() + sameSite.slice(1)) as SeenCookie['sameSite'],
  }
}

/** A Cookie Store change as the page reported it: checked field by field, then read as cookie text. */
const storeText = (v: Record<string, unknown>): string | undefined => {
  if (typeof v.name !== 'string' || typeof v.path !== 'string') return undefined
  const expires =
    typeof v.expires === 'number' && Number.isFinite(v.expires) ? '; Expires=' + new Date(v.expires).toUTCString() : ''
  return `${v.name}=; Path=${v.path}` + (typeof v.domain === 'string' ? '; Domain=' + v.domain : '') + expires
}

/**
 * Records every cookie a visit's pages write: `document.cookie` and the Cookie Store in every
 * frame, and `Set-Cookie` on every response. The function returned waits for the responses'
 * headers still being read and gives what was written, the last write of each cookie; with
 * `forget`, it starts over from there.
 */
export async function recordWrites(
  context: BrowserContext,
  note: (n: string) => void,
): Promise<(forget?: boolean) => Promise<SeenCookie[]>> {
  const written = new Map<string, SeenCookie>()
  const add = (text: string, where: string) => {
    const url = urlOf(where)
    const c = url && /^https?:$/.test(url.protocol) ? writtenCookie(text, url, Date.now()) : undefined
    if (!c) return
    if (written.size >= MAX_WRITTEN && !written.has(cookieKey(c)))
      return note(`wrote more than ${MAX_WRITTEN} cookies; the rest were not recorded`)
    written.set(cookieKey(c), c)
  }
  await context.exposeBinding(WROTE, ({ frame, page }, what: unknown) => {
    // An about:blank or srcdoc frame writes as the page that made it.
    const where = /^https?:/.test(frame.url()) ? frame.url() : page.url()
    // A Cookie Store change is a list of cookies; what the page calls the binding with, anything.
    for (const one of Array.isArray(what) ? what.slice(0, MAX_WRITTEN) : [what]) {
      const text =
        typeof one === 'string' ? one : one && typeof one === 'object' ? storeText(one as Record<string, unknown>) : undefined
      if (text !== undefined) add(text, where)
    }
  })
  await context.addInitScript(watch, { wrote: WROTE, max: MAX_TEXT })
  const reading: Promise<void>[] = []
  context.on('response', (response) =>
    reading.push(
      response.headersArray().then(
        (headers) => {
          for (const { name, value } of headers)
            if (name.toLowerCase() === 'set-cookie') for (const line of value.split('\n')) add(line, response.url())
        },
        () => {},
      ),
    ),
  )
  return async (forget = false) => {
    // Reading a header may start while others are read.
    while (reading.length) await Promise.all(reading.splice(0))
    const all = [...written.values()]
    if (forget) written.clear()
    return all
  }
}
