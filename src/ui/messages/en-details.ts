/** What only the preferences dialog and the cookie table say. */
export interface Details {
  prefsTitle: string
  prefsBody: string
  save: string
  close: string
  essential: string
  essentialBody: string
  alwaysOn: string
  analytics: string
  analyticsBody: string
  marketing: string
  marketingBody: string
  cookies: string
  name: string
  purpose: string
  lifetime: string
  provider: string
  /** Provider of the consent cookie itself. */
  thisSite: string
  /** Lifetimes that are not a duration: the browser session, nothing stored, kept until cleared. */
  lifeSession: string
  lifeNone: string
  lifeKept: string
  /** Cookie-table headings for the classes the dialog folds into "essential". */
  session: string
  xsrf: string
  unknown: string
  yourChoice: string
  allowed: string
  refused: string
  undecided: string
  change: string
  noTrackers: string
  /** Purpose of each built-in declaration, by name. */
  about: Record<string, string>
}

const en: Details = {
  prefsTitle: 'Cookie preferences',
  prefsBody: 'Choose which optional cookies we may use. Nothing optional is on until you turn it on.',
  save: 'Save choices',
  close: 'Close',
  essential: 'Essential',
  essentialBody: 'Needed for the site to work, such as signing in and remembering this choice.',
  alwaysOn: 'Always on',
  analytics: 'Analytics',
  analyticsBody: 'Aggregate statistics that help us see how the site is used.',
  marketing: 'Marketing',
  marketingBody: 'Measure and personalise advertising.',
  cookies: 'Cookies used',
  name: 'Name',
  purpose: 'Purpose',
  lifetime: 'Lifetime',
  provider: 'Provider',
  thisSite: 'This site',
  lifeSession: 'Session',
  lifeNone: 'Stores nothing',
  lifeKept: 'Until you clear it',
  session: 'Sign-in',
  xsrf: 'Security',
  unknown: 'Other',
  yourChoice: 'Your choice:',
  allowed: 'Allowed',
  refused: 'Refused',
  undecided: 'Not chosen yet',
  change: 'Change',
  noTrackers: 'This site uses no analytics or advertising cookies.',
  about: {
    consent_gate: 'Remembers your cookie choice',
    _vercel_jwt: 'Routes your requests to the right deployment',
    pisama_session: 'Keeps you signed in to the dashboard',
    pigi_session: 'Keeps you signed in until you log out or close the browser',
    'XSRF-TOKEN': 'Protects your requests against cross-site request forgery',
    theme: 'Remembers your light or dark theme',
    _ga: 'Distinguishes visitors for aggregate statistics',
    '_ga_*': 'Keeps the state of a visit for aggregate statistics',
    'Vercel Web Analytics': 'Counts page views in aggregate without storing anything on your device',
  },
}
export default en
