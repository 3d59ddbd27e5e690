import type { Banner } from '../../config/strings'

const fi: Banner = {
  title: 'Yksityisyysvalintasi',
  body: 'Käytämme evästeitä, joita sivusto tarvitsee toimiakseen. Suostumuksellasi myös näihin:',
  analyticsLine: 'Analytiikka: käyntien mittaaminen koostetusti',
  marketingLine: 'Markkinointi: mainonnan mittaaminen ja kohdentaminen yhdessä mainoskumppaneiden kanssa',
  functionalLine: 'Toiminnalliset: muiden sivustojen sisällöt, kuten videot ja kartat',
  anytime: 'Voit muuttaa valintaasi milloin tahansa.',
  gpc: 'Selaimesi lähetti Global Privacy Control -signaalin, joten valinnaiset evästeet ovat pois päältä.',
  policy: 'Tietosuojaseloste',
  acceptAll: 'Hyväksy kaikki',
  rejectAll: 'Hylkää kaikki',
  customise: 'Mukauta',
  settings: 'Evästeasetukset',
}
export default fi

export const details = () => import('./fi-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./fi-choices')
