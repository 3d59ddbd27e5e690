import type { Details } from './en-details'

/** What the banner says: every first visit downloads it, so it holds nothing else. */
export interface Banner {
  title: string
  body: string
  gpc: string
  policy: string
  acceptAll: string
  rejectAll: string
  customise: string
  settings: string
}

/** Every text the UI shows. A site overrides any of them with the `strings` option. */
export type Messages = Banner & Details

const en: Banner = {
  title: 'Your privacy choices',
  body: 'We use cookies the site needs to work. With your consent we also measure visits in aggregate. You can change your mind at any time.',
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
