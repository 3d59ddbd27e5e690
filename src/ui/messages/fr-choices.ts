import type { PolicyTexts } from '../../config/strings'

const fr: PolicyTexts = {
  choicesLink: 'Vos choix de confidentialité',
  choicesTitle: 'Vos choix de confidentialité',
  choicesBody:
    'Ce site et ses partenaires utilisent des cookies pour la mesure d’audience et la publicité. Vous pouvez à tout moment vous opposer à la vente ou au partage de vos données personnelles, ainsi qu’à la publicité ciblée.',
  optOut: 'Ne pas vendre ni partager mes données personnelles',
  optedOut: 'Vous avez refusé la vente ou le partage de vos données personnelles et la publicité ciblée.',
  gpcHonoured:
    'Votre navigateur a envoyé un signal Global Privacy Control : la vente, le partage et la publicité ciblée sont donc refusés.',
  noticeTitle: 'Cookies sur ce site',
  noticeBody:
    'Ce site utilise des cookies pour la mesure d’audience et la publicité. Vous pouvez changer cela à tout moment dans « Vos choix de confidentialité ».',
  ok: 'OK',
}
export default fr
