import type { Banner } from '../../config/strings'

const zhHant: Banner = {
  title: '您的隱私選擇',
  body: '我們使用網站運作所需的 Cookie。經您同意，還會用於：',
  analyticsLine: '統計分析：以彙總方式統計造訪情形',
  marketingLine: '行銷：與廣告合作夥伴一起衡量廣告成效並進行個人化',
  functionalLine: '功能：來自其他網站的內容，如影片和地圖',
  anytime: '您可以隨時改變心意。',
  gpc: '您的瀏覽器傳送了 Global Privacy Control 訊號，因此選用的 Cookie 已關閉。',
  policy: '隱私權政策',
  acceptAll: '全部接受',
  rejectAll: '全部拒絕',
  customise: '自訂',
  settings: 'Cookie 設定',
}
export default zhHant

export const details = () => import('./zh-hant-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./zh-hant-choices')
