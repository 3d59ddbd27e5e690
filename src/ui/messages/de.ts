import type { Banner } from '../../config/strings'

const de: Banner = {
  title: 'Ihre Datenschutz-Einstellungen',
  body: 'Wir verwenden Cookies, die für den Betrieb der Website nötig sind. Mit Ihrer Einwilligung außerdem für:',
  analyticsLine: 'Statistik: Besuche in zusammengefasster Form messen',
  marketingLine: 'Marketing: Werbung messen und personalisieren, mit Werbepartnern',
  functionalLine: 'Funktional: Inhalte anderer Websites wie Videos und Karten',
  anytime: 'Sie können Ihre Wahl jederzeit ändern.',
  gpc: 'Ihr Browser hat ein Global-Privacy-Control-Signal gesendet, daher sind optionale Cookies aus.',
  policy: 'Datenschutzerklärung',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  customise: 'Anpassen',
  settings: 'Cookie-Einstellungen',
}
export default de

export const details = () => import('./de-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./de-choices')
