import type { Banner } from '../../config/strings'

const bg: Banner = {
  title: 'Вашият избор за поверителност',
  body: 'Използваме бисквитки, необходими за работата на сайта. С Вашето съгласие измерваме и посещенията в обобщен вид. Можете да промените решението си по всяко време.',
  gpc: 'Браузърът Ви изпрати сигнал Global Privacy Control, затова незадължителните бисквитки са изключени.',
  policy: 'Политика за поверителност',
  acceptAll: 'Приемам всички',
  rejectAll: 'Отказвам всички',
  customise: 'Настройки',
  settings: 'Настройки на бисквитките',
}
export default bg

export const details = () => import('./bg-details')
