import type { Banner } from '../../config/strings'

const es: Banner = {
  title: 'Tus opciones de privacidad',
  body: 'Usamos las cookies que el sitio necesita para funcionar. Con tu consentimiento, también para:',
  analyticsLine: 'Analítica: medir las visitas de forma agregada',
  marketingLine: 'Marketing: medir y personalizar la publicidad, con socios publicitarios',
  functionalLine: 'Funcionales: contenidos de otros sitios, como vídeos y mapas',
  anytime: 'Puedes cambiar de opinión en cualquier momento.',
  gpc: 'Tu navegador envió una señal Global Privacy Control, así que las cookies opcionales están desactivadas.',
  policy: 'Política de privacidad',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  customise: 'Personalizar',
  settings: 'Configuración de cookies',
}
export default es

export const details = () => import('./es-details')

/** What opt-out and notice visitors read, fetched only under those rules. */
export const choices = () => import('./es-choices')
