/*
 * How the loader runs its steps: each on its own, so one that throws (a page's callback, a
 * missing browser API) is logged and the others still happen; chunks fetched once; the rest
 * when the page is idle.
 */

/** Runs one step of the gate; a step that throws is logged and stops nothing else. */
export const guard = (step: () => void): void => {
  try {
    step()
  } catch (e) {
    console.error('consent-gate:', e)
  }
}

/**
 * Where a chunk that could not be fetched or run is reported: the browser's error names the file,
 * and the page goes on without it (no banner means no consent, so nothing is lost but the ask).
 */
export const lost = (e: unknown): void => console.error('consent-gate: a part could not load', e)

/** Memoises a chunk's fetch; a failed fetch is forgotten, so the next call tries again. */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined
  // A load that throws at once (a missing browser API) fails like one that rejects.
  return () =>
    (p ||= new Promise<T>((resolve) => resolve(load())).catch((e) => {
      p = undefined
      throw e
    }))
}

/** Runs a task when the main thread is idle, or within a second on a busy page. */
export const idle = (task: () => void): unknown =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(() => task(), { timeout: 1000 }) : setTimeout(task)

/** Resolves once <body> exists, i.e. at once unless the loader runs early in <head>. */
export const whenBody = (): Promise<void> =>
  new Promise<void>((resolve) =>
    document.body ? resolve() : document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  )
