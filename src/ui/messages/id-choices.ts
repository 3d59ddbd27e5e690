import type { PolicyTexts } from '../../config/strings'

const id: PolicyTexts = {
  choicesLink: 'Pilihan privasi Anda',
  choicesTitle: 'Pilihan privasi Anda',
  choicesBody:
    'Situs ini dan mitranya menggunakan cookie untuk analitik dan iklan. Anda dapat menolak penjualan atau pembagian informasi pribadi Anda serta iklan bertarget kapan saja.',
  optOut: 'Jangan jual atau bagikan informasi pribadi saya',
  optedOut: 'Anda telah menolak penjualan atau pembagian informasi pribadi Anda serta iklan bertarget.',
  gpcHonoured: 'Browser Anda mengirim sinyal Global Privacy Control, jadi penjualan, pembagian, dan iklan bertarget ditolak.',
  noticeTitle: 'Cookie di situs ini',
  noticeBody:
    'Situs ini menggunakan cookie untuk analitik dan iklan. Anda dapat mengubahnya kapan saja di “Pilihan privasi Anda”.',
  ok: 'OK',
}
export default id
