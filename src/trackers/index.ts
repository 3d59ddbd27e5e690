import type { Config } from '../config/options'
import type { Category } from '../config/profiles'
import { ga4 } from './ga4'
import { activateScripts } from './scripts'
import { vercel } from './vercel'

/** What the loader hands the tracker chunk; the chunk imports nothing the loader has. */
export interface TrackerSetup {
  config: Config
  version: string
  /** The page's gtag, defined by the loader before Consent Mode defaults. */
  gtag: (...args: unknown[]) => void
  cookieNames: () => string[]
}

export type ApplyChoices = (choices: Record<Category, boolean>) => void

/** The lazy tracker chunk: carries out the choices, idempotently, each time they change. */
export function createTrackers(setup: TrackerSetup): ApplyChoices {
  const { ga4: id, vercel: src } = setup.config
  const google = id && ga4(id, setup)
  const va = src && vercel(src, setup)
  return (choices) => {
    if (google) google(choices.analytics)
    if (va) va(choices.analytics)
    activateScripts((c) => choices[c as Category] === true)
  }
}
