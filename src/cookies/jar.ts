import { documentAccessor } from '../config/own'

/** The page's cookie jar, through the document's own accessor, whatever markup shadows it. */
export const readCookies = (): string => documentAccessor('cookie').get!.call(document)

export const writeCookie = (text: string): void => documentAccessor('cookie').set!.call(document, text)
