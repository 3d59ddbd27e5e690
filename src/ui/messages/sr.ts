import type { Banner } from '../../config/strings'

const sr: Banner = {
  title: 'Ваша подешавања приватности',
  body: 'Користимо колачиће који су сајту потребни за рад. Уз ваш пристанак и за:',
  analyticsLine: 'Аналитички: збирно мерење посета',
  marketingLine: 'Маркетиншки: мерење и прилагођавање огласа, са партнерима за оглашавање',
  functionalLine: 'Функционални: садржај са других сајтова, нпр. видео-снимци и мапе',
  anytime: 'Своју одлуку можете променити у било ком тренутку.',
  gpc: 'Ваш прегледач је послао сигнал Global Privacy Control, па су необавезни колачићи искључени.',
  policy: 'Политика приватности',
  acceptAll: 'Прихвати све',
  rejectAll: 'Одбиј све',
  customise: 'Прилагоди',
  settings: 'Подешавања колачића',
}
export default sr

export const details = () => import('./sr-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./sr-choices')
