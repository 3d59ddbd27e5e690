import type { Banner } from '../../config/strings'

const zhHant: Banner = {
  title: '您的隱私選擇',
  body: '我們使用網站運作所需的 Cookie。經您同意，我們也會以彙總方式統計造訪情形。您可以隨時改變心意。',
  gpc: '您的瀏覽器傳送了 Global Privacy Control 訊號，因此選用的 Cookie 已關閉。',
  policy: '隱私權政策',
  acceptAll: '全部接受',
  rejectAll: '全部拒絕',
  customise: '自訂',
  settings: 'Cookie 設定',
}
export default zhHant

export const details = () => import('./zh-hant-details')
