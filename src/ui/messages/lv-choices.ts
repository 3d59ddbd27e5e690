import type { PolicyTexts } from '../../config/strings'

const lv: PolicyTexts = {
  choicesLink: 'Jūsu privātuma izvēles',
  choicesTitle: 'Jūsu privātuma izvēles',
  choicesBody:
    'Šī vietne un tās partneri izmanto sīkdatnes analītikai un reklāmai. Jebkurā laikā varat atteikties no savas personiskās informācijas pārdošanas vai kopīgošanas un no mērķētas reklāmas.',
  optOut: 'Nepārdot un nekopīgot manu personisko informāciju',
  optedOut: 'Jūsu personiskā informācija netiek pārdota vai kopīgota, un mērķēta reklāma ir izslēgta.',
  gpcHonoured:
    'Jūsu pārlūks nosūtīja Global Privacy Control signālu, tāpēc pārdošana, kopīgošana un mērķēta reklāma ir atteiktas.',
  noticeTitle: 'Sīkdatnes šajā vietnē',
  noticeBody:
    'Šī vietne izmanto sīkdatnes analītikai un reklāmai. To varat jebkurā laikā mainīt sadaļā “Jūsu privātuma izvēles”.',
  ok: 'Labi',
}
export default lv
