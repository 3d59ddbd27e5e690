import type { PolicyTexts } from '../../config/strings'

const it: PolicyTexts = {
  choicesLink: 'Le tue scelte sulla privacy',
  choicesTitle: 'Le tue scelte sulla privacy',
  choicesBody:
    'Questo sito e i suoi partner usano cookie per statistiche e pubblicità. Puoi opporti in qualsiasi momento alla vendita o alla condivisione dei tuoi dati personali e alla pubblicità mirata.',
  optOut: 'Non vendere né condividere i miei dati personali',
  optedOut: 'Hai rifiutato la vendita o la condivisione dei tuoi dati personali e la pubblicità mirata.',
  gpcHonoured:
    'Il tuo browser ha inviato un segnale Global Privacy Control, quindi vendita, condivisione e pubblicità mirata sono rifiutate.',
  noticeTitle: 'Cookie su questo sito',
  noticeBody:
    'Questo sito usa cookie per statistiche e pubblicità. Puoi cambiare idea in qualsiasi momento da «Le tue scelte sulla privacy».',
  ok: 'OK',
}
export default it
