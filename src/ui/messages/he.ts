import type { Banner } from '../../config/strings'

const he: Banner = {
  title: 'בחירות הפרטיות שלכם',
  body: 'אנחנו משתמשים בעוגיות שהאתר צריך כדי לפעול. בהסכמתכם, גם לצורך:',
  analyticsLine: 'ניתוח נתונים: מדידה מצטברת של ביקורים',
  marketingLine: 'שיווק: מדידה והתאמה אישית של מודעות, יחד עם שותפי פרסום',
  functionalLine: 'פונקציונליות: תוכן מאתרים אחרים, כמו סרטונים ומפות',
  anytime: 'אפשר לשנות את ההחלטה בכל עת.',
  gpc: 'הדפדפן שלכם שלח אות Global Privacy Control, ולכן העוגיות האופציונליות כבויות.',
  policy: 'מדיניות פרטיות',
  acceptAll: 'קבלת הכול',
  rejectAll: 'דחיית הכול',
  customise: 'התאמה אישית',
  settings: 'הגדרות עוגיות',
}
export default he

export const details = () => import('./he-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./he-choices')
