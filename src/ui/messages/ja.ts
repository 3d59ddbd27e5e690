import type { Banner } from '../../config/strings'

const ja: Banner = {
  title: 'プライバシーの選択',
  body: '当サイトは、動作に必要なCookieを使用しています。同意いただいた場合は、次の目的にも使用します。',
  analyticsLine: 'アクセス解析：アクセス状況の集計・測定',
  marketingLine: 'マーケティング：広告パートナーと連携した広告の測定とパーソナライズ',
  functionalLine: '機能：動画や地図など、他サイトのコンテンツの表示',
  anytime: 'この選択はいつでも変更できます。',
  gpc: 'ブラウザからGlobal Privacy Controlシグナルが送信されたため、任意のCookieはオフになっています。',
  policy: 'プライバシーポリシー',
  acceptAll: 'すべて同意する',
  rejectAll: 'すべて拒否する',
  customise: 'カスタマイズ',
  settings: 'Cookie設定',
}
export default ja

export const details = () => import('./ja-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./ja-choices')
