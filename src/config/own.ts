const has = Object.prototype.hasOwnProperty

/**
 * Whether `key` is the object's own property. Anything the SDK reads from a page may sit on a
 * polluted `Object.prototype`; an own-property check is what an inherited value cannot fake.
 * (`Object.hasOwn` is newer than the browsers the loader supports.)
 */
export const own = (o: object, key: PropertyKey): boolean => has.call(o, key)
