import type { Banner } from '../../config/strings'

const da: Banner = {
  title: 'Dine valg om privatliv',
  body: 'Vi bruger cookies, der er nødvendige for, at sitet fungerer. Med dit samtykke måler vi også besøg samlet. Du kan altid ombestemme dig.',
  gpc: 'Din browser sendte et Global Privacy Control-signal, så valgfrie cookies er slået fra.',
  policy: 'Privatlivspolitik',
  acceptAll: 'Accepter alle',
  rejectAll: 'Afvis alle',
  customise: 'Tilpas',
  settings: 'Cookieindstillinger',
}
export default da

export const details = () => import('./da-details')
