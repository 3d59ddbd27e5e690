export const CLASS_OF: Record<string, string>
export function buildCatalogue(): void
export function mergeCatalogue(): {
  entries: { key: string; class: string; source: string; note?: string }[]
  reclassified: { key: string; from: string; to: string; by: string }[]
}
