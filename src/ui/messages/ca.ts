import type { Banner } from '../../config/strings'

const ca: Banner = {
  title: 'Les teves opcions de privadesa',
  body: 'Fem servir les galetes que el lloc necessita per funcionar. Amb el teu consentiment, també per a:',
  analyticsLine: 'Analítiques: mesurar les visites de manera agregada',
  marketingLine: 'Màrqueting: mesurar i personalitzar la publicitat, amb socis publicitaris',
  functionalLine: 'Funcionals: continguts d’altres llocs, com ara vídeos i mapes',
  anytime: 'Pots canviar d’opinió en qualsevol moment.',
  gpc: 'El teu navegador ha enviat un senyal Global Privacy Control; per això les galetes opcionals estan desactivades.',
  policy: 'Política de privadesa',
  acceptAll: 'Accepta-ho tot',
  rejectAll: 'Rebutja-ho tot',
  customise: 'Personalitza',
  settings: 'Configuració de galetes',
}
export default ca

export const details = () => import('./ca-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./ca-choices')
