import type { Banner } from '../../config/strings'

const id: Banner = {
  title: 'Pilihan privasi Anda',
  body: 'Kami menggunakan cookie yang diperlukan agar situs berfungsi. Dengan persetujuan Anda, kami juga mengukur kunjungan secara agregat. Anda dapat berubah pikiran kapan saja.',
  gpc: 'Browser Anda mengirim sinyal Global Privacy Control, jadi cookie opsional dinonaktifkan.',
  policy: 'Kebijakan privasi',
  acceptAll: 'Terima semua',
  rejectAll: 'Tolak semua',
  customise: 'Sesuaikan',
  settings: 'Pengaturan cookie',
}
export default id

export const details = () => import('./id-details')
