import type { Options } from '../config/options'
import { isRegion } from '../config/geo'
import { HINT } from '../config/regions'
import { REGION_COOKIE } from '../consent/region'
import { serverConfig } from './consent'
import { regionOf, type LocationOptions, type RequestHeaders } from './location'
import { policyFor } from './regions'

/**
 * The one value a page needs to apply this visitor's rules: `REGION:POLICY` (`US-CA:opt-out`), or
 * the policy alone (`opt-in`) where the region is unknown. Render it on the script tag
 * (`data-region-hint`), give it as the `regionHint` option, or set it with `regionCookie`. The
 * policy is the site's own, from its `policies` (the options given to `createConsentGate`).
 */
export function regionHint(headers: RequestHeaders, options: Options, location?: LocationOptions): string {
  const { region } = regionOf(headers, location)
  const policy = policyFor(serverConfig(options).policies ?? {}, region)
  return region ? `${region}:${policy}` : policy
}

/** A hint as `regionHint` makes it; the browser reads nothing else. */
const isHint = (hint: unknown): hint is string => {
  const m = typeof hint == 'string' && HINT.exec(hint)
  return !!m && (m[1] === undefined || isRegion(m[1]))
}

/**
 * A `Set-Cookie` value carrying the hint to a page served from a cache, which cannot render it:
 * `__Host-consent-region`, a session cookie, so no sibling subdomain and no http page can plant
 * one. Undefined when not `secure`: browsers take a `__Host-` cookie over https only.
 */
export function regionCookie(hint: string, { secure }: { secure: boolean }): string | undefined {
  if (!isHint(hint))
    throw new Error(
      `consent-gate: regionCookie takes a hint as regionHint() makes it, e.g. "US-CA:opt-out", got ${JSON.stringify(String(hint).slice(0, 100))}`,
    )
  return secure ? `${REGION_COOKIE}=${hint}; Path=/; Secure; SameSite=Lax` : undefined
}
