const has = Object.prototype.hasOwnProperty

/**
 * Whether `key` is the object's own property. Anything the SDK reads from a page may sit on a
 * polluted `Object.prototype`; an own-property check is what an inherited value cannot fake.
 * (`Object.hasOwn` is newer than the browsers the loader supports.)
 */
export const own = (o: object, key: PropertyKey): boolean => has.call(o, key)

/** A prototype-free object with `value` under each of `keys`: Accept all's choices, a spec per text. */
export const fill = <K extends string, V>(keys: readonly K[], value: V): Record<K, V> => {
  const out = Object.create(null)
  for (const k of keys) out[k] = value
  return out
}
