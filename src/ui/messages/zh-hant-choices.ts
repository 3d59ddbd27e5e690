import type { PolicyTexts } from '../../config/strings'

const zhHant: PolicyTexts = {
  choicesLink: '您的隱私選擇',
  choicesTitle: '您的隱私選擇',
  choicesBody: '本網站及其合作夥伴使用 Cookie 進行統計分析與廣告。您可以隨時拒絕出售或分享您的個人資訊，以及目標式廣告。',
  optOut: '不要出售或分享我的個人資訊',
  optedOut: '您已拒絕出售或分享您的個人資訊，以及目標式廣告。',
  gpcHonoured: '您的瀏覽器傳送了 Global Privacy Control 訊號，因此已為您拒絕出售、分享與目標式廣告。',
  noticeTitle: '本網站的 Cookie',
  noticeBody: '本網站使用 Cookie 進行統計分析與廣告。您可以隨時在「您的隱私選擇」中變更。',
  ok: '確定',
}
export default zhHant
