import type { Banner } from '../../config/strings'

const et: Banner = {
  title: 'Sinu privaatsusvalikud',
  body: 'Kasutame küpsiseid, mida sait vajab toimimiseks. Sinu nõusolekul ka järgmiseks:',
  analyticsLine: 'Analüütika: külastuste mõõtmine koondandmetena',
  marketingLine: 'Turundus: reklaamide mõõtmine ja isikupärastamine koos reklaamipartneritega',
  functionalLine: 'Funktsionaalsed: teiste saitide sisu, näiteks videod ja kaardid',
  anytime: 'Võid oma otsust igal ajal muuta.',
  gpc: 'Sinu brauser saatis Global Privacy Controli signaali, seega on valikulised küpsised välja lülitatud.',
  policy: 'Privaatsuspoliitika',
  acceptAll: 'Nõustu kõigiga',
  rejectAll: 'Keeldu kõigist',
  customise: 'Kohanda',
  settings: 'Küpsiste seaded',
}
export default et

export const details = () => import('./et-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./et-choices')
