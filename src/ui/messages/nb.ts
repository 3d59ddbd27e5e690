import type { Banner } from '../../config/strings'

const nb: Banner = {
  title: 'Dine personvernvalg',
  body: 'Vi bruker informasjonskapsler som nettstedet trenger for å fungere. Med ditt samtykke også til:',
  analyticsLine: 'Statistikk: måle besøk samlet',
  marketingLine: 'Markedsføring: måle og tilpasse annonser, sammen med annonsepartnere',
  functionalLine: 'Funksjonelle: innhold fra andre nettsteder, som videoer og kart',
  anytime: 'Du kan ombestemme deg når som helst.',
  gpc: 'Nettleseren din sendte et Global Privacy Control-signal, så valgfrie informasjonskapsler er slått av.',
  policy: 'Personvernerklæring',
  acceptAll: 'Godta alle',
  rejectAll: 'Avvis alle',
  customise: 'Tilpass',
  settings: 'Innstillinger for informasjonskapsler',
}
export default nb

export const details = () => import('./nb-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./nb-choices')
