import type { Banner } from '../../config/strings'

const STUB: Banner = {
  title: 'Your privacy choices',
  body: 'We use cookies the site needs to work. With your consent we also measure visits in aggregate. You can change your mind at any time.',
  gpc: 'Your browser sent a Global Privacy Control signal, so optional cookies are off.',
  policy: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customise: 'Customise',
  settings: 'Cookie settings',
}
export default STUB

/** The rest, fetched when the dialog or the cookie table is about to show. */
export const details = () => import('./is-details')
