import type { Declared, Wording } from './profiles'

/** Wording of the built-in declarations, by name; a lazy chunk, since only the UI shows it. */
const WORDING: Record<string, [purpose: string, lifetime: string, provider: string]> = {
  consent_gate: ['Remembers your cookie choice', '6 months', 'This site'],
  _vercel_jwt: ['Routes your requests to the right deployment', 'Session', 'Vercel'],
  pisama_session: ['Keeps you signed in to the dashboard', 'Session', 'Pisama'],
  pigi_session: ['Keeps you signed in; ends with the browser session or logout', 'Session', 'Pigi'],
  'XSRF-TOKEN': ['Protects your requests against cross-site request forgery', 'Session', 'Pigi'],
  theme: ['Remembers your light or dark theme', 'Until you clear it', 'Pigi'],
  _ga: ['Distinguishes visitors for aggregate statistics', '2 years', 'Google Analytics'],
  '_ga_*': ['Keeps the state of a visit for aggregate statistics', '2 years', 'Google Analytics'],
  'Vercel Web Analytics': ['Counts page views in aggregate; stores nothing on your device', 'None', 'Vercel'],
}

/** Declarations with their wording filled in; a site's own wording wins. */
export const describe = (declared: Declared[], cookieName: string): (Declared & Wording)[] =>
  declared.map((d) => {
    const [purpose, lifetime, provider] = WORDING[d.name === cookieName ? 'consent_gate' : d.name] ?? ['', '', '']
    return { purpose, lifetime, provider, ...d } as Declared & Wording
  })
