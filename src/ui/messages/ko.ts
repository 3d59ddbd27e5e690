import type { Banner } from '../../config/strings'

const ko: Banner = {
  title: '개인정보 선택',
  body: '사이트 운영에 필요한 쿠키를 사용합니다. 동의하시면 다음 목적으로도 사용합니다.',
  analyticsLine: '분석: 방문 현황을 집계 형태로 측정',
  marketingLine: '마케팅: 광고 파트너와 함께 광고를 측정하고 맞춤화',
  functionalLine: '기능: 동영상, 지도 등 다른 사이트의 콘텐츠',
  anytime: '언제든지 선택을 바꾸실 수 있습니다.',
  gpc: '브라우저가 Global Privacy Control 신호를 보냈으므로 선택 쿠키는 꺼져 있습니다.',
  policy: '개인정보 처리방침',
  acceptAll: '모두 허용',
  rejectAll: '모두 거부',
  customise: '직접 설정',
  settings: '쿠키 설정',
}
export default ko

export const details = () => import('./ko-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./ko-choices')
