// WebKitGTK (Safari's engine) through selenium-webdriver and WebKitWebDriver, which starts
// MiniBrowser for each session. It needs a display: a private Xvfb, started and ended here. Its
// traffic goes through the engines' proxy by the session's W3C proxy capability.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { Builder, Key, type WebDriver, type WebElement } from 'selenium-webdriver'
import type { Launcher, Tab } from './driver'
import { DEEP_FIND, PATIENCE } from './driver'

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver'
export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
export const XVFB = '/usr/bin/Xvfb'
export const hasWebKit = () => [WEBKIT_DRIVER, MINIBROWSER, XVFB].every((f) => existsSync(f))

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

/** Xvfb on a display it picks itself (`-displayfd`), so parallel runs never collide. */
async function startXvfb(): Promise<{ xvfb: ChildProcess; display: string }> {
  const xvfb = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  })
  const display = await new Promise<string>((resolve, reject) => {
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)))
    xvfb.stdio[3]!.once('data', (d) => resolve(`:${String(d).trim()}`))
  })
  return { xvfb, display }
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>): Promise<T> {
  const end = Date.now() + PATIENCE
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value) return value
    if (Date.now() > end) throw new Error(`WebKit: timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

const KEYS = { Tab: [Key.TAB], 'Shift+Tab': [Key.SHIFT, Key.TAB], Enter: [Key.ENTER], Space: [Key.SPACE] }

/** WebDriver drives one window at a time: each tab brings its own window forward first. */
const tab = (driver: WebDriver, handle: string): Tab => {
  const run = async <T>(fn: () => Promise<T>) => {
    if ((await driver.getWindowHandle()) !== handle) await driver.switchTo().window(handle)
    return fn()
  }
  return {
    goto: (url) => run(() => driver.get(url)),
    reload: () => run(() => driver.navigate().refresh()),
    // Each tab is a window of its own, always shown: switching to it is all there is.
    front: () => run(async () => {}),
    eval: (fn, arg) =>
      run(() => driver.executeScript(`return (${fn}).apply(null, arguments)`, ...(arg === undefined ? [] : [arg]))),
    click: (css) =>
      run(async () => {
        const element = await until(css, () =>
          driver.executeScript<WebElement | null>(`${DEEP_FIND}; return deep(arguments[0])`, css),
        )
        await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', element)
        await driver.actions({ async: true }).move({ origin: element }).click().perform()
      }),
    press: (key) =>
      run(async () => {
        const keys = KEYS[key]
        let actions = driver.actions({ async: true })
        for (const k of keys) actions = actions.keyDown(k)
        for (const k of [...keys].reverse()) actions = actions.keyUp(k)
        await actions.perform()
      }),
    resize: (width, height) =>
      run(async () => {
        // The window's rect includes any browser chrome: size it, then correct by what is left over.
        await driver.manage().window().setRect({ width, height })
        const [w, h] = await driver.executeScript<number[]>('return [innerWidth, innerHeight]')
        if (w !== width || h !== height)
          await driver
            .manage()
            .window()
            .setRect({ width: 2 * width - w, height: 2 * height - h })
      }),
    screenshot: (file) => run(async () => writeFile(file, await driver.takeScreenshot(), 'base64')),
    cookies: () =>
      run(async () =>
        (await driver.manage().getCookies()).map(({ name, value, domain = '', path = '/' }) => ({ name, value, domain, path })),
      ),
  }
}

export const launch: Launcher = async (proxy) => {
  const { xvfb, display } = await startXvfb()
  const port = await freePort()
  const driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: display },
    stdio: 'ignore',
  })
  const server = `http://127.0.0.1:${port}`
  const stop = () => {
    driverProcess.kill()
    xvfb.kill()
  }
  try {
    await until('WebKitWebDriver', async () => (await fetch(`${server}/status`)).ok)
  } catch (e) {
    stop()
    throw e
  }
  const local = `127.0.0.1:${proxy.port}`
  const open = () =>
    new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        proxy: { proxyType: 'manual', httpProxy: local, sslProxy: local },
      })
      .build()
  // One session first: the version is the browser's own word.
  const first = await open()
  const version = `WebKitGTK ${(await first.getCapabilities()).get('browserVersion')} (MiniBrowser)`
  await first.quit()
  return {
    name: 'webkit',
    version,
    gpc: 'injected',
    async session() {
      const driver = await open()
      return {
        tab: tab(driver, await driver.getWindowHandle()),
        async newTab() {
          const back = await driver.getWindowHandle()
          // A window, not a tab: WebKitWebDriver leaves a tab it switches to in the background
          // (hidden, not rendering), where no click lands.
          await driver.switchTo().newWindow('window')
          const handle = await driver.getWindowHandle()
          await driver.switchTo().window(back)
          return tab(driver, handle)
        },
        close: () => driver.quit(),
      }
    },
    close: async () => stop(),
  }
}
