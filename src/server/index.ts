// consent-gate/server: the choice read on a server, and receipts kept there. Web-standard APIs
// only (no `node:` import), so it runs on Node 20 and later, Next.js (route handlers, middleware,
// edge), Cloudflare Workers and Deno. The stores are entries of their own, with their databases'
// drivers: consent-gate/server/pglite and consent-gate/server/postgres.
export { readConsent, refreshCookie, type ServerConsent, type RequestFacts } from './consent'
export { preloadHints, type HintOptions } from './hints'
export { REGION_GROUPS, policyFor, isRegion, type RegionGroup } from './regions'
export { regionOf, platformHeaders, type LocationOptions, type RequestHeaders } from './location'
export { regionHint, regionCookie } from './hint'
export { checkReceipt, type ReceiptCheck } from './receipt'
export { handleReceipt, truncateAddress, MAX_RECEIPT_BYTES, type ReceiptOptions } from './endpoint'
export { sqlStore, SCHEMA_VERSION, SQL, type ReceiptStore, type SqlClient, type StoredReceipt } from './store'
export { wordingOf, type Wording, type ShownTexts, type Surface } from './wording'
export { nodeHandler, toRequest, sendResponse, type NodeRequest, type NodeResponse } from './node'
export type { Options } from '../config/options'
export type { Category } from '../config/profiles'
export type { Policy, Policies } from '../config/regions'
export type { Receipt } from '../consent/receipt'
export type { Choices, Via } from '../consent/record'
