const has = Object.prototype.hasOwnProperty

/**
 * Whether `key` is the object's own property. Anything the SDK reads from a page may sit on a
 * polluted `Object.prototype`; an own-property check is what an inherited value cannot fake.
 * (`Object.hasOwn` is newer than the browsers the loader supports.)
 */
export const own = (o: object, key: PropertyKey): boolean => has.call(o, key)

/**
 * A property of `document` as the browser defines it: the first accessor on its prototype chain.
 * Markup can shadow `document.cookie` or `document.currentScript` (`<img name="cookie">` becomes a
 * plain property of the document), never the accessor. Looked up when used: a server touches nothing.
 */
export const documentAccessor = (name: string): PropertyDescriptor => {
  let o: object | null = document
  let d: PropertyDescriptor | undefined
  while (o && !(d = Object.getOwnPropertyDescriptor(o, name))?.get) o = Object.getPrototypeOf(o)
  return d!
}
