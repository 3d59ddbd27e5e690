import type { Banner } from '../../config/strings'

const nb: Banner = {
  title: 'Dine personvernvalg',
  body: 'Vi bruker informasjonskapsler som nettstedet trenger for å fungere. Med ditt samtykke måler vi også besøk samlet. Du kan ombestemme deg når som helst.',
  gpc: 'Nettleseren din sendte et Global Privacy Control-signal, så valgfrie informasjonskapsler er slått av.',
  policy: 'Personvernerklæring',
  acceptAll: 'Godta alle',
  rejectAll: 'Avvis alle',
  customise: 'Tilpass',
  settings: 'Innstillinger for informasjonskapsler',
}
export default nb

export const details = () => import('./nb-details')
