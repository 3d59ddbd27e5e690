import type { Banner } from '../../config/strings'

const hi: Banner = {
  title: 'आपकी निजता के विकल्प',
  body: 'हम वे कुकीज़ इस्तेमाल करते हैं जिनकी साइट को काम करने के लिए ज़रूरत है। आपकी सहमति से इनके लिए भी:',
  analyticsLine: 'एनालिटिक्स: विज़िट को कुल मिलाकर मापना',
  marketingLine: 'मार्केटिंग: विज्ञापन साझेदारों के साथ विज्ञापनों को मापना और निजी बनाना',
  functionalLine: 'कार्यात्मक: दूसरी साइटों की सामग्री, जैसे वीडियो और नक्शे',
  anytime: 'आप कभी भी अपना फ़ैसला बदल सकते हैं।',
  gpc: 'आपके ब्राउज़र ने Global Privacy Control सिग्नल भेजा है, इसलिए वैकल्पिक कुकीज़ बंद हैं।',
  policy: 'निजता नीति',
  acceptAll: 'सभी स्वीकारें',
  rejectAll: 'सभी अस्वीकारें',
  customise: 'अनुकूलित करें',
  settings: 'कुकी सेटिंग',
}
export default hi

export const details = () => import('./hi-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./hi-choices')
