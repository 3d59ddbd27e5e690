import type { Messages } from './en'

const fr: Messages = {
  title: 'Vos choix de confidentialité',
  body: 'Nous utilisons les cookies nécessaires au fonctionnement du site. Avec votre accord, nous mesurons aussi les visites de façon agrégée. Vous pouvez changer d’avis à tout moment.',
  gpc: 'Votre navigateur a envoyé un signal Global Privacy Control : les cookies facultatifs sont désactivés.',
  policy: 'Politique de confidentialité',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  customise: 'Personnaliser',
  prefsTitle: 'Préférences de cookies',
  prefsBody: 'Choisissez les cookies facultatifs que nous pouvons utiliser. Rien de facultatif n’est actif tant que vous ne l’activez pas.',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  essential: 'Essentiels',
  essentialBody: 'Nécessaires au fonctionnement du site, par exemple pour la connexion et pour retenir ce choix.',
  alwaysOn: 'Toujours actifs',
  analytics: 'Mesure d’audience',
  analyticsBody: 'Des statistiques agrégées qui nous montrent comment le site est utilisé.',
  marketing: 'Marketing',
  marketingBody: 'Mesurer et personnaliser la publicité.',
  cookies: 'Cookies utilisés',
  name: 'Nom',
  purpose: 'Finalité',
  lifetime: 'Durée',
  provider: 'Fournisseur',
  settings: 'Paramètres des cookies',
}
export default fr
