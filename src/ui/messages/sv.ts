import type { Banner } from '../../config/strings'

const sv: Banner = {
  title: 'Dina integritetsval',
  body: 'Vi använder kakor som webbplatsen behöver för att fungera. Med ditt samtycke mäter vi också besök på en sammanställd nivå. Du kan ändra dig när som helst.',
  gpc: 'Din webbläsare skickade en Global Privacy Control-signal, så valfria kakor är avstängda.',
  policy: 'Integritetspolicy',
  acceptAll: 'Godkänn alla',
  rejectAll: 'Avvisa alla',
  customise: 'Anpassa',
  settings: 'Inställningar för kakor',
}
export default sv

export const details = () => import('./sv-details')
