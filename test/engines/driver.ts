// What a promise scenario needs from a browser, whatever drives it: playwright-core (Chromium),
// puppeteer-core over WebDriver BiDi (Firefox ESR), selenium-webdriver over W3C WebDriver
// (WebKitGTK). The scenarios are written once against this; each engine's file implements it.
import type { Proxy } from './proxy'

export type EngineName = 'chromium' | 'firefox' | 'webkit'

export interface Cookie {
  name: string
  value: string
  domain: string
  path: string
}

export interface Tab {
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>
  reload(): Promise<void>
  /** Brings the tab to the front, as a visitor coming back to it. */
  front(): Promise<void>
  /** Runs `fn` in the page (it is sent as source text: no closures over test variables). */
  eval<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>
  /** A real pointer click on the first match in the document or any open shadow root, once it exists. */
  click(css: string): Promise<void>
  press(key: 'Tab' | 'Shift+Tab' | 'Enter' | 'Space'): Promise<void>
  /** Sets the page's viewport (the window's inner size) to width × height CSS pixels. */
  resize(width: number, height: number): Promise<void>
  screenshot(file: string): Promise<void>
  /** The cookies the browser would send to the current page, with their domain and path. */
  cookies(): Promise<Cookie[]>
}

export interface Session {
  tab: Tab
  /** Another tab of the same visitor (same cookies and storage). */
  newTab(): Promise<Tab>
  close(): Promise<void>
}

export interface Engine {
  name: EngineName
  /** Browser and version, as the engine reports it. */
  version: string
  /**
   * How this engine tells a page that the visitor sent Global Privacy Control: `native` through its
   * own setting, `injected` by the proxy defining `navigator.globalPrivacyControl` ahead of the page.
   */
  gpc: 'native' | 'injected'
  /** A fresh visitor: no cookies, no storage. `gpc` turns the signal on where it is native. */
  session(opts?: { gpc?: boolean }): Promise<Session>
  close(): Promise<void>
}

export type Launcher = (proxy: Proxy) => Promise<Engine>

/** Waits this long for any effect; the machine may be loaded, a pass is never slower for it. */
export const PATIENCE = 30_000

/**
 * The first element matching `css` in the document, any open shadow root or same-origin frame, as
 * page source (selenium and puppeteer send functions as text, so the helper travels with each call).
 */
export const DEEP_FIND = `function deep(css, root) {
  root = root || document
  var hit = root.querySelector(css)
  if (hit) return hit
  var all = root.querySelectorAll('*')
  for (var i = 0; i < all.length; i++) {
    var inner = all[i].shadowRoot
    if (!inner && all[i].tagName === 'IFRAME') try { inner = all[i].contentDocument } catch (e) {}
    if (inner) { hit = deep(css, inner); if (hit) return hit }
  }
  return null
}`
