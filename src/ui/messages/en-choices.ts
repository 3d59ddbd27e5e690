import type { PolicyTexts } from '../../config/strings'

const en: PolicyTexts = {
  choicesLink: 'Your privacy choices',
  choicesTitle: 'Your privacy choices',
  choicesBody:
    'This site and its partners use cookies for analytics and advertising. You can opt out of the sale or sharing of your personal information, and of targeted advertising, at any time.',
  optOut: 'Do not sell or share my personal information',
  optedOut: 'You are opted out of the sale or sharing of your personal information and of targeted advertising.',
  gpcHonoured: 'Your browser sent a Global Privacy Control signal, so you are opted out of sale, sharing and targeted advertising.',
  noticeTitle: 'Cookies on this site',
  noticeBody: 'This site uses cookies for analytics and advertising. You can change that at any time under "Your privacy choices".',
  ok: 'OK',
}
export default en
