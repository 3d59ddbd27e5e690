import type { Banner } from '../../config/strings'

const et: Banner = {
  title: 'Sinu privaatsusvalikud',
  body: 'Kasutame küpsiseid, mida sait vajab toimimiseks. Sinu nõusolekul mõõdame ka külastusi koondandmetena. Võid oma otsust igal ajal muuta.',
  gpc: 'Sinu brauser saatis Global Privacy Controli signaali, seega on valikulised küpsised välja lülitatud.',
  policy: 'Privaatsuspoliitika',
  acceptAll: 'Nõustu kõigiga',
  rejectAll: 'Keeldu kõigist',
  customise: 'Kohanda',
  settings: 'Küpsiste seaded',
}
export default et

export const details = () => import('./et-details')
