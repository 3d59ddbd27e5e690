/*
 * The page's cookie jar, through the first accessor on the document's prototype chain: markup can
 * override `document.cookie` (`<img name="cookie">` becomes a plain property of the document),
 * which would silently drop every choice. Looked up when used, so a server import touches nothing.
 */
const jar = (): PropertyDescriptor => {
  let o: object | null = document
  let d: PropertyDescriptor | undefined
  while (o && !(d = Object.getOwnPropertyDescriptor(o, 'cookie'))?.get) o = Object.getPrototypeOf(o)
  return d!
}

export const readCookies = (): string => jar().get!.call(document)

export const writeCookie = (text: string): void => jar().set!.call(document, text)
