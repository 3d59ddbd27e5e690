import type { Banner } from '../../config/strings'

const is: Banner = {
  title: 'Persónuverndarval þitt',
  body: 'Við notum vafrakökur sem vefurinn þarf til að virka. Með samþykki þínu einnig fyrir:',
  analyticsLine: 'Tölfræði: mælingu heimsókna í samanteknu formi',
  marketingLine: 'Markaðssetning: mælingu og sérsníðingu auglýsinga, með auglýsingasamstarfsaðilum',
  functionalLine: 'Virkni: efni frá öðrum vefjum, svo sem myndskeið og kort',
  anytime: 'Þú getur skipt um skoðun hvenær sem er.',
  gpc: 'Vafrinn þinn sendi Global Privacy Control-merki, svo valkvæðar vafrakökur eru óvirkar.',
  policy: 'Persónuverndarstefna',
  acceptAll: 'Samþykkja allt',
  rejectAll: 'Hafna öllu',
  customise: 'Sérsníða',
  settings: 'Stillingar vafrakaka',
}
export default is

export const details = () => import('./is-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./is-choices')
