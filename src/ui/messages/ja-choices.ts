import type { PolicyTexts } from '../../config/strings'

const ja: PolicyTexts = {
  choicesLink: 'プライバシーの選択',
  choicesTitle: 'プライバシーの選択',
  choicesBody:
    '当サイトとそのパートナーは、アクセス解析と広告にCookieを使用しています。個人情報の販売・共有とターゲティング広告は、いつでも拒否できます。',
  optOut: '個人情報を販売・共有しない',
  optedOut: '個人情報の販売・共有とターゲティング広告を拒否済みです。',
  gpcHonoured:
    'ブラウザからGlobal Privacy Controlシグナルが送信されたため、個人情報の販売・共有とターゲティング広告は停止されています。',
  noticeTitle: '当サイトのCookie',
  noticeBody:
    '当サイトは、アクセス解析と広告にCookieを使用しています。この設定は「プライバシーの選択」からいつでも変更できます。',
  ok: 'OK',
}
export default ja
