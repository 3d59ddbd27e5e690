import type { Banner } from '../../config/strings'

const vi: Banner = {
  title: 'Lựa chọn quyền riêng tư của bạn',
  body: 'Chúng tôi dùng các cookie cần thiết để trang web hoạt động. Nếu bạn đồng ý, chúng tôi còn dùng cho:',
  analyticsLine: 'Phân tích: đo lượt truy cập ở dạng tổng hợp',
  marketingLine: 'Tiếp thị: đo lường và cá nhân hóa quảng cáo, cùng các đối tác quảng cáo',
  functionalLine: 'Chức năng: nội dung từ trang web khác, như video và bản đồ',
  anytime: 'Bạn có thể thay đổi ý định bất cứ lúc nào.',
  gpc: 'Trình duyệt của bạn đã gửi tín hiệu Global Privacy Control, vì vậy các cookie không bắt buộc đã bị tắt.',
  policy: 'Chính sách quyền riêng tư',
  acceptAll: 'Chấp nhận tất cả',
  rejectAll: 'Từ chối tất cả',
  customise: 'Tùy chỉnh',
  settings: 'Cài đặt cookie',
}
export default vi

export const details = () => import('./vi-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./vi-choices')
