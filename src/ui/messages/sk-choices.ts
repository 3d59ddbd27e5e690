import type { PolicyTexts } from '../../config/strings'

const sk: PolicyTexts = {
  choicesLink: 'Vaše voľby ochrany súkromia',
  choicesTitle: 'Vaše voľby ochrany súkromia',
  choicesBody:
    'Táto stránka a jej partneri používajú súbory cookie na analýzu a reklamu. Predaj alebo zdieľanie svojich osobných údajov a cielenú reklamu môžete kedykoľvek odmietnuť.',
  optOut: 'Nepredávať ani nezdieľať moje osobné údaje',
  optedOut: 'Odmietli ste predaj alebo zdieľanie svojich osobných údajov a cielenú reklamu.',
  gpcHonoured: 'Váš prehliadač odoslal signál Global Privacy Control, preto sú predaj, zdieľanie aj cielená reklama odmietnuté.',
  noticeTitle: 'Súbory cookie na tejto stránke',
  noticeBody:
    'Táto stránka používa súbory cookie na analýzu a reklamu. Kedykoľvek to môžete zmeniť v časti „Vaše voľby ochrany súkromia“.',
  ok: 'OK',
}
export default sk
