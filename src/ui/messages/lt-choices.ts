import type { PolicyTexts } from '../../config/strings'

const lt: PolicyTexts = {
  choicesLink: 'Jūsų privatumo pasirinkimai',
  choicesTitle: 'Jūsų privatumo pasirinkimai',
  choicesBody:
    'Ši svetainė ir jos partneriai naudoja slapukus analitikai ir reklamai. Bet kada galite atsisakyti savo asmeninės informacijos pardavimo ar dalijimosi ja bei tikslinės reklamos.',
  optOut: 'Neparduoti ir nesidalyti mano asmenine informacija',
  optedOut: 'Atsisakėte savo asmeninės informacijos pardavimo ar dalijimosi ja bei tikslinės reklamos.',
  gpcHonoured:
    'Jūsų naršyklė atsiuntė Global Privacy Control signalą, todėl pardavimo, dalijimosi ir tikslinės reklamos atsisakyta.',
  noticeTitle: 'Slapukai šioje svetainėje',
  noticeBody:
    'Ši svetainė naudoja slapukus analitikai ir reklamai. Tai bet kada galite pakeisti skiltyje „Jūsų privatumo pasirinkimai“.',
  ok: 'Gerai',
}
export default lt
