// The bench's key numbers as the docs quote them: a block between two marker lines, copied
// verbatim from RESULTS.md by `npm run bench` and held equal by test/unit/docs.test.ts.

export const KEY_START = '<!-- bench:key-numbers, copied from test/bench/RESULTS.md by `npm run bench` -->'
export const KEY_END = '<!-- /bench:key-numbers -->'
/** The files that quote the block. */
export const QUOTING = ['README.md', 'docs/performance.md']

/**
 * The block in a text, or undefined: each line trimmed, a table's cell padding and the length of
 * its `---` rules ignored, so a formatter that aligns the table changes nothing.
 */
export function keyBlock(text) {
  const a = text.indexOf(KEY_START)
  const b = text.indexOf(KEY_END)
  if (a < 0 || b < a) return undefined
  return text
    .slice(a, b + KEY_END.length)
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/\s*\|\s*/g, '|')
        .replace(/-{3,}/g, '---'),
    )
    .filter(Boolean)
    .join('\n')
}
