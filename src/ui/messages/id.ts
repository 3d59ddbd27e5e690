import type { Banner } from '../../config/strings'

const id: Banner = {
  title: 'Pilihan privasi Anda',
  body: 'Kami menggunakan cookie yang diperlukan agar situs berfungsi. Dengan persetujuan Anda, juga untuk:',
  analyticsLine: 'Analitik: mengukur kunjungan secara agregat',
  marketingLine: 'Pemasaran: mengukur dan mempersonalisasi iklan, bersama mitra periklanan',
  functionalLine: 'Fungsional: konten dari situs lain, seperti video dan peta',
  anytime: 'Anda dapat berubah pikiran kapan saja.',
  gpc: 'Browser Anda mengirim sinyal Global Privacy Control, jadi cookie opsional dinonaktifkan.',
  policy: 'Kebijakan privasi',
  acceptAll: 'Terima semua',
  rejectAll: 'Tolak semua',
  customise: 'Sesuaikan',
  settings: 'Pengaturan cookie',
}
export default id

export const details = () => import('./id-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./id-choices')
