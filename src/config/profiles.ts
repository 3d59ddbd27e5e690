/** What a visitor grants. Essential cookies need no grant, so they have no category. */
export type Category = 'analytics' | 'marketing'
export const CATEGORIES: readonly Category[] = ['analytics', 'marketing']

/** What a cookie or storage key is. `unknown` is never treated as essential. */
export type CookieClass = 'essential' | 'session' | 'xsrf' | 'analytics' | 'marketing' | 'unknown'

export type Tracker = 'ga4' | 'vercel'

/** One cookie or storage key a site declares. A name ending in `*` is a prefix. */
export interface Declared {
  name: string
  class: CookieClass
  purpose: string
  /** Human wording, shown as is: "Session", "2 years". */
  lifetime: string
  provider: string
  /** Where it lives; `none` is a tracker that stores nothing but still needs consent. */
  storage?: 'cookie' | 'localStorage' | 'sessionStorage' | 'none'
}

/** A site's declared cookies and the trackers it may ever run. */
export interface Profile {
  name: string
  cookies: Declared[]
  /** Trackers this site may run; options can only turn these on. */
  trackers: Tracker[]
}

const consentCookie = (name: string): Declared => ({
  name,
  class: 'essential',
  purpose: 'Remembers your cookie choice',
  lifetime: '6 months',
  provider: 'This site',
})

/** Built-in profiles, from each site's privacy policy. */
export const PROFILES: Record<string, (cookieName: string) => Profile> = {
  pisama: (cookieName) => ({
    name: 'pisama',
    cookies: [
      consentCookie(cookieName),
      {
        name: '_vercel_jwt',
        class: 'essential',
        purpose: 'Routes your requests to the right deployment',
        lifetime: 'Session',
        provider: 'Vercel',
      },
      {
        name: 'pisama_session',
        class: 'session',
        purpose: 'Keeps you signed in to the dashboard',
        lifetime: 'Session',
        provider: 'Pisama',
      },
    ],
    trackers: ['ga4', 'vercel'],
  }),
  pigi: (cookieName) => ({
    name: 'pigi',
    cookies: [
      consentCookie(cookieName),
      {
        name: 'pigi_session',
        class: 'session',
        purpose: 'Keeps you signed in; ends with the browser session or logout',
        lifetime: 'Session',
        provider: 'Pigi',
      },
      {
        name: 'XSRF-TOKEN',
        class: 'xsrf',
        purpose: 'Protects your requests against cross-site request forgery',
        lifetime: 'Session',
        provider: 'Pigi',
      },
      {
        name: 'theme',
        class: 'essential',
        purpose: 'Remembers your light or dark theme',
        lifetime: 'Until you clear it',
        provider: 'Pigi',
        storage: 'localStorage',
      },
    ],
    // Pigi's policy promises no analytics or advertising trackers at all.
    trackers: [],
  }),
}

const NON_ESSENTIAL: readonly CookieClass[] = ['analytics', 'marketing', 'unknown']

/** The category a cookie of this class needs, if any. */
export const categoryOf = (cls: CookieClass): Category | undefined =>
  cls === 'analytics' || cls === 'marketing' ? cls : undefined

export const isEssential = (cls: CookieClass): boolean => !NON_ESSENTIAL.includes(cls)
