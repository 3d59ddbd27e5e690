import { afterEach, vi } from 'vitest'
import type { Options } from '../../../src/config/options'
import { cookieNames } from '../../../src/cookies/jar'
import { flush, gate, scripts } from '../helpers'

/** A site of its own, as a new user would name it. */
export const acme = (options: Omit<Options, 'site'>) => gate({ site: 'acme', ...options })

export const w = window as unknown as Record<string, unknown> & {
  dataLayer?: unknown[]
  clarity?: { q?: IArguments[] }
  uetq?: unknown[]
}

// The helpers clean Google's and Vercel's globals; Microsoft's are these.
afterEach(() => {
  delete w.clarity
  delete w.uetq
  delete w.UET
})

/** What the page has requested from a host, by the scripts added. */
export const from = (host: string) => scripts().filter((s) => s?.startsWith(`https://${host}/`))

/** Cookies written as a tracker's script writes them, on the page's host. */
export const plant = (...names: string[]) => names.forEach((n) => (document.cookie = `${n}=1; Path=/`))

/** Waits for the gate to have done what it set in motion, then the cookies left. */
export const left = async () => {
  await flush()
  return cookieNames().sort()
}

export const warned = () => vi.spyOn(console, 'warn').mockImplementation(() => {})
