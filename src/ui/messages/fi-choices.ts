import type { PolicyTexts } from '../../config/strings'

const fi: PolicyTexts = {
  choicesLink: 'Yksityisyysvalintasi',
  choicesTitle: 'Yksityisyysvalintasi',
  choicesBody:
    'Tämä sivusto ja sen kumppanit käyttävät evästeitä analytiikkaan ja mainontaan. Voit milloin tahansa kieltää henkilötietojesi myynnin tai jakamisen sekä kohdennetun mainonnan.',
  optOut: 'Älä myy tai jaa henkilötietojani',
  optedOut: 'Olet kieltänyt henkilötietojesi myynnin tai jakamisen sekä kohdennetun mainonnan.',
  gpcHonoured:
    'Selaimesi lähetti Global Privacy Control -signaalin, joten myynti, jakaminen ja kohdennettu mainonta on kielletty.',
  noticeTitle: 'Evästeet tällä sivustolla',
  noticeBody:
    'Tämä sivusto käyttää evästeitä analytiikkaan ja mainontaan. Voit muuttaa tätä milloin tahansa kohdassa ”Yksityisyysvalintasi”.',
  ok: 'OK',
}
export default fi
