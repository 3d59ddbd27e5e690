import type { Banner } from '../../config/strings'

const lt: Banner = {
  title: 'Jūsų privatumo pasirinkimai',
  body: 'Naudojame slapukus, kurių reikia svetainės veikimui. Jums sutikus, taip pat šiems tikslams:',
  analyticsLine: 'Analitiniai: apibendrintas apsilankymų matavimas',
  marketingLine: 'Rinkodaros: reklamos matavimas ir pritaikymas kartu su reklamos partneriais',
  functionalLine: 'Funkciniai: kitų svetainių turinys, pvz., vaizdo įrašai ir žemėlapiai',
  anytime: 'Savo sprendimą galite bet kada pakeisti.',
  gpc: 'Jūsų naršyklė atsiuntė Global Privacy Control signalą, todėl neprivalomi slapukai išjungti.',
  policy: 'Privatumo politika',
  acceptAll: 'Priimti visus',
  rejectAll: 'Atmesti visus',
  customise: 'Tinkinti',
  settings: 'Slapukų nustatymai',
}
export default lt

export const details = () => import('./lt-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./lt-choices')
