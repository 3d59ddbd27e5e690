import type { PolicyTexts } from '../../config/strings'

const is: PolicyTexts = {
  choicesLink: 'Persónuverndarval þitt',
  choicesTitle: 'Persónuverndarval þitt',
  choicesBody:
    'Þessi vefur og samstarfsaðilar hans nota vafrakökur fyrir tölfræði og auglýsingar. Þú getur hvenær sem er hafnað sölu eða miðlun persónuupplýsinga þinna og sérsniðnum auglýsingum.',
  optOut: 'Ekki selja eða miðla persónuupplýsingum mínum',
  optedOut: 'Þú hefur hafnað sölu eða miðlun persónuupplýsinga þinna og sérsniðnum auglýsingum.',
  gpcHonoured: 'Vafrinn þinn sendi Global Privacy Control-merki, svo sölu, miðlun og sérsniðnum auglýsingum er hafnað.',
  noticeTitle: 'Vafrakökur á þessum vef',
  noticeBody:
    'Þessi vefur notar vafrakökur fyrir tölfræði og auglýsingar. Þú getur breytt því hvenær sem er undir „Persónuverndarval þitt“.',
  ok: 'Í lagi',
}
export default is
