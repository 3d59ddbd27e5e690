import type { Banner } from '../../config/strings'

const fr: Banner = {
  title: 'Vos choix de confidentialité',
  body: 'Nous utilisons les cookies nécessaires au fonctionnement du site. Avec votre accord, nous mesurons aussi les visites de façon agrégée. Vous pouvez changer d’avis à tout moment.',
  gpc: 'Votre navigateur a envoyé un signal Global Privacy Control : les cookies facultatifs sont désactivés.',
  policy: 'Politique de confidentialité',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  customise: 'Personnaliser',
  settings: 'Paramètres des cookies',
}
export default fr

export const details = () => import('./fr-details')
