import type { PolicyTexts } from '../../config/strings'

const tr: PolicyTexts = {
  choicesLink: 'Gizlilik tercihleriniz',
  choicesTitle: 'Gizlilik tercihleriniz',
  choicesBody:
    'Bu site ve iş ortakları, analiz ve reklam için çerez kullanır. Kişisel bilgilerinizin satılmasını veya paylaşılmasını ve hedefli reklamları istediğiniz zaman reddedebilirsiniz.',
  optOut: 'Kişisel bilgilerimi satmayın veya paylaşmayın',
  optedOut: 'Kişisel bilgilerinizin satılmasını veya paylaşılmasını ve hedefli reklamları reddettiniz.',
  gpcHonoured:
    'Tarayıcınız bir Global Privacy Control sinyali gönderdi, bu nedenle satış, paylaşım ve hedefli reklamlar reddedildi.',
  noticeTitle: 'Bu sitedeki çerezler',
  noticeBody:
    'Bu site analiz ve reklam için çerez kullanır. Bunu istediğiniz zaman “Gizlilik tercihleriniz” bölümünden değiştirebilirsiniz.',
  ok: 'Tamam',
}
export default tr
