import type { Banner } from '../../config/strings'

const hr: Banner = {
  title: 'Vaši izbori privatnosti',
  body: 'Koristimo kolačiće potrebne za rad stranice. Uz vašu privolu i za:',
  analyticsLine: 'Analitički: skupno mjerenje posjeta',
  marketingLine: 'Marketinški: mjerenje i prilagodba oglasa, s oglašivačkim partnerima',
  functionalLine: 'Funkcionalni: sadržaji s drugih stranica, npr. videozapisi i karte',
  anytime: 'Svoju odluku možete promijeniti u bilo kojem trenutku.',
  gpc: 'Vaš je preglednik poslao signal Global Privacy Control pa su neobavezni kolačići isključeni.',
  policy: 'Pravila privatnosti',
  acceptAll: 'Prihvati sve',
  rejectAll: 'Odbij sve',
  customise: 'Prilagodi',
  settings: 'Postavke kolačića',
}
export default hr

export const details = () => import('./hr-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./hr-choices')
