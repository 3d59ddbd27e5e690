import { vi } from 'vitest'

const px = (e: HTMLElement, p: 'width' | 'height' | 'left' | 'top') =>
  parseFloat(e.style.getPropertyValue(p)) || +(e.getAttribute(p) ?? 0) || 0

/**
 * happy-dom lays nothing out (every box is 0 × 0 at 0, 0). This gives each element the box its
 * inline style or its width and height attributes declare, on screen and as laid out (nothing is
 * scaled), at its inline `left` and `top`, so the embeds' visibility rules can be tested here;
 * real layout is tested in Chromium.
 */
export function layout() {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    return new DOMRect(px(this, 'left'), px(this, 'top'), px(this, 'width'), px(this, 'height'))
  })
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return px(this, 'width')
  })
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return px(this, 'height')
  })
}
