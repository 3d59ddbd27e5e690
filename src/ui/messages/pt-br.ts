import type { Banner } from '../../config/strings'

const ptBr: Banner = {
  title: 'Suas escolhas de privacidade',
  body: 'Usamos os cookies de que o site precisa para funcionar. Com o seu consentimento, também para:',
  analyticsLine: 'Análise: medir as visitas de forma agregada',
  marketingLine: 'Marketing: medir e personalizar anúncios, com parceiros de publicidade',
  functionalLine: 'Funcionais: conteúdos de outros sites, como vídeos e mapas',
  anytime: 'Você pode mudar de ideia a qualquer momento.',
  gpc: 'Seu navegador enviou um sinal Global Privacy Control, então os cookies opcionais estão desativados.',
  policy: 'Política de privacidade',
  acceptAll: 'Aceitar todos',
  rejectAll: 'Rejeitar todos',
  customise: 'Personalizar',
  settings: 'Configurações de cookies',
}
export default ptBr

export const details = () => import('./pt-br-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./pt-br-choices')
