import type { Config } from '../config/options'
import type { Category } from '../config/profiles'

/** What the loader hands the tracker chunk; the chunk imports nothing the loader has. */
export interface TrackerSetup {
  config: Config
  version: string
  /** The page's gtag, defined by the loader before Consent Mode defaults. */
  gtag: (...args: unknown[]) => void
  /** What is granted right now (nothing once the gate is destroyed), asked at the moment it matters. */
  granted: () => Record<Category, boolean>
}

export interface Trackers {
  /** Carries out the choices, idempotently, for every tracker; settles when all have. */
  apply(choices: Record<Category, boolean>): Promise<unknown>
  /** Stops watching the page for gated tags: the gate was destroyed. */
  stop(): void
}
