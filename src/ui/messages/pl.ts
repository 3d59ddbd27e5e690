import type { Banner } from '../../config/strings'

const pl: Banner = {
  title: 'Twoje ustawienia prywatności',
  body: 'Używamy plików cookie niezbędnych do działania witryny. Za Twoją zgodą także w tych celach:',
  analyticsLine: 'Analityczne: zbiorczy pomiar odwiedzin',
  marketingLine: 'Marketingowe: pomiar i personalizacja reklam, wraz z partnerami reklamowymi',
  functionalLine: 'Funkcjonalne: treści z innych witryn, np. filmy i mapy',
  anytime: 'Możesz w każdej chwili zmienić zdanie.',
  gpc: 'Twoja przeglądarka wysłała sygnał Global Privacy Control, więc opcjonalne pliki cookie są wyłączone.',
  policy: 'Polityka prywatności',
  acceptAll: 'Akceptuj wszystkie',
  rejectAll: 'Odrzuć wszystkie',
  customise: 'Dostosuj',
  settings: 'Ustawienia cookie',
}
export default pl

export const details = () => import('./pl-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./pl-choices')
