import type { PolicyTexts } from '../../config/strings'

const ga: PolicyTexts = {
  choicesLink: 'Do roghanna príobháideachais',
  choicesTitle: 'Do roghanna príobháideachais',
  choicesBody:
    'Úsáideann an suíomh seo agus a chomhpháirtithe fianáin le haghaidh anailísíochta agus fógraíochta. Is féidir leat diúltú am ar bith do dhíol nó do chomhroinnt d’fhaisnéise pearsanta, agus d’fhógraíocht spriocdhírithe.',
  optOut: 'Ná díol ná comhroinn m’fhaisnéis phearsanta',
  optedOut: 'Dhiúltaigh tú do dhíol nó do chomhroinnt d’fhaisnéise pearsanta agus d’fhógraíocht spriocdhírithe.',
  gpcHonoured:
    'Sheol do bhrabhsálaí comhartha Global Privacy Control, mar sin diúltaíodh do dhíol, do chomhroinnt agus d’fhógraíocht spriocdhírithe.',
  noticeTitle: 'Fianáin ar an suíomh seo',
  noticeBody:
    'Úsáideann an suíomh seo fianáin le haghaidh anailísíochta agus fógraíochta. Is féidir leat é sin a athrú am ar bith faoi “Do roghanna príobháideachais”.',
  ok: 'OK',
}
export default ga
