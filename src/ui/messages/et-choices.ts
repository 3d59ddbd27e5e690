import type { PolicyTexts } from '../../config/strings'

const et: PolicyTexts = {
  choicesLink: 'Sinu privaatsusvalikud',
  choicesTitle: 'Sinu privaatsusvalikud',
  choicesBody:
    'See sait ja selle partnerid kasutavad küpsiseid analüütikaks ja reklaamiks. Võid igal ajal keelduda oma isikuandmete müügist või jagamisest ning sihitud reklaamist.',
  optOut: 'Ära müü ega jaga minu isikuandmeid',
  optedOut: 'Oled keeldunud oma isikuandmete müügist või jagamisest ning sihitud reklaamist.',
  gpcHonoured:
    'Sinu brauser saatis Global Privacy Controli signaali, seega oled keeldunud müügist, jagamisest ja sihitud reklaamist.',
  noticeTitle: 'Küpsised sellel saidil',
  noticeBody:
    'See sait kasutab küpsiseid analüütikaks ja reklaamiks. Saad seda igal ajal muuta jaotises „Sinu privaatsusvalikud“.',
  ok: 'OK',
}
export default et
