import { resolveConfig, type ConfigError, type Options } from './config/options'
import { findDeclared, type CookieClass, type Declared } from './config/profiles'
import { rulesOf } from './config/regions'
import { reportLater } from './config/report'
import { decide } from './consent/choice'
import { effectiveChoices } from './consent/record'
import { classifier } from './cookies/classify'
import { createConsentGate as create, type ConsentGate } from './gate'

/**
 * The site's gate; the same one on a second call. On a bad option it throws at once an Error
 * naming the option and the value it got; what would be right follows on the console (a lazy
 * chunk, as in the script tag). On a server there is no visitor to ask: the gate refuses
 * everything and does nothing.
 */
export function createConsentGate(options: Options): ConsentGate {
  try {
    return typeof window === 'undefined' ? inertGate(options) : create(options)
  } catch (e) {
    if ((e as ConfigError)?.rule) reportLater(e)
    throw e
  }
}

function inertGate(options: Options): ConsentGate {
  const config = resolveConfig(options)
  const { categories, cookies } = config
  const noop = () => {}
  const done = () => Promise.resolve()
  return {
    getConsent: () => ({
      // Nothing to ask is the one answer a server knows without the visitor's cookie.
      decided: !categories.length,
      choices: { ...effectiveChoices([], {}) },
      categories: [...categories],
      // A server has no cookie to read: the hint it was given decides.
      policy: config.policies ? rulesOf(config.policies, config.regionHint ? [config.regionHint] : []).policy : 'opt-in',
    }),
    hasConsent: () => false,
    acceptAll: noop,
    rejectAll: noop,
    // Checked as in the browser, so a mistake shows in server-side code and tests too.
    update: (choices) => void decide(choices, 'api', config, undefined, 0),
    openPreferences: done,
    subscribe: () => noop,
    // Through the audit chunk, as in the browser, so the catalogue stays out of the entry.
    classify: (name) => import('./cookies/audit').then((m) => m.classifier(findDeclared)(name, cookies)),
    audit: () => Promise.resolve([]),
    renderCookieTable: done,
    receipt: () => undefined,
    destroy: noop,
  }
}

export type { Consent, ConsentGate } from './gate'
/** The pure classifier: `declared` (a profile's declarations) first, then the built-in catalogue. */
export const classify: (name: string, declared?: readonly Declared[]) => CookieClass = /* @__PURE__ */ classifier(findDeclared)
export type { AuditEntry } from './cookies/audit'
export type { Options } from './config/options'
export type { Category, CookieClass, Declared, Tracker } from './config/profiles'
export type { Receipt } from './consent/receipt'
export type { Choices, Via } from './consent/record'
export { VERSION } from './version'
