import { resolveConfig, type Options } from './config/options'
import { explain } from './config/explain'
import { effectiveChoices } from './consent/record'
import { classifier } from './cookies/classify'
import { findDeclared } from './cookies/declared'
import { createConsentGate as create, type ConsentGate } from './gate'

/**
 * The site's gate; the same one on a second call. Throws an Error naming a bad option, what it
 * got and what would be right. On a server there is no visitor to ask: the gate refuses
 * everything and does nothing.
 */
export function createConsentGate(options: Options): ConsentGate {
  try {
    return typeof window === 'undefined' ? inertGate(options) : create(options)
  } catch (e) {
    throw explain(e)
  }
}

function inertGate(options: Options): ConsentGate {
  const { categories, cookies } = resolveConfig(options)
  const noop = () => {}
  const done = () => Promise.resolve()
  return {
    getConsent: () => ({ decided: false, choices: { ...effectiveChoices([], {}) }, categories: [...categories] }),
    hasConsent: () => false,
    acceptAll: noop,
    rejectAll: noop,
    update: noop,
    openPreferences: done,
    subscribe: () => noop,
    classify: (name) => Promise.resolve(classify(name, cookies)),
    audit: () => Promise.resolve([]),
    renderCookieTable: done,
    receipt: () => undefined,
    destroy: noop,
  }
}

export type { Consent, ConsentGate } from './gate'
/** The pure classifier: `declared` (a profile's declarations) first, then the built-in catalogue. */
export const classify = classifier(findDeclared)
export type { AuditEntry } from './cookies/audit'
export type { Options } from './config/options'
export type { Category, CookieClass, Declared, Tracker } from './config/profiles'
export type { Receipt } from './consent/receipt'
export type { Choices, Via } from './consent/record'
export { VERSION } from './version'
