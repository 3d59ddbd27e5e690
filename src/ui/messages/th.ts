import type { Banner } from '../../config/strings'

const th: Banner = {
  title: 'ตัวเลือกความเป็นส่วนตัวของคุณ',
  body: 'เราใช้คุกกี้ที่จำเป็นต่อการทำงานของเว็บไซต์ หากคุณยินยอม เราจะใช้เพื่อสิ่งต่อไปนี้ด้วย',
  analyticsLine: 'การวิเคราะห์: วัดการเข้าชมแบบภาพรวม',
  marketingLine: 'การตลาด: วัดผลและปรับโฆษณาให้ตรงกับคุณ ร่วมกับพันธมิตรด้านโฆษณา',
  functionalLine: 'การใช้งาน: เนื้อหาจากเว็บไซต์อื่น เช่น วิดีโอและแผนที่',
  anytime: 'คุณเปลี่ยนใจได้ทุกเมื่อ',
  gpc: 'เบราว์เซอร์ของคุณส่งสัญญาณ Global Privacy Control คุกกี้ที่ไม่จำเป็นจึงถูกปิดไว้',
  policy: 'นโยบายความเป็นส่วนตัว',
  acceptAll: 'ยอมรับทั้งหมด',
  rejectAll: 'ปฏิเสธทั้งหมด',
  customise: 'ปรับแต่ง',
  settings: 'การตั้งค่าคุกกี้',
}
export default th

export const details = () => import('./th-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./th-choices')
