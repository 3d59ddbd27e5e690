export function derive(text: string, file?: string): string
