import type { PolicyTexts } from '../../config/strings'

const zhHans: PolicyTexts = {
  choicesLink: '您的隐私选择',
  choicesTitle: '您的隐私选择',
  choicesBody: '本网站及其合作伙伴使用 Cookie 进行统计分析和广告。您可以随时拒绝出售或共享您的个人信息，以及定向广告。',
  optOut: '不要出售或共享我的个人信息',
  optedOut: '您已拒绝出售或共享您的个人信息，以及定向广告。',
  gpcHonoured: '您的浏览器发送了 Global Privacy Control 信号，因此已为您拒绝出售、共享和定向广告。',
  noticeTitle: '本网站的 Cookie',
  noticeBody: '本网站使用 Cookie 进行统计分析和广告。您可以随时在“您的隐私选择”中更改。',
  ok: '确定',
}
export default zhHans
