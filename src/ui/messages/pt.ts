import type { Messages } from './en'

const pt: Messages = {
  title: 'As suas escolhas de privacidade',
  body: 'Usamos os cookies de que o site precisa para funcionar. Com o seu consentimento, medimos também as visitas de forma agregada. Pode mudar de ideias a qualquer momento.',
  gpc: 'O seu navegador enviou um sinal Global Privacy Control, por isso os cookies opcionais estão desativados.',
  policy: 'Política de privacidade',
  acceptAll: 'Aceitar tudo',
  rejectAll: 'Rejeitar tudo',
  customise: 'Personalizar',
  prefsTitle: 'Preferências de cookies',
  prefsBody: 'Escolha que cookies opcionais podemos usar. Nada opcional fica ativo até que o ative.',
  save: 'Guardar escolhas',
  close: 'Fechar',
  essential: 'Essenciais',
  essentialBody: 'Necessários para o site funcionar, por exemplo para iniciar sessão e guardar esta escolha.',
  alwaysOn: 'Sempre ativos',
  analytics: 'Estatísticas',
  analyticsBody: 'Estatísticas agregadas que nos mostram como o site é usado.',
  marketing: 'Marketing',
  marketingBody: 'Medir e personalizar a publicidade.',
  cookies: 'Cookies utilizados',
  name: 'Nome',
  purpose: 'Finalidade',
  lifetime: 'Duração',
  provider: 'Fornecedor',
  settings: 'Definições de cookies',
}
export default pt
