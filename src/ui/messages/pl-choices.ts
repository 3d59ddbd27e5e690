import type { PolicyTexts } from '../../config/strings'

const pl: PolicyTexts = {
  choicesLink: 'Twoje wybory dotyczące prywatności',
  choicesTitle: 'Twoje wybory dotyczące prywatności',
  choicesBody:
    'Ta witryna i jej partnerzy używają plików cookie do analityki i reklamy. W każdej chwili możesz sprzeciwić się sprzedaży lub udostępnianiu Twoich danych osobowych oraz reklamie ukierunkowanej.',
  optOut: 'Nie sprzedawaj ani nie udostępniaj moich danych osobowych',
  optedOut: 'Zapisaliśmy sprzeciw wobec sprzedaży lub udostępniania Twoich danych osobowych oraz reklamy ukierunkowanej.',
  gpcHonoured:
    'Twoja przeglądarka wysłała sygnał Global Privacy Control, więc sprzedaż, udostępnianie i reklama ukierunkowana są wyłączone.',
  noticeTitle: 'Pliki cookie w tej witrynie',
  noticeBody:
    'Ta witryna używa plików cookie do analityki i reklamy. Możesz to zmienić w każdej chwili w sekcji „Twoje wybory dotyczące prywatności”.',
  ok: 'OK',
}
export default pl
