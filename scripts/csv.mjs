// A small RFC 4180 reader and writer: quoted fields, doubled quotes, commas and newlines inside
// quotes. Enough for the catalogue's data files; no dependency.

/** Rows of fields. A trailing newline does not make an empty row. */
export function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c !== '"') field += c
      else if (text[i + 1] === '"') ((field += '"'), i++)
      else quoted = false
    } else if (c === '"') quoted = true
    else if (c === ',') (row.push(field), (field = ''))
    else if (c === '\n') (row.push(field), rows.push(row), (row = []), (field = ''))
    else if (c !== '\r') field += c
  }
  if (field || row.length) (row.push(field), rows.push(row))
  return rows
}

/** Rows as objects keyed by the header row; a row with the wrong number of fields throws. */
export function readRecords(text, file) {
  const [header, ...rows] = parseCsv(text)
  return rows.map((fields, i) => {
    if (fields.length !== header.length)
      throw new Error(`${file}:${i + 2}: ${fields.length} fields, the header has ${header.length}`)
    return Object.fromEntries(header.map((h, j) => [h, fields[j]]))
  })
}

const quote = (v) => (/[",\n\r]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v)

export const writeCsv = (header, rows) =>
  [header, ...rows.map((r) => header.map((h) => String(r[h] ?? '')))].map((r) => r.map(quote).join(',')).join('\n') + '\n'
