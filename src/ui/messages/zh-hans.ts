import type { Banner } from '../../config/strings'

const zhHans: Banner = {
  title: '您的隐私选择',
  body: '我们使用网站运行所必需的 Cookie。经您同意，还会用于：',
  analyticsLine: '统计分析：以汇总方式统计访问情况',
  marketingLine: '营销：与广告合作伙伴一起衡量广告效果并进行个性化',
  functionalLine: '功能：来自其他网站的内容，如视频和地图',
  anytime: '您可以随时改变主意。',
  gpc: '您的浏览器发送了 Global Privacy Control 信号，因此可选 Cookie 已关闭。',
  policy: '隐私政策',
  acceptAll: '全部接受',
  rejectAll: '全部拒绝',
  customise: '自定义',
  settings: 'Cookie 设置',
}
export default zhHans

export const details = () => import('./zh-hans-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./zh-hans-choices')
