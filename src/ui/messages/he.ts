import type { Banner } from '../../config/strings'

const he: Banner = {
  title: 'בחירות הפרטיות שלכם',
  body: 'אנחנו משתמשים בעוגיות שהאתר צריך כדי לפעול. בהסכמתכם נמדוד גם ביקורים באופן מצטבר. אפשר לשנות את ההחלטה בכל עת.',
  gpc: 'הדפדפן שלכם שלח אות Global Privacy Control, ולכן העוגיות האופציונליות כבויות.',
  policy: 'מדיניות פרטיות',
  acceptAll: 'קבלת הכול',
  rejectAll: 'דחיית הכול',
  customise: 'התאמה אישית',
  settings: 'הגדרות עוגיות',
}
export default he

export const details = () => import('./he-details')
