import type { PolicyTexts } from '../../config/strings'

const es: PolicyTexts = {
  choicesLink: 'Tus opciones de privacidad',
  choicesTitle: 'Tus opciones de privacidad',
  choicesBody:
    'Este sitio y sus socios usan cookies para analítica y publicidad. Puedes pedir en cualquier momento que no se venda ni se comparta tu información personal y que no se use para publicidad dirigida.',
  optOut: 'No vender ni compartir mi información personal',
  optedOut: 'Has pedido que no se venda ni se comparta tu información personal y que no se use para publicidad dirigida.',
  gpcHonoured:
    'Tu navegador envió una señal Global Privacy Control, así que tu información no se venderá, no se compartirá ni se usará para publicidad dirigida.',
  noticeTitle: 'Cookies en este sitio',
  noticeBody:
    'Este sitio usa cookies para analítica y publicidad. Puedes cambiarlo en cualquier momento en «Tus opciones de privacidad».',
  ok: 'Aceptar',
}
export default es
