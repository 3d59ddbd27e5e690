import type { Banner } from '../../config/strings'

const hu: Banner = {
  title: 'Az Ön adatvédelmi beállításai',
  body: 'A webhely működéséhez szükséges sütiket használunk. Hozzájárulásával ezekre is:',
  analyticsLine: 'Statisztika: a látogatások összesített mérése',
  marketingLine: 'Marketing: hirdetések mérése és személyre szabása hirdetési partnerekkel',
  functionalLine: 'Funkcionális: más webhelyek tartalmai, pl. videók és térképek',
  anytime: 'Döntését bármikor megváltoztathatja.',
  gpc: 'Böngészője Global Privacy Control jelzést küldött, ezért a nem kötelező sütik ki vannak kapcsolva.',
  policy: 'Adatvédelmi tájékoztató',
  acceptAll: 'Összes elfogadása',
  rejectAll: 'Összes elutasítása',
  customise: 'Testreszabás',
  settings: 'Sütibeállítások',
}
export default hu

export const details = () => import('./hu-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./hu-choices')
