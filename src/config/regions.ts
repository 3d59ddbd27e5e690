import type { Category } from './profiles'

/*
 * Which rules apply to a visitor (docs/regions.md). The site's own server knows where the visitor
 * is and decides (consent-gate/server's `regionHint`, from the site's `policies`); the page carries
 * its word as a hint. The loader holds no map of the world: only what it needs to read that word.
 */

/** Strictest last: a visitor without a hint gets the strictest policy the site uses anywhere. */
export const POLICIES = ['notice', 'opt-out', 'opt-in'] as const
export type Policy = (typeof POLICIES)[number]
/** A site's choice of rules: by region code (`DE`, `US-CA`), group (`eea`, `us-privacy`…) or `*` for every other. */
export type Policies = Readonly<Record<string, Policy>>

/** Where a site may choose a policy; the groups' members are the server's (src/server/regions.ts). */
export const POLICY_KEY = /^(\*|[A-Z]{2}(-[A-Z\d]{1,3})?|eea|uk|ch|us-privacy)$/

const rank = (p?: Policy) => POLICIES.indexOf(p!)

/** A hint as the site's server writes it: `REGION:POLICY` (`US-CA:opt-out`), or the policy alone. */
export const HINT = /^(?:([A-Z]{2}(?:-[A-Z\d]{1,3})?):)?(opt-in|opt-out|notice)$/

/**
 * The rules from every hint the site's server gave this page (`US-CA:opt-out`, or `opt-in` with
 * no region). A hint is taken only if well formed and naming a policy the site uses somewhere;
 * anything else, and no hint at all, counts as an unknown region: the strictest the site uses.
 * Hints that disagree give the strictest, so a planted one can only take rights away. `region`
 * is that of the hint that decided, for the receipt.
 */
export function rulesOf(policies: Policies, hints: readonly string[]): { policy: Policy; region?: string } {
  // What the site uses: its entries, and opt-in wherever they do not reach unless `*` says otherwise.
  const used = [Object.prototype.hasOwnProperty.call(policies, '*') ? policies['*'] : 'opt-in', ...Object.values(policies)]
  const unknown = { policy: used.reduce((a, b) => (rank(a) > rank(b) ? a : b)) }
  let rules: { policy: Policy; region?: string } | undefined
  for (const hint of hints) {
    const [, region, policy] = HINT.exec(hint) ?? []
    const read = used.includes(policy as Policy) ? { policy: policy as Policy, region } : unknown
    if (rank(read.policy) > rank(rules?.policy)) rules = read
  }
  return rules ?? unknown
}

/**
 * What Global Privacy Control refuses where the visitor's rules are opt-out or notice: an opt-out
 * of sale, sharing and targeted advertising, which the site's analytics and marketing trackers are
 * (they send what they see to their vendor). Functional features stay as they were.
 */
export const SALE: readonly Category[] = ['analytics', 'marketing']
