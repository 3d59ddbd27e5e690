import type { Banner } from '../../config/strings'

const de: Banner = {
  title: 'Ihre Datenschutz-Einstellungen',
  body: 'Wir verwenden Cookies, die für den Betrieb der Website nötig sind. Mit Ihrer Einwilligung messen wir außerdem Besuche in zusammengefasster Form. Sie können Ihre Wahl jederzeit ändern.',
  gpc: 'Ihr Browser hat ein Global-Privacy-Control-Signal gesendet, daher sind optionale Cookies aus.',
  policy: 'Datenschutzerklärung',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  customise: 'Anpassen',
  settings: 'Cookie-Einstellungen',
}
export default de

export const details = () => import('./de-details')
