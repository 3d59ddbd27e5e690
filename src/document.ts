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
