import type { Banner } from '../../config/strings'

const gl: Banner = {
  title: 'As túas opcións de privacidade',
  body: 'Usamos as cookies que o sitio necesita para funcionar. Co teu consentimento, tamén para:',
  analyticsLine: 'Analíticas: medir as visitas de forma agregada',
  marketingLine: 'Márketing: medir e personalizar a publicidade, con socios publicitarios',
  functionalLine: 'Funcionais: contidos doutros sitios, como vídeos e mapas',
  anytime: 'Podes cambiar de opinión en calquera momento.',
  gpc: 'O teu navegador enviou un sinal Global Privacy Control, así que as cookies opcionais están desactivadas.',
  policy: 'Política de privacidade',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rexeitar todo',
  customise: 'Personalizar',
  settings: 'Configuración de cookies',
}
export default gl

export const details = () => import('./gl-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./gl-choices')
