import type { Banner } from '../../config/strings'

const it: Banner = {
  title: 'Le tue scelte sulla privacy',
  body: 'Usiamo i cookie necessari al funzionamento del sito. Con il tuo consenso misuriamo anche le visite in forma aggregata. Puoi cambiare idea in qualsiasi momento.',
  gpc: 'Il tuo browser ha inviato un segnale Global Privacy Control, quindi i cookie facoltativi sono disattivati.',
  policy: 'Informativa sulla privacy',
  acceptAll: 'Accetta tutti',
  rejectAll: 'Rifiuta tutti',
  customise: 'Personalizza',
  settings: 'Impostazioni cookie',
}
export default it

export const details = () => import('./it-details')
