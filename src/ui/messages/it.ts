import type { Banner } from '../../config/strings'

const it: Banner = {
  title: 'Le tue scelte sulla privacy',
  body: 'Usiamo i cookie necessari al funzionamento del sito. Con il tuo consenso, anche per:',
  analyticsLine: 'Statistiche: misurare le visite in forma aggregata',
  marketingLine: 'Marketing: misurare e personalizzare la pubblicità, con partner pubblicitari',
  functionalLine: 'Funzionali: contenuti di altri siti, come video e mappe',
  anytime: 'Puoi cambiare idea in qualsiasi momento.',
  gpc: 'Il tuo browser ha inviato un segnale Global Privacy Control, quindi i cookie facoltativi sono disattivati.',
  policy: 'Informativa sulla privacy',
  acceptAll: 'Accetta tutti',
  rejectAll: 'Rifiuta tutti',
  customise: 'Personalizza',
  settings: 'Impostazioni cookie',
}
export default it

export const details = () => import('./it-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./it-choices')
