import { CATEGORIES, type Category } from '../config/profiles'
import type { Config } from '../config/options'
import { own } from '../config/own'
import { DAY_MS, newId, type Choices, type ConsentRecord, type Via } from './record'

/**
 * The record a choice makes: the given categories over the current ones (one not chosen before and
 * not given now stays not chosen), only offered categories kept (on a site that offers none, nothing can be granted), the visitor's id kept across changes.
 * Throws for anything but an object of known categories, read from its own keys only.
 */
export function decide(given: Choices, via: Via, config: Config, current: ConsentRecord | undefined, now: number): ConsentRecord {
  if (!given || typeof given !== 'object')
    throw new Error('consent-gate: update() takes an object of categories, e.g. { analytics: false }')
  for (const k of Object.keys(given))
    if (!CATEGORIES.includes(k as Category))
      // Cut: a megabyte key would make a megabyte message.
      throw new Error(`consent-gate: unknown category "${k.slice(0, 100)}"; categories are ${CATEGORIES.join(', ')}`)
  const choices: Choices = Object.create(null)
  // A category neither given now nor chosen before stays not chosen: the visitor is still asked.
  for (const c of config.categories)
    if (own(given, c)) choices[c] = given[c] === true
    else if (current && own(current.choices, c)) choices[c] = current.choices[c] === true
  return {
    revision: config.revision,
    id: current?.id ?? newId(),
    at: now,
    expires: now + config.lifetimeDays * DAY_MS,
    choices,
    via,
  }
}
