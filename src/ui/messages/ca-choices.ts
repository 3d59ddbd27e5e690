import type { PolicyTexts } from '../../config/strings'

const ca: PolicyTexts = {
  choicesLink: 'Les teves opcions de privadesa',
  choicesTitle: 'Les teves opcions de privadesa',
  choicesBody:
    'Aquest lloc i els seus socis fan servir galetes per a analítica i publicitat. Pots oposar-te en qualsevol moment a la venda o la compartició de la teva informació personal i a la publicitat dirigida.',
  optOut: 'No vendre ni compartir la meva informació personal',
  optedOut: 'T’has oposat a la venda o la compartició de la teva informació personal i a la publicitat dirigida.',
  gpcHonoured:
    'El teu navegador ha enviat un senyal Global Privacy Control; per això s’han rebutjat la venda, la compartició i la publicitat dirigida.',
  noticeTitle: 'Galetes en aquest lloc',
  noticeBody:
    'Aquest lloc fa servir galetes per a analítica i publicitat. Pots canviar-ho en qualsevol moment a «Les teves opcions de privadesa».',
  ok: 'D’acord',
}
export default ca
