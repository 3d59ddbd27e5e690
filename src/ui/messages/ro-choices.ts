import type { PolicyTexts } from '../../config/strings'

const ro: PolicyTexts = {
  choicesLink: 'Opțiunile tale de confidențialitate',
  choicesTitle: 'Opțiunile tale de confidențialitate',
  choicesBody:
    'Acest site și partenerii săi folosesc cookie-uri pentru analiză și publicitate. Te poți opune oricând vânzării sau partajării informațiilor tale personale și publicității direcționate.',
  optOut: 'Nu vinde și nu partaja informațiile mele personale',
  optedOut: 'Ai refuzat vânzarea sau partajarea informațiilor tale personale și publicitatea direcționată.',
  gpcHonoured:
    'Browserul tău a trimis un semnal Global Privacy Control, așa că vânzarea, partajarea și publicitatea direcționată sunt refuzate.',
  noticeTitle: 'Cookie-uri pe acest site',
  noticeBody:
    'Acest site folosește cookie-uri pentru analiză și publicitate. Poți schimba asta oricând din „Opțiunile tale de confidențialitate”.',
  ok: 'OK',
}
export default ro
