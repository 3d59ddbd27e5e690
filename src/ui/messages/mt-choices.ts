import type { PolicyTexts } from '../../config/strings'

const mt: PolicyTexts = {
  choicesLink: 'L-għażliet tal-privatezza tiegħek',
  choicesTitle: 'L-għażliet tal-privatezza tiegħek',
  choicesBody:
    'Dan is-sit u s-sħab tiegħu jużaw il-cookies għall-analitika u r-reklamar. Tista’ tirrifjuta meta trid il-bejgħ jew il-qsim tal-informazzjoni personali tiegħek, u r-reklamar immirat.',
  optOut: 'Tbigħx u taqsamx l-informazzjoni personali tiegħi',
  optedOut: 'Irrifjutajt il-bejgħ jew il-qsim tal-informazzjoni personali tiegħek u r-reklamar immirat.',
  gpcHonoured:
    'Il-browser tiegħek bagħat sinjal Global Privacy Control, għalhekk il-bejgħ, il-qsim u r-reklamar immirat huma rrifjutati.',
  noticeTitle: 'Cookies f’dan is-sit',
  noticeBody:
    'Dan is-sit juża l-cookies għall-analitika u r-reklamar. Tista’ tibdel dan meta trid taħt “L-għażliet tal-privatezza tiegħek”.',
  ok: 'OK',
}
export default mt
