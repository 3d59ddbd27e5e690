import type { Messages } from './en'

const es: Messages = {
  title: 'Tus opciones de privacidad',
  body: 'Usamos las cookies que el sitio necesita para funcionar. Con tu consentimiento también medimos las visitas de forma agregada. Puedes cambiar de opinión en cualquier momento.',
  gpc: 'Tu navegador envió una señal Global Privacy Control, así que las cookies opcionales están desactivadas.',
  policy: 'Política de privacidad',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  customise: 'Personalizar',
  prefsTitle: 'Preferencias de cookies',
  prefsBody: 'Elige qué cookies opcionales podemos usar. Nada opcional se activa hasta que tú lo actives.',
  save: 'Guardar selección',
  close: 'Cerrar',
  essential: 'Esenciales',
  essentialBody: 'Necesarias para que el sitio funcione, por ejemplo para iniciar sesión y recordar esta elección.',
  alwaysOn: 'Siempre activas',
  analytics: 'Analítica',
  analyticsBody: 'Estadísticas agregadas que nos muestran cómo se usa el sitio.',
  marketing: 'Marketing',
  marketingBody: 'Medir y personalizar la publicidad.',
  cookies: 'Cookies utilizadas',
  name: 'Nombre',
  purpose: 'Finalidad',
  lifetime: 'Duración',
  provider: 'Proveedor',
  settings: 'Configuración de cookies',
}
export default es
