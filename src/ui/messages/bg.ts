import type { Banner } from '../../config/strings'

const bg: Banner = {
  title: 'Вашият избор за поверителност',
  body: 'Използваме бисквитки, необходими за работата на сайта. С Вашето съгласие и за:',
  analyticsLine: 'Анализ: обобщено измерване на посещенията',
  marketingLine: 'Маркетинг: измерване и персонализиране на рекламите, с рекламни партньори',
  functionalLine: 'Функционални: съдържание от други сайтове, напр. видеоклипове и карти',
  anytime: 'Можете да промените решението си по всяко време.',
  gpc: 'Браузърът Ви изпрати сигнал Global Privacy Control, затова незадължителните бисквитки са изключени.',
  policy: 'Политика за поверителност',
  acceptAll: 'Приемам всички',
  rejectAll: 'Отказвам всички',
  customise: 'Настройки',
  settings: 'Настройки на бисквитките',
}
export default bg

export const details = () => import('./bg-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./bg-choices')
