// Firefox ESR through puppeteer-core over WebDriver BiDi. Its traffic goes through the engines'
// proxy by preference; Global Privacy Control is Firefox's own setting, so a visitor who sends it
// gets a browser of their own with the setting on.
import { basename } from 'node:path'
import type { Browser, ElementHandle, Page } from 'puppeteer-core'
import puppeteer from 'puppeteer-core'
import type { Launcher, Session, Tab } from './driver'
import { DEEP_FIND, PATIENCE } from './driver'

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'

const tab = (page: Page): Tab => ({
  goto: async (url) => void (await page.goto(url, { timeout: PATIENCE })),
  reload: async () => void (await page.reload({ timeout: PATIENCE })),
  front: () => page.bringToFront(),
  eval: (fn, arg) => page.evaluate(fn as never, arg) as never,
  async click(css) {
    // Found as in the other engines (DEEP_FIND), then clicked by puppeteer: scrolled into view, a
    // real pointer at its centre.
    const end = Date.now() + PATIENCE
    for (;;) {
      const found = await page.evaluateHandle((find, c) => new Function('css', `${find}; return deep(css)`)(c), DEEP_FIND, css)
      const element = found.asElement()
      if (element) return (element as ElementHandle<Element>).click()
      await found.dispose()
      if (Date.now() > end) throw new Error(`Firefox: nothing matched ${css} in time`)
      await new Promise((r) => setTimeout(r, 100))
    }
  },
  async press(key) {
    if (key === 'Shift+Tab') {
      await page.keyboard.down('Shift')
      await page.keyboard.press('Tab')
      await page.keyboard.up('Shift')
    } else await page.keyboard.press(key === 'Space' ? ' ' : key)
  },
  resize: (width, height) => page.setViewport({ width, height }),
  screenshot: async (file) => void (await page.screenshot({ path: file as `${string}.png` })),
  // Deprecated for the browser-wide jar, but exactly "what this page's URL would be sent".
  cookies: () => page.cookies(),
})

export const launch: Launcher = async (proxy) => {
  const start = (gpc: boolean) =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        // Firefox's own background traffic (settings, captive portal) would only be refused.
        'services.settings.server': 'data:,',
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'privacy.globalprivacycontrol.enabled': gpc,
        'privacy.globalprivacycontrol.functionality.enabled': true,
      },
    })
  const browser = await start(false)
  let withGpc: Promise<Browser> | undefined
  const session = async (b: Browser): Promise<Session> => {
    const context = await b.createBrowserContext()
    return {
      tab: tab(await context.newPage()),
      newTab: async () => tab(await context.newPage()),
      close: () => context.close(),
    }
  }
  return {
    name: 'firefox',
    version: `${(await browser.version()).replace(/^firefox\//i, 'Firefox ')} (${basename(FIREFOX)})`,
    gpc: 'native',
    session: async ({ gpc = false } = {}) => session(gpc ? await (withGpc ??= start(true)) : browser),
    async close() {
      await browser.close()
      await (await withGpc)?.close()
    },
  }
}
