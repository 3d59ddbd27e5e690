import type { Banner } from '../../config/strings'

const pt: Banner = {
  title: 'As suas escolhas de privacidade',
  body: 'Usamos os cookies de que o site precisa para funcionar. Com o seu consentimento, também para:',
  analyticsLine: 'Estatísticas: medir as visitas de forma agregada',
  marketingLine: 'Marketing: medir e personalizar a publicidade, com parceiros publicitários',
  functionalLine: 'Funcionais: conteúdos de outros sites, como vídeos e mapas',
  anytime: 'Pode mudar de ideias a qualquer momento.',
  gpc: 'O seu navegador enviou um sinal Global Privacy Control, por isso os cookies opcionais estão desativados.',
  policy: 'Política de privacidade',
  acceptAll: 'Aceitar tudo',
  rejectAll: 'Rejeitar tudo',
  customise: 'Personalizar',
  settings: 'Definições de cookies',
}
export default pt

export const details = () => import('./pt-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./pt-choices')
