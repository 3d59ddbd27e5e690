import type { PolicyTexts } from '../../config/strings'

const nl: PolicyTexts = {
  choicesLink: 'Jouw privacykeuzes',
  choicesTitle: 'Jouw privacykeuzes',
  choicesBody:
    'Deze site en haar partners gebruiken cookies voor statistieken en advertenties. Je kunt altijd bezwaar maken tegen de verkoop of het delen van je persoonsgegevens en tegen gerichte advertenties.',
  optOut: 'Mijn persoonsgegevens niet verkopen of delen',
  optedOut: 'Je hebt bezwaar gemaakt tegen de verkoop of het delen van je persoonsgegevens en tegen gerichte advertenties.',
  gpcHonoured: 'Je browser stuurde een Global Privacy Control-signaal, dus verkoop, delen en gerichte advertenties staan uit.',
  noticeTitle: 'Cookies op deze site',
  noticeBody:
    'Deze site gebruikt cookies voor statistieken en advertenties. Je kunt dat altijd wijzigen onder ‘Jouw privacykeuzes’.',
  ok: 'OK',
}
export default nl
