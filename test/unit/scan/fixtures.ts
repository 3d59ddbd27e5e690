import type { PageResult, SeenCookie } from '../../../src/scan/findings'

/** A first-party session cookie of `www.pisama.example`, as the scanner sees it. */
export const cookie = (name: string, extra: Partial<SeenCookie> = {}): SeenCookie => ({
  name,
  domain: 'www.pisama.example',
  path: '/',
  expires: -1,
  httpOnly: false,
  secure: true,
  sameSite: 'Lax',
  ...extra,
})

/** A page without consent-gate, scanned once, before any choice. */
export const plainPage = (url: string): PageResult => ({
  url,
  consentGate: false,
  banner: false,
  choice: null,
  phases: ['before'],
  notes: [],
  blocked: [],
  loaded: true,
})

/** The trackers of the Acme fixture site, with the ids its requests carry, as a description names them. */
export const ACME_TRACKERS = {
  ga4: { measurementId: 'G-ACME123' },
  gtm: { containerId: 'GTM-ACME12' },
  clarity: { projectId: 'acme1234' },
  uet: { tagId: '12345678' },
  vercel: true,
} as const
