import type { Banner } from '../../config/strings'

const lv: Banner = {
  title: 'Jūsu privātuma izvēles',
  body: 'Mēs izmantojam sīkdatnes, kas vietnei vajadzīgas darbībai. Ar jūsu piekrišanu mēs arī apkopoti mērām apmeklējumus. Savu lēmumu varat mainīt jebkurā laikā.',
  gpc: 'Jūsu pārlūks nosūtīja Global Privacy Control signālu, tāpēc neobligātās sīkdatnes ir izslēgtas.',
  policy: 'Privātuma politika',
  acceptAll: 'Pieņemt visas',
  rejectAll: 'Noraidīt visas',
  customise: 'Pielāgot',
  settings: 'Sīkdatņu iestatījumi',
}
export default lv

export const details = () => import('./lv-details')
