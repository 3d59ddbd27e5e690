import { isRegion, PLATFORMS } from '../config/geo'

/** A request's headers: a Fetch `Headers`, Node's `IncomingMessage.headers`, or a plain record. */
export type RequestHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>

export interface LocationOptions {
  /**
   * The site's own header, set at its edge, instead of the platforms' (docs/regions.md): one
   * holding `US-CA` or `US`, or two, `[country, subdivision]`, e.g. those a Fastly VCL sets.
   */
  header?: string | readonly [country: string, subdivision?: string]
}

/** A header's value, by its name in any case; repeated values come joined, which no code matches. */
function header(headers: RequestHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get == 'function') return (headers as Headers).get(name) ?? undefined
  const key = Object.keys(headers).find((k) => k.toLowerCase() == name)
  const value = key && (headers as Record<string, unknown>)[key]
  return Array.isArray(value) ? value.join(', ') : typeof value == 'string' ? value : undefined
}

// Headers are hostile: only plain letters and digits are uppercased; anything else is no region.
const BAD = '?'
const plain = (value: string) => (/^[a-z\d]+$/i.test(value) ? value.toUpperCase() : BAD)

/** One source's region: undefined if it sent no country, `BAD` if what it sent names no place. */
function codeOf(country?: string, subdivision?: string): string | undefined {
  if (!country) return
  const code = subdivision ? plain(country) + '-' + plain(subdivision) : plain(country)
  return isRegion(code) ? code : BAD
}

/**
 * Where the visitor is, from the request's headers, and whether they send Global Privacy Control
 * (`Sec-GPC: 1`). With `header`, only the site's own header is read. Otherwise every platform's:
 * a site behind one receives the others as the visitor sent them, so sources that disagree (but
 * for one naming the subdivision another leaves out) give no region, which the site's strictest
 * policy answers, as does a value that names no place.
 */
export function regionOf(headers: RequestHeaders, { header: own }: LocationOptions = {}): { region?: string; gpc: boolean } {
  const gpc = header(headers, 'sec-gpc')?.trim() == '1'
  const read = (name?: string) => (name ? header(headers, name.toLowerCase()) : undefined)
  let codes: (string | undefined)[]
  if (typeof own == 'string') {
    const [country, subdivision, ...more] = read(own)?.split('-') ?? []
    codes = [more.length ? BAD : codeOf(country, subdivision)]
  } else codes = (own ? [own] : PLATFORMS).map(([country, subdivision]) => codeOf(read(country), read(subdivision)))
  let region: string | undefined
  for (const code of codes) {
    if (code == BAD) return { gpc }
    if (!code || code == region || region?.startsWith(code + '-')) continue
    if (region && !code.startsWith(region + '-')) return { gpc }
    region = code
  }
  return { region, gpc }
}
