export const OURS: string
export const BEFORE: string
export function hintsOf(lib: string): string
