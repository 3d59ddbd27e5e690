import type { Messages } from './en'

const de: Messages = {
  title: 'Ihre Datenschutz-Einstellungen',
  body: 'Wir verwenden Cookies, die für den Betrieb der Website nötig sind. Mit Ihrer Einwilligung messen wir außerdem Besuche in zusammengefasster Form. Sie können Ihre Wahl jederzeit ändern.',
  gpc: 'Ihr Browser hat ein Global-Privacy-Control-Signal gesendet, daher sind optionale Cookies aus.',
  policy: 'Datenschutzerklärung',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  customise: 'Anpassen',
  prefsTitle: 'Cookie-Einstellungen',
  prefsBody: 'Wählen Sie, welche optionalen Cookies wir verwenden dürfen. Nichts Optionales ist aktiv, bevor Sie es einschalten.',
  save: 'Auswahl speichern',
  close: 'Schließen',
  essential: 'Notwendig',
  essentialBody: 'Für den Betrieb der Website nötig, etwa für die Anmeldung und um diese Wahl zu speichern.',
  alwaysOn: 'Immer aktiv',
  analytics: 'Statistik',
  analyticsBody: 'Zusammengefasste Statistiken, die uns zeigen, wie die Website genutzt wird.',
  marketing: 'Marketing',
  marketingBody: 'Werbung messen und personalisieren.',
  cookies: 'Verwendete Cookies',
  name: 'Name',
  purpose: 'Zweck',
  lifetime: 'Speicherdauer',
  provider: 'Anbieter',
  settings: 'Cookie-Einstellungen',
}
export default de
