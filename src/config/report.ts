/**
 * Logs the full wording of a refused option ("must look like …") once its chunk arrives. The
 * wording is a lazy chunk in both builds, so a valid config, the common case, never pays for it.
 */
export const reportLater = (e: unknown): Promise<void> =>
  import('./explain').then(
    (m) => console.error((m.explain(e) as Error).message),
    () => console.error((e as Error).message),
  )
