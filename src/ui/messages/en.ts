/** Every text the UI shows. A site overrides any of them with the `strings` option. */
export interface Messages {
  title: string
  body: string
  gpc: string
  policy: string
  acceptAll: string
  rejectAll: string
  customise: string
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
  settings: string
}

const en: Messages = {
  title: 'Your privacy choices',
  body: 'We use cookies the site needs to work. With your consent we also measure visits in aggregate. You can change your mind at any time.',
  gpc: 'Your browser sent a Global Privacy Control signal, so optional cookies are off.',
  policy: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customise: 'Customise',
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
  settings: 'Cookie settings',
}
export default en
