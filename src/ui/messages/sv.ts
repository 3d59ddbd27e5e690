import type { Banner } from '../../config/strings'

const sv: Banner = {
  title: 'Dina integritetsval',
  body: 'Vi använder kakor som webbplatsen behöver för att fungera. Med ditt samtycke även för:',
  analyticsLine: 'Statistik: mäta besök på en sammanställd nivå',
  marketingLine: 'Marknadsföring: mäta och anpassa annonser, med annonspartner',
  functionalLine: 'Funktionella: innehåll från andra webbplatser, t.ex. videor och kartor',
  anytime: 'Du kan ändra dig när som helst.',
  gpc: 'Din webbläsare skickade en Global Privacy Control-signal, så valfria kakor är avstängda.',
  policy: 'Integritetspolicy',
  acceptAll: 'Godkänn alla',
  rejectAll: 'Avvisa alla',
  customise: 'Anpassa',
  settings: 'Inställningar för kakor',
}
export default sv

export const details = () => import('./sv-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./sv-choices')
