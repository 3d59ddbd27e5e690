import type { Banner } from '../../config/strings'

const tr: Banner = {
  title: 'Gizlilik tercihleriniz',
  body: 'Sitenin çalışması için gereken çerezleri kullanıyoruz. İzninizle ziyaretleri de toplu olarak ölçüyoruz. Fikrinizi istediğiniz zaman değiştirebilirsiniz.',
  gpc: 'Tarayıcınız bir Global Privacy Control sinyali gönderdi, bu nedenle isteğe bağlı çerezler kapalı.',
  policy: 'Gizlilik politikası',
  acceptAll: 'Tümünü kabul et',
  rejectAll: 'Tümünü reddet',
  customise: 'Özelleştir',
  settings: 'Çerez ayarları',
}
export default tr

export const details = () => import('./tr-details')
