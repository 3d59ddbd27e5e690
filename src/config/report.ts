import type { Note } from './explain'

/**
 * Logs the full wording of a refused option ("must look like …") once its chunk arrives. The
 * wording is a lazy chunk in both builds, so a valid config, the common case, never pays for it.
 */
export const reportLater = (e: unknown): Promise<void> =>
  import('./explain').then(
    (m) => console.error((m.explain(e) as Error).message),
    () => console.error((e as Error).message),
  )

/** A warning worded in the same chunk, by name: `warnLater('blocked')`. */
export const warnLater = (note: Note, arg = ''): Promise<void> =>
  import('./explain').then(
    (m) => console.warn('consent-gate: ' + m.NOTES[note](arg)),
    () => console.warn('consent-gate: ' + note, arg),
  )
