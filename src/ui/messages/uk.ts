import type { Banner } from '../../config/strings'

const uk: Banner = {
  title: 'Ваш вибір щодо конфіденційності',
  body: 'Ми використовуємо файли cookie, потрібні для роботи сайту. За вашою згодою також для:',
  analyticsLine: 'Аналітичні: узагальнене вимірювання відвідувань',
  marketingLine: 'Маркетингові: вимірювання й персоналізація реклами разом із рекламними партнерами',
  functionalLine: 'Функціональні: вміст з інших сайтів, як-от відео й мапи',
  anytime: 'Ви можете змінити своє рішення будь-коли.',
  gpc: 'Ваш браузер надіслав сигнал Global Privacy Control, тому необов’язкові файли cookie вимкнено.',
  policy: 'Політика конфіденційності',
  acceptAll: 'Прийняти всі',
  rejectAll: 'Відхилити всі',
  customise: 'Налаштувати',
  settings: 'Налаштування cookie',
}
export default uk

export const details = () => import('./uk-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./uk-choices')
