import type { PolicyTexts } from '../../config/strings'

const sl: PolicyTexts = {
  choicesLink: 'Vaše izbire glede zasebnosti',
  choicesTitle: 'Vaše izbire glede zasebnosti',
  choicesBody:
    'To spletno mesto in njegovi partnerji uporabljajo piškotke za analitiko in oglaševanje. Prodaji ali deljenju svojih osebnih podatkov in ciljnemu oglaševanju lahko kadar koli ugovarjate.',
  optOut: 'Ne prodajajte in ne delite mojih osebnih podatkov',
  optedOut: 'Prodaja ali deljenje vaših osebnih podatkov in ciljno oglaševanje so zavrnjeni.',
  gpcHonoured:
    'Vaš brskalnik je poslal signal Global Privacy Control, zato so prodaja, deljenje in ciljno oglaševanje zavrnjeni.',
  noticeTitle: 'Piškotki na tem spletnem mestu',
  noticeBody:
    'To spletno mesto uporablja piškotke za analitiko in oglaševanje. To lahko kadar koli spremenite v razdelku »Vaše izbire glede zasebnosti«.',
  ok: 'V redu',
}
export default sl
