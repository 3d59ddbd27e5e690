import type { PolicyTexts } from '../../config/strings'

const ko: PolicyTexts = {
  choicesLink: '개인정보 선택',
  choicesTitle: '개인정보 선택',
  choicesBody:
    '이 사이트와 파트너는 분석 및 광고에 쿠키를 사용합니다. 언제든지 개인정보의 판매 또는 공유와 맞춤형 광고를 거부하실 수 있습니다.',
  optOut: '내 개인정보를 판매하거나 공유하지 않음',
  optedOut: '개인정보의 판매 또는 공유와 맞춤형 광고를 거부하셨습니다.',
  gpcHonoured: '브라우저가 Global Privacy Control 신호를 보냈으므로 판매, 공유 및 맞춤형 광고가 거부되었습니다.',
  noticeTitle: '이 사이트의 쿠키',
  noticeBody: '이 사이트는 분석 및 광고에 쿠키를 사용합니다. 언제든지 ‘개인정보 선택’에서 변경하실 수 있습니다.',
  ok: '확인',
}
export default ko
