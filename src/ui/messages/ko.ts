import type { Banner } from '../../config/strings'

const ko: Banner = {
  title: '개인정보 선택',
  body: '사이트 운영에 필요한 쿠키를 사용합니다. 동의하시면 방문 현황도 집계 형태로 측정합니다. 언제든지 선택을 바꾸실 수 있습니다.',
  gpc: '브라우저가 Global Privacy Control 신호를 보냈으므로 선택 쿠키는 꺼져 있습니다.',
  policy: '개인정보 처리방침',
  acceptAll: '모두 허용',
  rejectAll: '모두 거부',
  customise: '직접 설정',
  settings: '쿠키 설정',
}
export default ko

export const details = () => import('./ko-details')
