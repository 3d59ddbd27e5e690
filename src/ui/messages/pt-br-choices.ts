import type { PolicyTexts } from '../../config/strings'

const ptBr: PolicyTexts = {
  choicesLink: 'Suas escolhas de privacidade',
  choicesTitle: 'Suas escolhas de privacidade',
  choicesBody:
    'Este site e seus parceiros usam cookies para análise e publicidade. Você pode recusar a qualquer momento a venda ou o compartilhamento das suas informações pessoais e a publicidade direcionada.',
  optOut: 'Não vender nem compartilhar minhas informações pessoais',
  optedOut: 'Você recusou a venda ou o compartilhamento das suas informações pessoais e a publicidade direcionada.',
  gpcHonoured:
    'Seu navegador enviou um sinal Global Privacy Control, então a venda, o compartilhamento e a publicidade direcionada estão recusados.',
  noticeTitle: 'Cookies neste site',
  noticeBody:
    'Este site usa cookies para análise e publicidade. Você pode mudar isso a qualquer momento em “Suas escolhas de privacidade”.',
  ok: 'OK',
}
export default ptBr
