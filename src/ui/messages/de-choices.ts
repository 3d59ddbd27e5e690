import type { PolicyTexts } from '../../config/strings'

const de: PolicyTexts = {
  choicesLink: 'Ihre Datenschutzoptionen',
  choicesTitle: 'Ihre Datenschutzoptionen',
  choicesBody:
    'Diese Website und ihre Partner verwenden Cookies für Statistik und Werbung. Sie können jederzeit dem Verkauf oder der Weitergabe Ihrer personenbezogenen Daten widersprechen, ebenso zielgerichteter Werbung.',
  optOut: 'Meine personenbezogenen Daten nicht verkaufen oder weitergeben',
  optedOut:
    'Sie haben dem Verkauf oder der Weitergabe Ihrer personenbezogenen Daten sowie der zielgerichteten Werbung widersprochen.',
  gpcHonoured:
    'Ihr Browser hat ein Global-Privacy-Control-Signal gesendet, daher gilt Ihr Widerspruch gegen Verkauf, Weitergabe und zielgerichtete Werbung.',
  noticeTitle: 'Cookies auf dieser Website',
  noticeBody:
    'Diese Website verwendet Cookies für Statistik und Werbung. Sie können das jederzeit unter „Ihre Datenschutzoptionen“ ändern.',
  ok: 'OK',
}
export default de
