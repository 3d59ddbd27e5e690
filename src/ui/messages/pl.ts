import type { Banner } from '../../config/strings'

const pl: Banner = {
  title: 'Twoje ustawienia prywatności',
  body: 'Używamy plików cookie niezbędnych do działania witryny. Za Twoją zgodą mierzymy też odwiedziny w formie zbiorczej. Możesz w każdej chwili zmienić zdanie.',
  gpc: 'Twoja przeglądarka wysłała sygnał Global Privacy Control, więc opcjonalne pliki cookie są wyłączone.',
  policy: 'Polityka prywatności',
  acceptAll: 'Akceptuj wszystkie',
  rejectAll: 'Odrzuć wszystkie',
  customise: 'Dostosuj',
  settings: 'Ustawienia cookie',
}
export default pl

export const details = () => import('./pl-details')
