import type { PolicyTexts } from '../../config/strings'

const vi: PolicyTexts = {
  choicesLink: 'Lựa chọn quyền riêng tư của bạn',
  choicesTitle: 'Lựa chọn quyền riêng tư của bạn',
  choicesBody:
    'Trang web này và các đối tác dùng cookie để phân tích và quảng cáo. Bạn có thể từ chối việc bán hoặc chia sẻ thông tin cá nhân của mình và quảng cáo nhắm mục tiêu bất cứ lúc nào.',
  optOut: 'Không bán hoặc chia sẻ thông tin cá nhân của tôi',
  optedOut: 'Bạn đã từ chối việc bán hoặc chia sẻ thông tin cá nhân của mình và quảng cáo nhắm mục tiêu.',
  gpcHonoured:
    'Trình duyệt của bạn đã gửi tín hiệu Global Privacy Control, vì vậy việc bán, chia sẻ và quảng cáo nhắm mục tiêu đã bị từ chối.',
  noticeTitle: 'Cookie trên trang web này',
  noticeBody:
    'Trang web này dùng cookie để phân tích và quảng cáo. Bạn có thể thay đổi điều đó bất cứ lúc nào trong “Lựa chọn quyền riêng tư của bạn”.',
  ok: 'OK',
}
export default vi
