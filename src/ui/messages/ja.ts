import type { Banner } from '../../config/strings'

const ja: Banner = {
  title: 'プライバシーの選択',
  body: '当サイトは、動作に必要なCookieを使用しています。同意いただいた場合は、アクセス状況も集計して測定します。この選択はいつでも変更できます。',
  gpc: 'ブラウザからGlobal Privacy Controlシグナルが送信されたため、任意のCookieはオフになっています。',
  policy: 'プライバシーポリシー',
  acceptAll: 'すべて同意する',
  rejectAll: 'すべて拒否する',
  customise: 'カスタマイズ',
  settings: 'Cookie設定',
}
export default ja

export const details = () => import('./ja-details')
