import type { Banner } from '../../config/strings'

const ro: Banner = {
  title: 'Opțiunile tale de confidențialitate',
  body: 'Folosim cookie-urile de care site-ul are nevoie ca să funcționeze. Cu acordul tău, și pentru:',
  analyticsLine: 'Analitice: măsurarea vizitelor în mod agregat',
  marketingLine: 'Marketing: măsurarea și personalizarea reclamelor, cu parteneri de publicitate',
  functionalLine: 'Funcționale: conținut de pe alte site-uri, cum ar fi videoclipuri și hărți',
  anytime: 'Te poți răzgândi oricând.',
  gpc: 'Browserul tău a trimis un semnal Global Privacy Control, așa că cookie-urile opționale sunt dezactivate.',
  policy: 'Politica de confidențialitate',
  acceptAll: 'Acceptă tot',
  rejectAll: 'Respinge tot',
  customise: 'Personalizează',
  settings: 'Setări cookie-uri',
}
export default ro

export const details = () => import('./ro-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./ro-choices')
