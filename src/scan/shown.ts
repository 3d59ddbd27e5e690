// Anything a page chose (a cookie name, a URL, an error message) reaches the terminal only through
// here: a page must not be able to move the cursor, recolour, clear or reorder what the scanner
// prints, e.g. to paint "No violations." over its own findings.

/**
 * Controls (C0, DEL, C1: ESC starts every ANSI sequence), format characters (bidi embeddings,
 * overrides, isolates and marks, zero-width and invisible characters), line and paragraph
 * separators, lone surrogates and private-use characters, and the backslash that would make an
 * escape ambiguous.
 */
const UNSAFE = /[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}]/gu

const escape = (c: string): string => {
  if (c === '\\') return '\\\\'
  const code = c.codePointAt(0)!
  return code <= 0xff ? '\\x' + code.toString(16).padStart(2, '0') : '\\u{' + code.toString(16) + '}'
}

/** Page-derived text as it may be printed: one line, every unsafe character escaped, at most `max` characters. */
export const shown = (text: unknown, max = 300): string => {
  const s = [...String(text).replace(UNSAFE, escape)]
  return s.length > max ? s.slice(0, max).join('') + '…' : s.join('')
}
