import { afterEach, onTestFinished, vi } from 'vitest'
import { createConsentGate, type ConsentGate } from '../../src/index'
import type { Options } from '../../src/config/options'
import { cookieNames, removeCookie } from '../../src/cookies/jar'

const gates: ConsentGate[] = []

/** A gate that is destroyed, with the page's cookies and globals, after the test. */
export function gate(options: Options): ConsentGate {
  const g = createConsentGate(options)
  gates.push(g)
  return g
}

export const GA = { measurementId: 'G-TEST1234' }

afterEach(() => {
  vi.restoreAllMocks()
  gates.splice(0).forEach((g) => g.destroy())
  cookieNames().forEach(removeCookie)
  document.head.innerHTML = ''
  document.body.innerHTML = ''
  const w = window as unknown as Record<string, unknown>
  for (const k of Object.keys(w))
    if (k === 'dataLayer' || k === 'gtag' || k === 'va' || k === 'vaq' || k.startsWith('ga-disable-')) delete w[k]
})

// Lazy chunks are compiled on first import, which under load takes long; compiled here once, a
// chunk the gate asks for lands within microtasks, so `flush` and `vi.waitFor` wait for the SDK.
const chunks = () =>
  Promise.all([
    import('../../src/trackers/index'),
    import('../../src/ui/index'),
    import('../../src/ui/dialog'),
    import('../../src/ui/table'),
    import('../../src/ui/embeds/index'),
    import('../../src/ui/messages/en'),
    import('../../src/ui/messages/en-details'),
    import('../../src/ui/messages/de'),
    import('../../src/ui/messages/de-details'),
    import('../../src/ui/wording'),
    import('../../src/config/explain'),
    import('../../src/cookies/audit'),
  ])
await chunks()

/** One zero-delay task: timers queued before it, like the gate's start-up and idle tasks, have run. */
export const tick = () => new Promise((r) => setTimeout(r))

/**
 * Lets the gate finish what it has set in motion, for a test that then checks nothing happened:
 * its start-up and idle tasks run, the chunks they asked for land, and so does what those do.
 * It waits for that work, never for a length of time.
 */
export async function flush() {
  await tick()
  await chunks()
  await tick()
}

export const scripts = () => Array.from(document.querySelectorAll('script')).map((s) => s.getAttribute('src'))

/** dataLayer entries as plain arrays, e.g. ['consent', 'default', {...}]. */
export const layer = () => ((window as unknown as { dataLayer?: IArguments[] }).dataLayer ?? []).map((a) => Array.from(a))

/** A gated tag an app adds after start-up: `<script type="text/plain" data-consent=… src=…>`, in the body. */
export function addGatedTag(category: string, src?: string): HTMLScriptElement {
  const tag = document.createElement('script')
  tag.type = 'text/plain'
  tag.setAttribute('data-consent', category)
  if (src) tag.setAttribute('src', src)
  document.body.append(tag)
  return tag
}

/** A site's own functional cookie, declared with all its wording. */
export const CHAT = {
  name: 'chat_prefs',
  class: 'functional' as const,
  purpose: 'Keeps the chat open',
  lifetime: '1 year',
  provider: 'Acme',
}

/** Counts the tabs channels the SDK opens, until the test ends; `Channel` is the real class, for a test's own. */
export function watchChannels() {
  const Channel = BroadcastChannel
  const opened = vi.fn()
  vi.stubGlobal('BroadcastChannel', function (name: string) {
    opened(name)
    return new Channel(name)
  })
  onTestFinished(() => void vi.unstubAllGlobals())
  return { opened, Channel }
}
