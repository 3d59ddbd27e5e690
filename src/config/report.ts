import type { Note } from './explain'

/**
 * Logs the full wording of a refused option ("must look like …") once its chunk arrives. The
 * wording is a lazy chunk in both builds, so a valid config, the common case, never pays for it.
 */
export const reportLater = (e: unknown): Promise<void> =>
  import('./explain')
    .then((m) => m.explain(e))
    // A page's getter may throw anything, even an object shaped like a refused option but not
    // one: what explain cannot word is said as it was thrown, `null` or a string too.
    .catch(() => e)
    .then((e) => console.error((e as Error)?.message ?? e))

/** A warning worded in the same chunk, by name: `warnLater('blocked')`. */
export const warnLater = (note: Note, arg = ''): Promise<void> =>
  import('./explain').then(
    (m) => console.warn('consent-gate: ' + m.NOTES[note](arg)),
    () => console.warn('consent-gate: ' + note, arg),
  )
