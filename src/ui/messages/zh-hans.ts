import type { Banner } from '../../config/strings'

const zhHans: Banner = {
  title: '您的隐私选择',
  body: '我们使用网站运行所必需的 Cookie。经您同意，我们还会以汇总方式统计访问情况。您可以随时改变主意。',
  gpc: '您的浏览器发送了 Global Privacy Control 信号，因此可选 Cookie 已关闭。',
  policy: '隐私政策',
  acceptAll: '全部接受',
  rejectAll: '全部拒绝',
  customise: '自定义',
  settings: 'Cookie 设置',
}
export default zhHans

export const details = () => import('./zh-hans-details')
