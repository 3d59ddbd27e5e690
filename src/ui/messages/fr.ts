import type { Banner } from '../../config/strings'

const fr: Banner = {
  title: 'Vos choix de confidentialité',
  body: 'Nous utilisons les cookies nécessaires au fonctionnement du site. Avec votre accord, aussi pour :',
  analyticsLine: 'Mesure d’audience : mesurer les visites de façon agrégée',
  marketingLine: 'Marketing : mesurer et personnaliser la publicité, avec des partenaires publicitaires',
  functionalLine: 'Fonctionnels : des contenus d’autres sites, comme des vidéos et des cartes',
  anytime: 'Vous pouvez changer d’avis à tout moment.',
  gpc: 'Votre navigateur a envoyé un signal Global Privacy Control : les cookies facultatifs sont désactivés.',
  policy: 'Politique de confidentialité',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  customise: 'Personnaliser',
  settings: 'Paramètres des cookies',
}
export default fr

export const details = () => import('./fr-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./fr-choices')
