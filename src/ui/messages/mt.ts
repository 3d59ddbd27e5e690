import type { Banner } from '../../config/strings'

const mt: Banner = {
  title: 'L-għażliet tal-privatezza tiegħek',
  body: 'Nużaw il-cookies li s-sit jeħtieġ biex jaħdem. Bil-kunsens tiegħek, ukoll għal:',
  analyticsLine: 'Analitika: kejl taż-żjarat b’mod aggregat',
  marketingLine: 'Reklamar: kejl u personalizzazzjoni tar-reklami, ma’ sħab tar-reklamar',
  functionalLine: 'Funzjonali: kontenut minn siti oħra, bħal vidjows u mapep',
  anytime: 'Tista’ tbiddel fehmtek meta trid.',
  gpc: 'Il-browser tiegħek bagħat sinjal Global Privacy Control, għalhekk il-cookies mhux essenzjali huma mitfija.',
  policy: 'Politika tal-privatezza',
  acceptAll: 'Aċċetta kollox',
  rejectAll: 'Irrifjuta kollox',
  customise: 'Ippersonalizza',
  settings: 'Issettjar tal-cookies',
}
export default mt

export const details = () => import('./mt-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./mt-choices')
