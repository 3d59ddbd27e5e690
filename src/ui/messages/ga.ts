import type { Banner } from '../../config/strings'

const ga: Banner = {
  title: 'Do roghanna príobháideachais',
  body: 'Úsáidimid fianáin a theastaíonn chun go n-oibreoidh an suíomh. Le do thoiliú, freisin le haghaidh:',
  analyticsLine: 'Anailísíocht: cuairteanna a thomhas go comhiomlán',
  marketingLine: 'Margaíocht: fógraí a thomhas agus a phearsantú, le comhpháirtithe fógraíochta',
  functionalLine: 'Feidhmiúil: ábhar ó shuíomhanna eile, mar shampla físeáin agus léarscáileanna',
  anytime: 'Is féidir leat d’intinn a athrú am ar bith.',
  gpc: 'Sheol do bhrabhsálaí comhartha Global Privacy Control, mar sin tá na fianáin roghnacha múchta.',
  policy: 'Beartas príobháideachais',
  acceptAll: 'Glac leo uile',
  rejectAll: 'Diúltaigh dóibh uile',
  customise: 'Saincheap',
  settings: 'Socruithe fianán',
}
export default ga

export const details = () => import('./ga-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./ga-choices')
