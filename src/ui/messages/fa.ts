import type { Banner } from '../../config/strings'

const fa: Banner = {
  title: 'انتخاب‌های حریم خصوصی شما',
  body: 'ما از کوکی‌هایی استفاده می‌کنیم که سایت برای کار کردن به آن‌ها نیاز دارد. با رضایت شما، همچنین برای:',
  analyticsLine: 'تحلیلی: اندازه‌گیری کلی بازدیدها',
  marketingLine: 'بازاریابی: اندازه‌گیری و شخصی‌سازی تبلیغات، همراه با شرکای تبلیغاتی',
  functionalLine: 'کاربردی: محتوا از سایت‌های دیگر، مانند ویدیو و نقشه',
  anytime: 'هر زمان بخواهید می‌توانید نظرتان را تغییر دهید.',
  gpc: 'مرورگر شما سیگنال Global Privacy Control فرستاد، بنابراین کوکی‌های اختیاری خاموش هستند.',
  policy: 'سیاست حریم خصوصی',
  acceptAll: 'پذیرفتن همه',
  rejectAll: 'رد همه',
  customise: 'سفارشی‌سازی',
  settings: 'تنظیمات کوکی',
}
export default fa

export const details = () => import('./fa-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./fa-choices')
