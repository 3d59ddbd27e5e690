import type { Category } from '../config/profiles'

type Gtag = (...args: unknown[]) => void
interface GoogleWindow {
  dataLayer?: unknown[]
  gtag?: Gtag
}

/** The page's gtag, defined the way Google's snippet does if the page has none. */
export function gtag(): Gtag {
  const w = window as unknown as GoogleWindow
  w.dataLayer = w.dataLayer || []
  // gtag.js treats an `arguments` object differently from an array: push `arguments` itself.
  return (w.gtag ||= function () {
    // eslint-disable-next-line prefer-rest-params
    ;(w.dataLayer = w.dataLayer || []).push(arguments)
  })
}

/**
 * Consent Mode v2 signals for our categories. `security_storage` (authentication, fraud
 * prevention) is strictly necessary, so it is granted from the defaults on, like essential cookies.
 */
export const signals = (choices: Record<Category, boolean>) => {
  const value = (granted: boolean) => (granted ? 'granted' : 'denied')
  const ads = value(choices.marketing)
  const functional = value(choices.functional)
  return {
    analytics_storage: value(choices.analytics),
    ad_storage: ads,
    ad_user_data: ads,
    ad_personalization: ads,
    functionality_storage: functional,
    personalization_storage: functional,
    security_storage: 'granted',
  }
}

/**
 * Consent Mode must say "denied" before gtag.js processes anything, and it stores nothing, so on
 * every page the default goes first and the stored choice follows as an update.
 */
export function consentDefault(): void {
  const g = gtag()
  // No category is granted: each reads as denied.
  g('consent', 'default', { ...signals({} as Record<Category, boolean>), wait_for_update: 500 })
  g('set', 'ads_data_redaction', true)
}

/**
 * The update, then an event a Tag Manager trigger can fire on (docs/options.md): every time a
 * choice is carried out, on every page that has a stored one too.
 */
export const consentUpdate = (choices: Record<Category, boolean>): void => {
  gtag()('consent', 'update', signals(choices))
  ;(window as GoogleWindow).dataLayer!.push({ event: 'consent_update' })
}
