import type { Banner } from '../../config/strings'

const nl: Banner = {
  title: 'Jouw privacykeuzes',
  body: 'We gebruiken cookies die de site nodig heeft om te werken. Met je toestemming ook voor:',
  analyticsLine: 'Statistieken: bezoeken meten, alleen in totalen',
  marketingLine: 'Marketing: advertenties meten en personaliseren, met advertentiepartners',
  functionalLine: 'Functioneel: inhoud van andere sites, zoals video’s en kaarten',
  anytime: 'Je kunt je keuze altijd wijzigen.',
  gpc: 'Je browser stuurde een Global Privacy Control-signaal, dus optionele cookies staan uit.',
  policy: 'Privacybeleid',
  acceptAll: 'Alles accepteren',
  rejectAll: 'Alles weigeren',
  customise: 'Aanpassen',
  settings: 'Cookie-instellingen',
}
export default nl

export const details = () => import('./nl-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./nl-choices')
