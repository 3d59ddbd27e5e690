import type { Banner } from '../../config/strings'

const lv: Banner = {
  title: 'Jūsu privātuma izvēles',
  body: 'Mēs izmantojam sīkdatnes, kas vietnei vajadzīgas darbībai. Ar jūsu piekrišanu arī šiem nolūkiem:',
  analyticsLine: 'Analītikas: apkopota apmeklējumu mērīšana',
  marketingLine: 'Mārketinga: reklāmu mērīšana un personalizēšana kopā ar reklāmas partneriem',
  functionalLine: 'Funkcionālās: saturs no citām vietnēm, piemēram, video un kartes',
  anytime: 'Savu lēmumu varat mainīt jebkurā laikā.',
  gpc: 'Jūsu pārlūks nosūtīja Global Privacy Control signālu, tāpēc neobligātās sīkdatnes ir izslēgtas.',
  policy: 'Privātuma politika',
  acceptAll: 'Pieņemt visas',
  rejectAll: 'Noraidīt visas',
  customise: 'Pielāgot',
  settings: 'Sīkdatņu iestatījumi',
}
export default lv

export const details = () => import('./lv-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./lv-choices')
