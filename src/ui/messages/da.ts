import type { Banner } from '../../config/strings'

const da: Banner = {
  title: 'Dine valg om privatliv',
  body: 'Vi bruger cookies, der er nødvendige for, at sitet fungerer. Med dit samtykke også til:',
  analyticsLine: 'Statistik: måling af besøg, samlet',
  marketingLine: 'Marketing: måling og tilpasning af annoncer, sammen med annoncepartnere',
  functionalLine: 'Funktionelle: indhold fra andre sites, fx videoer og kort',
  anytime: 'Du kan altid ombestemme dig.',
  gpc: 'Din browser sendte et Global Privacy Control-signal, så valgfrie cookies er slået fra.',
  policy: 'Privatlivspolitik',
  acceptAll: 'Accepter alle',
  rejectAll: 'Afvis alle',
  customise: 'Tilpas',
  settings: 'Cookieindstillinger',
}
export default da

export const details = () => import('./da-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./da-choices')
