import type { Banner } from '../../config/strings'

const eu: Banner = {
  title: 'Zure pribatutasun-aukerak',
  body: 'Webguneak funtzionatzeko behar dituen cookieak erabiltzen ditugu. Zure baimenarekin, baita hauetarako ere:',
  analyticsLine: 'Analitikoak: bisitak modu agregatuan neurtzea',
  marketingLine: 'Marketina: publizitatea neurtzea eta pertsonalizatzea, publizitate-bazkideekin',
  functionalLine: 'Funtzionalak: beste webgune batzuetako edukiak, hala nola bideoak eta mapak',
  anytime: 'Edozein unetan alda dezakezu iritziz.',
  gpc: 'Zure nabigatzaileak Global Privacy Control seinalea bidali du; beraz, aukerako cookieak desaktibatuta daude.',
  policy: 'Pribatutasun-politika',
  acceptAll: 'Onartu guztiak',
  rejectAll: 'Baztertu guztiak',
  customise: 'Pertsonalizatu',
  settings: 'Cookieen ezarpenak',
}
export default eu

export const details = () => import('./eu-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./eu-choices')
