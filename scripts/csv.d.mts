export function parseCsv(text: string): string[][]
export function readRecords(text: string, file: string): Record<string, string>[]
export function writeCsv(header: string[], rows: Record<string, unknown>[]): string
