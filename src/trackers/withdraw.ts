import { clearCookie } from '../cookies/clear'
import type { TrackerSetup } from './setup'

/**
 * The withdrawal chunk: removing a tracker's cookies takes js-cookie and every scope, and only a
 * withdrawal needs it, so a visitor whose consent stands never downloads it. The tracker chunk
 * fetches it once its trackers are stopped.
 */
export function clearCookies(names: string[], scopes: TrackerSetup['scopes']): void {
  for (const name of names) clearCookie(name, scopes)
}
