import { CATEGORIES } from '../../config/profiles'
import type { StoredReceipt } from '../store'

/**
 * The export's columns, one per field, a choice per category ("true", "false", or empty when the
 * site did not offer it). A field added to receipts gets its column here.
 */
const COLUMNS: [header: string, cell: (r: StoredReceipt) => string | undefined][] = [
  ['receivedAt', (r) => r.receivedAt],
  ['consentId', (r) => r.consentId],
  ['givenAt', (r) => r.givenAt],
  ['expiresAt', (r) => r.expiresAt],
  ['site', (r) => r.site],
  ['revision', (r) => r.revision],
  ['via', (r) => r.via],
  ...CATEGORIES.map((c): (typeof COLUMNS)[number] => [c, (r) => r.choices[c]?.toString()]),
  ['lang', (r) => r.lang],
  ['wording', (r) => r.wording],
  ['gpc', (r) => r.gpc?.toString()],
  ['region', (r) => r.region],
  ['policy', (r) => r.policy],
  ['sdkVersion', (r) => r.sdkVersion],
  ['ip', (r) => r.ip],
  ['userAgent', (r) => r.userAgent],
]

/**
 * One cell, RFC 4180: quoted when it holds a quote, a comma or a line break, quotes doubled. A
 * spreadsheet runs a cell beginning with =, +, - or @ (or a tab or carriage return, which some
 * strip first) as a formula: such a cell gets a leading apostrophe, which shows it as text (OWASP).
 */
export const csvCell = (value: string | undefined = ''): string => {
  const text = /^[=+\-@\t\r]/.test(value) ? "'" + value : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const row = (cells: (string | undefined)[]) => cells.map(csvCell).join(',') + '\r\n'

/** The header row, after a byte order mark: without one, Excel reads UTF-8 as the local code page. */
export const csvHeader = () => '\ufeff' + row(COLUMNS.map(([header]) => header))

export const csvRow = (r: StoredReceipt) => row(COLUMNS.map(([, cell]) => cell(r)))
