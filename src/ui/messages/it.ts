import type { Messages } from './en'

const it: Messages = {
  title: 'Le tue scelte sulla privacy',
  body: 'Usiamo i cookie necessari al funzionamento del sito. Con il tuo consenso misuriamo anche le visite in forma aggregata. Puoi cambiare idea in qualsiasi momento.',
  gpc: 'Il tuo browser ha inviato un segnale Global Privacy Control, quindi i cookie facoltativi sono disattivati.',
  policy: 'Informativa sulla privacy',
  acceptAll: 'Accetta tutti',
  rejectAll: 'Rifiuta tutti',
  customise: 'Personalizza',
  prefsTitle: 'Preferenze sui cookie',
  prefsBody: 'Scegli quali cookie facoltativi possiamo usare. Nulla di facoltativo è attivo finché non lo attivi tu.',
  save: 'Salva le scelte',
  close: 'Chiudi',
  essential: 'Essenziali',
  essentialBody: 'Necessari al funzionamento del sito, ad esempio per l’accesso e per ricordare questa scelta.',
  alwaysOn: 'Sempre attivi',
  analytics: 'Statistiche',
  analyticsBody: 'Statistiche aggregate che ci mostrano come viene usato il sito.',
  marketing: 'Marketing',
  marketingBody: 'Misurare e personalizzare la pubblicità.',
  cookies: 'Cookie utilizzati',
  name: 'Nome',
  purpose: 'Finalità',
  lifetime: 'Durata',
  provider: 'Fornitore',
  settings: 'Impostazioni cookie',
}
export default it
