export const OURS: string
export const BEFORE: string
export function hintsOf(lib: string): string
export const WITH_CATEGORIES: string[]
