import type { Banner } from '../../config/strings'

const fi: Banner = {
  title: 'Yksityisyysvalintasi',
  body: 'Käytämme evästeitä, joita sivusto tarvitsee toimiakseen. Suostumuksellasi mittaamme myös käyntejä koostetusti. Voit muuttaa valintaasi milloin tahansa.',
  gpc: 'Selaimesi lähetti Global Privacy Control -signaalin, joten valinnaiset evästeet ovat pois päältä.',
  policy: 'Tietosuojaseloste',
  acceptAll: 'Hyväksy kaikki',
  rejectAll: 'Hylkää kaikki',
  customise: 'Mukauta',
  settings: 'Evästeasetukset',
}
export default fi

export const details = () => import('./fi-details')
