export const KEY_START: string
export const KEY_END: string
export const QUOTING: string[]
export function keyBlock(text: string): string | undefined
