import type { Banner } from '../../config/strings'

const ar: Banner = {
  title: 'خيارات الخصوصية',
  body: 'نستخدم ملفات تعريف الارتباط التي يحتاجها الموقع ليعمل. وبموافقتك نستخدمها أيضًا من أجل:',
  analyticsLine: 'تحليلات: قياس الزيارات بشكل إجمالي',
  marketingLine: 'تسويق: قياس الإعلانات وتخصيصها مع شركاء الإعلان',
  functionalLine: 'وظيفية: محتوى من مواقع أخرى، مثل الفيديوهات والخرائط',
  anytime: 'يمكنك تغيير رأيك في أي وقت.',
  gpc: 'أرسل متصفحك إشارة Global Privacy Control، لذا أوقفنا ملفات تعريف الارتباط الاختيارية.',
  policy: 'سياسة الخصوصية',
  acceptAll: 'قبول الكل',
  rejectAll: 'رفض الكل',
  customise: 'تخصيص',
  settings: 'إعدادات ملفات تعريف الارتباط',
}
export default ar

export const details = () => import('./ar-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./ar-choices')
