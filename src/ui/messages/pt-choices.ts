import type { PolicyTexts } from '../../config/strings'

const pt: PolicyTexts = {
  choicesLink: 'As suas escolhas de privacidade',
  choicesTitle: 'As suas escolhas de privacidade',
  choicesBody:
    'Este site e os seus parceiros usam cookies para estatísticas e publicidade. Pode opor-se a qualquer momento à venda ou partilha dos seus dados pessoais e à publicidade direcionada.',
  optOut: 'Não vender nem partilhar os meus dados pessoais',
  optedOut: 'Opôs-se à venda ou partilha dos seus dados pessoais e à publicidade direcionada.',
  gpcHonoured:
    'O seu navegador enviou um sinal Global Privacy Control, por isso a venda, a partilha e a publicidade direcionada estão recusadas.',
  noticeTitle: 'Cookies neste site',
  noticeBody:
    'Este site usa cookies para estatísticas e publicidade. Pode alterar isso a qualquer momento em «As suas escolhas de privacidade».',
  ok: 'OK',
}
export default pt
