import type { Banner } from '../../config/strings'

const mt: Banner = {
  title: 'L-għażliet tal-privatezza tiegħek',
  body: 'Nużaw il-cookies li s-sit jeħtieġ biex jaħdem. Bil-kunsens tiegħek inkejlu wkoll iż-żjarat b’mod aggregat. Tista’ tbiddel fehmtek meta trid.',
  gpc: 'Il-browser tiegħek bagħat sinjal Global Privacy Control, għalhekk il-cookies mhux essenzjali huma mitfija.',
  policy: 'Politika tal-privatezza',
  acceptAll: 'Aċċetta kollox',
  rejectAll: 'Irrifjuta kollox',
  customise: 'Ippersonalizza',
  settings: 'Issettjar tal-cookies',
}
export default mt

export const details = () => import('./mt-details')
