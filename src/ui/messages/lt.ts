import type { Banner } from '../../config/strings'

const lt: Banner = {
  title: 'Jūsų privatumo pasirinkimai',
  body: 'Naudojame slapukus, kurių reikia svetainės veikimui. Jums sutikus, taip pat apibendrintai matuojame apsilankymus. Savo sprendimą galite bet kada pakeisti.',
  gpc: 'Jūsų naršyklė atsiuntė Global Privacy Control signalą, todėl neprivalomi slapukai išjungti.',
  policy: 'Privatumo politika',
  acceptAll: 'Priimti visus',
  rejectAll: 'Atmesti visus',
  customise: 'Tinkinti',
  settings: 'Slapukų nustatymai',
}
export default lt

export const details = () => import('./lt-details')
