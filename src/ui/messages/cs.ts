import type { Banner } from '../../config/strings'

const cs: Banner = {
  title: 'Vaše nastavení soukromí',
  body: 'Používáme cookies, které web potřebuje ke svému fungování. S vaším souhlasem také k těmto účelům:',
  analyticsLine: 'Analytické: souhrnné měření návštěvnosti',
  marketingLine: 'Marketingové: měření a přizpůsobení reklamy, spolu s reklamními partnery',
  functionalLine: 'Funkční: obsah z jiných webů, např. videa a mapy',
  anytime: 'Svůj souhlas můžete kdykoli změnit.',
  gpc: 'Váš prohlížeč odeslal signál Global Privacy Control, proto jsou volitelné cookies vypnuté.',
  policy: 'Zásady ochrany osobních údajů',
  acceptAll: 'Přijmout vše',
  rejectAll: 'Odmítnout vše',
  customise: 'Nastavit',
  settings: 'Nastavení cookies',
}
export default cs

export const details = () => import('./cs-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./cs-choices')
