import type { Purpose } from './lookup'
import { ROWS, TEXT } from './purpose-tables'

/**
 * The purposes chunk: the catalogue's English wording (category, purpose, retention), most of its
 * weight. The tripwire and `gate.classify()` never need it; `gate.audit()` and a cookie table or
 * dialog that fills a declaration from the catalogue fetch it.
 */
let rows: string[] | undefined

/** The wording of row `row` of the catalogue (`Known.row`, from the audit chunk's tables). */
export const purposeOf = (row: number): Purpose => {
  const [category, purpose, retention] = (rows ??= ROWS.split(' '))[row].split(',').map((i) => TEXT[parseInt(i, 36)])
  return { category, purpose, retention }
}
