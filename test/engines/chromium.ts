// Chromium through playwright-core, as the rest of the browser suite drives it, but with its
// traffic through the engines' proxy like the other two engines.
import { writeFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { launchChromium } from '../chromium.mjs'
import type { Launcher, Tab } from './driver'
import { PATIENCE } from './driver'

const KEYS = { Tab: 'Tab', 'Shift+Tab': 'Shift+Tab', Enter: 'Enter', Space: 'Space' }

const tab = (page: Page): Tab => ({
  goto: async (url) => void (await page.goto(url, { timeout: PATIENCE })),
  reload: async () => void (await page.reload({ timeout: PATIENCE })),
  front: () => page.bringToFront(),
  eval: (fn, arg) => page.evaluate(fn as never, arg),
  // playwright's CSS engine pierces open shadow roots.
  click: (css) => page.locator(css).first().click({ timeout: PATIENCE }),
  press: (key) => page.keyboard.press(KEYS[key]),
  resize: (width, height) => page.setViewportSize({ width, height }),
  screenshot: async (file) => writeFile(file, await page.screenshot()),
  cookies: () => page.context().cookies(page.url()),
})

export const launch: Launcher = async (proxy) => {
  // Chromium sends loopback past a proxy unless told not to.
  const browser = await launchChromium(`--proxy-server=http://127.0.0.1:${proxy.port}`, '--proxy-bypass-list=<-loopback>')
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    gpc: 'injected',
    async session() {
      const context = await browser.newContext()
      return {
        tab: tab(await context.newPage()),
        newTab: async () => tab(await context.newPage()),
        close: () => context.close(),
      }
    },
    close: () => browser.close(),
  }
}
