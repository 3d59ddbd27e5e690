import type { Banner } from '../../config/strings'

const tr: Banner = {
  title: 'Gizlilik tercihleriniz',
  body: 'Sitenin çalışması için gereken çerezleri kullanıyoruz. İzninizle şunlar için de:',
  analyticsLine: 'Analitik: ziyaretlerin toplu olarak ölçülmesi',
  marketingLine: 'Pazarlama: reklam ortaklarıyla birlikte reklamların ölçülmesi ve kişiselleştirilmesi',
  functionalLine: 'İşlevsel: videolar ve haritalar gibi başka sitelerden içerikler',
  anytime: 'Fikrinizi istediğiniz zaman değiştirebilirsiniz.',
  gpc: 'Tarayıcınız bir Global Privacy Control sinyali gönderdi, bu nedenle isteğe bağlı çerezler kapalı.',
  policy: 'Gizlilik politikası',
  acceptAll: 'Tümünü kabul et',
  rejectAll: 'Tümünü reddet',
  customise: 'Özelleştir',
  settings: 'Çerez ayarları',
}
export default tr

export const details = () => import('./tr-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./tr-choices')
