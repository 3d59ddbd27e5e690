import type { Details } from '../../config/strings'

const ga: Details = {
  prefsTitle: 'Roghanna fianán',
  prefsBody:
    'Roghnaigh na fianáin roghnacha a bhféadfaimid iad a úsáid. Níl aon rud roghnach ar siúl go dtí go gcuireann tú féin ar siúl é.',
  save: 'Sábháil na roghanna',
  close: 'Dún',
  essential: 'Riachtanach',
  essentialBody:
    'Teastaíonn siad chun go n-oibreoidh an suíomh, mar shampla chun síniú isteach agus chun an rogha seo a mheabhrú.',
  alwaysOn: 'Ar siúl i gcónaí',
  analytics: 'Anailísíocht',
  analyticsBody: 'Staitisticí comhiomlána a thaispeánann dúinn conas a úsáidtear an suíomh.',
  marketing: 'Margaíocht',
  marketingBody: 'Fógraíocht a thomhas agus a phearsantú.',
  functional: 'Feidhmiúil',
  functionalBody:
    'Meabhraíonn siad do shocruithe agus cuireann siad gnéithe ar siúl, amhail comhrá nó físeáin agus léarscáileanna leabaithe.',
  embedTitle: 'Ábhar ó {provider}',
  embedBody:
    'Is é {provider} a óstálann an t-ábhar seo, agus féadfaidh sé fianáin a stóráil agus fios a fháil gur thug tú cuairt ar an leathanach seo. Ní lódálfar é ach amháin má cheadaíonn tú é.',
  embedAllow: 'Ceadaigh agus lódáil',
  cookies: 'Fianáin in úsáid',
  name: 'Ainm',
  purpose: 'Cuspóir',
  lifetime: 'Fad',
  provider: 'Soláthraí',
  thisSite: 'An suíomh seo',
  lifeSession: 'Seisiún',
  lifeNone: 'Ní stórálann sé tada',
  lifeKept: 'Go dtí go nglanann tú é',
  session: 'Síniú isteach',
  xsrf: 'Slándáil',
  unknown: 'Eile',
  yourChoice: 'Do rogha:',
  allowed: 'Ceadaithe',
  refused: 'Diúltaithe',
  undecided: 'Gan roghnú fós',
  change: 'Athraigh',
  noTrackers: 'Ní úsáideann an suíomh seo fianáin anailísíochta ná fógraíochta.',
  about: {
    consent_gate: 'Meabhraíonn sé do rogha maidir le fianáin',
    _vercel_jwt: 'Seolann sé d’iarratais chuig an imscaradh ceart',
    pisama_session: 'Coinníonn sé sínithe isteach sa phainéal thú',
    pigi_session: 'Coinníonn sé sínithe isteach thú go dtí go síníonn tú amach nó go ndúnann tú an brabhsálaí',
    'XSRF-TOKEN': 'Cosnaíonn sé d’iarratais ar bhrionnú iarratas trasláithreáin',
    theme: 'Meabhraíonn sé do théama geal nó dorcha',
    _ga: 'Déanann sé idirdhealú idir cuairteoirí le haghaidh staitisticí comhiomlána',
    '_ga_*': 'Coinníonn sé staid cuairte le haghaidh staitisticí comhiomlána',
    'Vercel Web Analytics': 'Comhaireann sé amhairc leathanaigh go comhiomlán gan aon rud a stóráil ar do ghléas',
  },
}
export default ga
