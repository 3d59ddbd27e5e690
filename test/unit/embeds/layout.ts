import { vi } from 'vitest'

/**
 * happy-dom lays nothing out (every box is 0 × 0 at 0, 0). This gives each element the box its
 * inline style or its width and height attributes declare, at its inline `left` and `top`, so
 * the embeds' visibility rules can be tested here; real layout is tested in Chromium.
 */
export function layout() {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const px = (p: 'width' | 'height' | 'left' | 'top') =>
      parseFloat(this.style.getPropertyValue(p)) || +(this.getAttribute(p) ?? 0) || 0
    return new DOMRect(px('left'), px('top'), px('width'), px('height'))
  })
}
