import type { Config } from '../config/options'
import { rulesOf, type Policy } from '../config/regions'
import { cookieValues } from '../cookies/codec'
import { readCookies } from '../cookies/jar'
import { guard } from '../steps'

/**
 * The cookie a site's edge sets with its hint (`regionCookie` in consent-gate/server), for pages
 * served from a cache. `__Host-`: the browser takes it only from this very host over https, so no
 * sibling subdomain, and no plain-http page, can plant one.
 */
export const REGION_COOKIE = '__Host-consent-region'

/** This visitor's rules, from the `regionHint` option (the script tag's `data-region-hint`) and the region cookie. */
export function visitorRules(config: Config): { policy: Policy; region?: string } {
  const hints: string[] = []
  guard(() => hints.push(...cookieValues(readCookies(), REGION_COOKIE)))
  if (config.regionHint) hints.push(config.regionHint)
  return rulesOf(config.policies!, hints)
}
