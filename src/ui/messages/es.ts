import type { Banner } from '../../config/strings'

const es: Banner = {
  title: 'Tus opciones de privacidad',
  body: 'Usamos las cookies que el sitio necesita para funcionar. Con tu consentimiento también medimos las visitas de forma agregada. Puedes cambiar de opinión en cualquier momento.',
  gpc: 'Tu navegador envió una señal Global Privacy Control, así que las cookies opcionales están desactivadas.',
  policy: 'Política de privacidad',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  customise: 'Personalizar',
  settings: 'Configuración de cookies',
}
export default es

export const details = () => import('./es-details')
