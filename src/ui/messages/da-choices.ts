import type { PolicyTexts } from '../../config/strings'

const da: PolicyTexts = {
  choicesLink: 'Dine valg om privatliv',
  choicesTitle: 'Dine valg om privatliv',
  choicesBody:
    'Dette site og dets partnere bruger cookies til statistik og annoncer. Du kan når som helst fravælge salg eller deling af dine personoplysninger og målrettede annoncer.',
  optOut: 'Sælg eller del ikke mine personoplysninger',
  optedOut: 'Du har fravalgt salg eller deling af dine personoplysninger og målrettede annoncer.',
  gpcHonoured: 'Din browser sendte et Global Privacy Control-signal, så salg, deling og målrettede annoncer er fravalgt.',
  noticeTitle: 'Cookies på dette site',
  noticeBody: 'Dette site bruger cookies til statistik og annoncer. Du kan altid ændre det under »Dine valg om privatliv«.',
  ok: 'OK',
}
export default da
