import type { PolicyTexts } from '../../config/strings'

const gl: PolicyTexts = {
  choicesLink: 'As túas opcións de privacidade',
  choicesTitle: 'As túas opcións de privacidade',
  choicesBody:
    'Este sitio e os seus socios usan cookies para análise e publicidade. Podes opoñerte en calquera momento á venda ou compartición da túa información persoal e á publicidade dirixida.',
  optOut: 'Non vender nin compartir a miña información persoal',
  optedOut: 'Opuxécheste á venda ou compartición da túa información persoal e á publicidade dirixida.',
  gpcHonoured:
    'O teu navegador enviou un sinal Global Privacy Control, así que se rexeitan a venda, a compartición e a publicidade dirixida.',
  noticeTitle: 'Cookies neste sitio',
  noticeBody:
    'Este sitio usa cookies para análise e publicidade. Podes cambialo en calquera momento en «As túas opcións de privacidade».',
  ok: 'Aceptar',
}
export default gl
