import type { Banner } from '../../config/strings'

const en: Banner = {
  title: 'Your privacy choices',
  body: 'We use cookies the site needs to work. With your consent, also for:',
  analyticsLine: 'Analytics: measuring visits, in aggregate',
  marketingLine: 'Marketing: measuring and personalising ads, with advertising partners',
  functionalLine: 'Functional: content from other sites, such as videos and maps',
  anytime: 'You can change your mind at any time.',
  gpc: 'Your browser sent a Global Privacy Control signal, so optional cookies are off.',
  policy: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customise: 'Customise',
  settings: 'Cookie settings',
}
export default en

/** The rest, fetched when the dialog or the cookie table is about to show. */
export const details = () => import('./en-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./en-choices')
