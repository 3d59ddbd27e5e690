import type { PolicyTexts } from '../../config/strings'

const id: PolicyTexts = {
  choicesLink: 'Pilihan privasi Anda',
  choicesTitle: 'Pilihan privasi Anda',
  choicesBody:
    'Situs ini dan mitranya menggunakan cookie untuk analitik dan iklan. Kapan saja, Anda dapat meminta agar informasi pribadi Anda tidak dijual atau dibagikan dan tidak dipakai untuk iklan bertarget.',
  optOut: 'Jangan jual atau bagikan informasi pribadi saya',
  optedOut: 'Informasi pribadi Anda tidak akan dijual atau dibagikan, dan tidak dipakai untuk iklan bertarget.',
  gpcHonoured:
    'Browser Anda mengirim sinyal Global Privacy Control, jadi informasi Anda tidak dijual, dibagikan, atau dipakai untuk iklan bertarget.',
  noticeTitle: 'Cookie di situs ini',
  noticeBody:
    'Situs ini menggunakan cookie untuk analitik dan iklan. Anda dapat mengubahnya kapan saja di “Pilihan privasi Anda”.',
  ok: 'OK',
}
export default id
