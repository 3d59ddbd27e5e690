import type { Category } from '../../config/profiles'

/**
 * What an embed's placeholder may offer, decided from data only. The embed's markup may come
 * from anyone (a comment, a CMS field), so a placeholder's button does no more than it says:
 * "load this one" loads that element and grants nothing; "always allow" grants a category for
 * the whole site, so it is offered only where its label (provider and category) is the truth.
 */

/**
 * The smallest side, in CSS px, of an embed that gets buttons: a box narrower or lower cannot
 * show what it loads and from whom beside a 44 px button, and a 1×1 image is a tracking pixel.
 */
export const MIN_SIDE = 48

/** Below this opacity (the embed's and its ancestors', multiplied) an embed counts as invisible. */
export const MIN_OPACITY = 0.5

/** Content from a listed provider is a feature (functional) or comes with its ads (marketing); never analytics. */
const ALWAYS: readonly Category[] = ['functional', 'marketing']

/** How an embed is laid out, as the browser measured it. */
export interface Sight {
  /** The box the placeholder takes (its border box), in CSS px. */
  width: number
  height: number
  /** Its right and bottom edges in page coordinates: at or above 0, no one can scroll to it. */
  right: number
  bottom: number
  /** Its own opacity times its ancestors'. */
  opacity: number
  /** display: none, `hidden`, or visibility: hidden on the embed itself (or inherited). */
  hidden: boolean
  /**
   * A filter, mask, clip-path or blend mode on it or an ancestor, or a transform that makes its
   * box on screen other than its laid-out size: any of them can hide or blow up what it shows.
   */
  altered: boolean
}

/** Whether a visitor can see the embed's box well enough to be asked about it. */
export const visible = (s: Sight): boolean =>
  !s.hidden &&
  !s.altered &&
  s.opacity >= MIN_OPACITY &&
  s.width >= MIN_SIDE &&
  s.height >= MIN_SIDE &&
  s.right > 0 &&
  s.bottom > 0

export interface Offer {
  /** "Load this one": this element only, no consent recorded. */
  load: boolean
  /** "Always allow <provider>": grants `category` site-wide; the provider's name, or undefined. */
  always?: string
}

/**
 * The buttons of a placeholder. A category the site does not offer gets none (its embed never
 * loads); an invisible or tiny embed gets none (what the visitor cannot see, they cannot agree
 * to); "always allow" only for a listed provider whose content the category truly describes.
 */
export function offer(category: string, offered: readonly Category[], provider: string | undefined, sight: Sight): Offer {
  const ok = offered.includes(category as Category) && visible(sight)
  return { load: ok, always: ok && provider && ALWAYS.includes(category as Category) ? provider : undefined }
}
