/*
 * Region codes and the platforms' geo headers, for the site's server (consent-gate/server) and the
 * scanner (`--region`) alike. Not the loader's: the browser holds no map of the world.
 */

/**
 * Whether `code` names a place: a country, or a country and its subdivision (`DE`, `US-CA`). Not
 * Cloudflare's `XX` (unknown) or `T1` (Tor), nor ISO's `ZZ` (unknown territory).
 */
export const isRegion = (code: unknown): code is string =>
  typeof code == 'string' && /^(?!XX|ZZ)[A-Z]{2}(-[A-Z\d]{1,3})?$/.test(code)

/**
 * The platforms' own headers, `[country, subdivision]`, each set at their edge over anything the
 * visitor sent (Vercel; Cloudflare's `cf-region-code` with the "Add visitor location headers"
 * managed transform; CloudFront with its viewer headers forwarded).
 */
export const PLATFORMS = [
  ['x-vercel-ip-country', 'x-vercel-ip-country-region'],
  ['cf-ipcountry', 'cf-region-code'],
  ['cloudfront-viewer-country', 'cloudfront-viewer-country-region'],
] as const

/**
 * The headers every platform in PLATFORMS would send for a visitor from `region` (`US-CA`, `DE`): what
 * the demo server and `consent-gate scan --region` send to a site served without one.
 */
export function platformHeaders(region: string): Record<string, string> {
  if (!isRegion(region))
    throw new Error(
      `consent-gate: a region is a country code, maybe with its subdivision, e.g. "US-CA" or "DE", got ${JSON.stringify(String(region).slice(0, 100))}`,
    )
  const [country, subdivision] = region.split('-')
  const headers: Record<string, string> = {}
  for (const [c, s] of PLATFORMS) {
    headers[c] = country
    if (subdivision) headers[s] = subdivision
  }
  return headers
}
