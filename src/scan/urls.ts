// Every URL a page hands the scanner (a link, a redirect, a request, a socket) is data: it may be
// anything a page can write, and a malformed one is reported, never thrown.

/** The URL `text` stands for, or `undefined` when it is not one. */
export const urlOf = (text: unknown): URL | undefined => {
  if (typeof text !== 'string') return undefined
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

/** A URL's host name as the scanner compares hosts: lower case, without a trailing dot. */
export const hostOf = (url: URL): string => url.hostname.toLowerCase().replace(/\.+$/, '')

/**
 * The links a `--crawl` may follow from a page of `origin`: same-origin, without fragment, not
 * `seen`, in page order; with a note for links that are not URLs at all. `links` is whatever the
 * page gave back, so it is checked to be a list of strings.
 */
export function crawlable(links: unknown, origin: string, seen: ReadonlySet<string>): { urls: string[]; notes: string[] } {
  const urls = new Set<string>()
  const bad: unknown[] = []
  for (const link of Array.isArray(links) ? links : []) {
    const u = urlOf(link)
    if (!u) {
      bad.push(link)
      continue
    }
    u.hash = ''
    if (u.origin === origin && !seen.has(u.href)) urls.add(u.href)
  }
  const notes = bad.length
    ? [
        `${bad.length} link${bad.length === 1 ? ' is' : 's are'} not a URL and ${bad.length === 1 ? 'was' : 'were'} not followed, e.g. "${String(bad[0]).slice(0, 100)}"`,
      ]
    : []
  return { urls: [...urls], notes }
}
