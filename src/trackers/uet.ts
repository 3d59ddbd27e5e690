import type { Category } from '../config/profiles'
import { injectScript } from './inject'
import type { TrackerSetup } from './setup'

interface UetWindow {
  uetq?: { push(...args: unknown[]): unknown }
  UET?: new (options: { ti: string; q: unknown }) => { push(...args: unknown[]): unknown }
}

/**
 * Microsoft Advertising's UET tag. The queue says "denied" before anything else, every choice
 * follows as an update, and bat.js loads on the first yes to marketing. Started as Microsoft's
 * snippet starts it: once bat.js has run, a `UET` built on the queue replaces it (draining it)
 * and records the page load. A withdrawal is the update to denied; the loader removes its cookies.
 */
export function start({ config }: TrackerSetup) {
  const ti = config.uet!.tagId
  let queued = false
  let loaded = false
  return ({ marketing: grant }: Record<Category, boolean>): void => {
    const w = window as unknown as UetWindow
    const q = (w.uetq ||= [])
    if (!queued) q.push('consent', 'default', { ad_storage: 'denied' })
    queued = true
    q.push('consent', 'update', { ad_storage: grant ? 'granted' : 'denied' })
    if (!grant || loaded) return
    injectScript('https://bat.bing.com/bat.js', {}, config.nonce).onload = () => {
      // A page that broke bat.js has no UET to start.
      if (typeof w.UET == 'function') (w.uetq = new w.UET({ ti, q: w.uetq })).push('pageLoad')
    }
    loaded = true
  }
}
