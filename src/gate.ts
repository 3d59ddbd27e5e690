import { CATEGORIES, categoryOf, type Category, type CookieClass } from './config/profiles'
import { resolveConfig, type Config, type Options } from './config/options'
import { toReceipt, type Receipt } from './consent/receipt'
import { effectiveChoices, isCurrent, newId, type ConsentRecord } from './consent/record'
import { cookieStore } from './consent/store'
import type { AuditEntry } from './cookies/audit'
import { cookieNames, findDeclared, stored as storedNames } from './cookies/declared'
import { consentDefault, consentUpdate, gtag } from './trackers/consent-mode'
import type { Choices, TableContext, UiHandle, Via } from './ui/context'
import { loadLanguage, pickLanguage } from './ui/language'
import type { Banner, Messages } from './ui/messages/en'
import { VERSION } from './version'

export interface Consent {
  /** False until the visitor made a choice that still counts. */
  decided: boolean
  /** Every category, `true` only where granted and offered. */
  choices: Record<Category, boolean>
  /** Categories this site offers. */
  categories: Category[]
}

export interface ConsentGate {
  getConsent(): Consent
  hasConsent(category: Category): boolean
  acceptAll(): void
  rejectAll(): void
  /** Sets the given categories; the others keep their current value. */
  update(choices: Choices): void
  /** Opens the preferences dialog (loads the UI chunk). Does nothing on a site with nothing to ask. */
  openPreferences(): Promise<void>
  subscribe(listener: (consent: Consent) => void): () => void
  /** The class of a cookie or storage key, with the site's declarations (loads the catalogue). */
  classify(name: string): Promise<CookieClass>
  /** Every cookie and localStorage key present, with its class and whether it is declared. */
  audit(): Promise<AuditEntry[]>
  /**
   * Renders the profile's cookie declaration into `element` (lazy chunk, no banner code) and keeps
   * its "your choice" lines current. Any `[data-consent-cookie-table]` on the page gets one by itself.
   */
  renderCookieTable(element: Element): Promise<void>
  /** Proof of the current choice, or undefined before one. */
  receipt(): Receipt | undefined
  destroy(): void
}

const KEY = '__consentGate'
const DAY_MS = 864e5

/**
 * Creates the site's gate, or returns the one already on the page: a second init (say, the script
 * tag and an npm import) must not load anything twice. Throws a ConfigError on bad options.
 */
export function createConsentGate(options: Options): ConsentGate {
  const config = resolveConfig(options)
  const w = window as unknown as Record<string, ConsentGate | undefined>
  return (w[KEY] ||= startGate(config))
}

function startGate(config: Config): ConsentGate {
  const { categories, options, revision, cookies } = config
  const store = cookieStore(config.cookieName, config.cookieDomain)
  const listeners = new Set<(c: Consent) => void>()
  const emit = (type: string, detail: unknown) => window.dispatchEvent(new CustomEvent('consent-gate:' + type, { detail }))
  // The stored choice, read by start() below.
  let record: ConsentRecord | undefined
  let earlier: ConsentRecord | undefined
  let started = false
  // Chunks, once they arrived: the mounted UI and the cookie-table painter.
  let mounted: UiHandle | undefined
  let draw: ((element: Element) => void) | undefined
  const tables = new Set<Element>()
  let channel: BroadcastChannel | undefined
  // A destroyed gate may still have a chunk in flight; it must not act when that lands.
  let live = true

  const state = (): Consent => ({
    decided: !!record,
    choices: effectiveChoices(categories, record?.choices),
    categories: [...categories],
  })
  // Whoever asks gets the stored choice, read now if start-up has not read it yet.
  const consent = () => (start(), state())
  const receipt = () => (start(), record && toReceipt(record, config.profile.name, VERSION))

  // The cookie catalogue and the checks are a chunk of their own; most pages never need it.
  const audits = lazy(() => import('./cookies/audit'))

  // Each stray cookie is reported once per page, not on every check.
  const reported = new Set<string>()
  const tripwire = () => {
    const { choices } = consent()
    // The site's declarations settle most names; only an undeclared one, or a declared one of a
    // category not granted, needs a closer look.
    const suspects = storedNames().filter((e) => {
      const d = findDeclared(e.name, cookies)
      const category = d && categoryOf(d.class)
      return !d || (category && !choices[category])
    })
    if (live && suspects.length)
      audits().then(
        (m) => {
          for (const v of m.violations(m.audit(suspects, cookies, findDeclared), consent().choices)) {
            if (!live || reported.has(v.storage + v.name)) continue
            reported.add(v.storage + v.name)
            console.warn(`consent-gate: ${v.storage} "${v.name}" (${v.class}) is present without consent or declaration`)
            emit('violation', v)
          }
        },
        (e) => console.error('consent-gate: could not check cookies', e),
      )
  }

  // The tracker chunk is fetched only once something is granted; after that it also withdraws.
  let tracking = false
  const trackerChunk = lazy(() =>
    import('./trackers/index').then((m) => m.createTrackers({ config, version: VERSION, gtag: gtag(), cookieNames })),
  )

  /** Carries out the current choices: Consent Mode, trackers, UI, tables, listeners, then checks. */
  const apply = (announce?: boolean) => {
    const c = state()
    // Before any choice the defaults already say "denied".
    if (config.ga4 && record) consentUpdate(c.choices)
    if ((tracking ||= CATEGORIES.some((k) => c.choices[k])))
      // Check only once the trackers had their say, or a cookie being deleted looks like a stray.
      trackerChunk()
        .then((run) => live && run(consent().choices))
        .then(tripwire, (e) => console.error('consent-gate: could not load trackers', e))
    else if (announce) tripwire()
    mounted?.setChoices(c.choices, c.decided)
    if (draw) tables.forEach(draw)
    if (announce) {
      listeners.forEach((l) => guard('a subscriber', () => l(c)))
      emit('change', c)
    }
  }

  const choose = (choices: Choices, via: Via) => {
    if (!choices || typeof choices !== 'object')
      throw new Error('consent-gate: update() takes an object of categories, e.g. { analytics: false }')
    for (const k of Object.keys(choices))
      if (!CATEGORIES.includes(k as Category))
        throw new Error(`consent-gate: unknown category "${k}"; categories are ${CATEGORIES.join(', ')}`)
    start()
    const at = Date.now()
    const merged = { ...effectiveChoices(categories, record?.choices), ...choices }
    // Only offered categories are stored; on a site that offers none, nothing can be granted.
    const kept: Choices = {}
    for (const k of categories) kept[k] = merged[k] === true
    record = {
      revision,
      id: record?.id ?? earlier?.id ?? newId(),
      at,
      expires: at + config.lifetimeDays * DAY_MS,
      choices: kept,
      via,
    }
    store.write(record)
    apply(true)
    tabs()?.postMessage(1)
    const proof = receipt()!
    guard('onConsent', () => options.onConsent?.(proof))
    if (options.receiptUrl) sendReceipt(options.receiptUrl, proof)
  }

  const all = (value: boolean): Choices => Object.fromEntries(categories.map((c) => [c, value]))

  // Picked when a text is first needed: a returning visitor's page view has no use for it.
  let lang = ''
  // The site's `strings` win over the language's. The banner needs only its own few; the dialog
  // and the cookie table share one copy of them all.
  const language = lazy(() =>
    loadLanguage((lang = pickLanguage([options.lang, document.documentElement.lang, ...navigator.languages]))),
  )
  const banner = () => language().then((m): Banner => ({ ...m.default, ...options.strings }))
  const messages = lazy(() =>
    language().then((m) => m.details().then((d): Messages => ({ ...m.default, ...d.default, ...options.strings }))),
  )
  // The chunk and its language are requested at once, in parallel; only mounting waits for <body>.
  const loadUi = lazy(() =>
    Promise.all([import('./ui/index'), banner(), whenBody()]).then(([m, t]) => {
      const h = m.mount({
        config,
        lang,
        messages: t,
        details: messages,
        choices: record?.choices ?? earlier?.choices ?? {},
        gpc: record?.via === 'gpc',
        onChoose: choose,
      })
      // A gate destroyed while the chunk was on its way takes the UI with it.
      if (live) mounted = h
      else h.destroy()
      return h
    }),
  )

  const tableChunk = lazy(() =>
    Promise.all([import('./ui/table'), messages()]).then(
      ([m, t]) =>
        (draw = (element: Element) => m.renderTable(element, { ...consent(), config, lang, messages: t } satisfies TableContext)),
    ),
  )
  const renderCookieTable = (element: Element) =>
    tableChunk().then(
      (paint) => {
        if (live) {
          tables.add(element)
          paint(element)
        }
      },
      (e) => console.error('consent-gate: could not load the cookie table', e),
    )
  const findTables = () => document.querySelectorAll('[data-consent-cookie-table]').forEach(renderCookieTable)

  const openPreferences = () =>
    (start(), categories.length)
      ? loadUi().then(
          (h) => h.openPreferences(),
          (e) => console.error('consent-gate: could not load the preferences', e),
        )
      : Promise.resolve()

  // Opened on first use: a choice to announce, or the first idle moment, to hear other tabs.
  const tabs = () => {
    if (!channel && live && typeof BroadcastChannel === 'function')
      (channel = new BroadcastChannel('consent-gate')).onmessage = resync
    return channel
  }
  // Another tab, or another subdomain sharing the cookie, may have chosen meanwhile.
  const resync = () => {
    if (!started) return
    const stored = store.read()
    const next = isCurrent(stored, revision, Date.now()) ? stored : undefined
    if (next?.id !== record?.id || next?.at !== record?.at) {
      record = next
      apply(true)
    }
  }
  const onClick = (e: Event) => {
    if ((e.target as Element).closest?.('[data-consent-open]')) {
      e.preventDefault()
      openPreferences()
    }
  }
  const onVisible = () => {
    if (document.visibilityState === 'visible') {
      resync()
      tripwire()
    }
  }
  const listen = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener'
    document[method]('click', onClick)
    document[method]('visibilitychange', onVisible)
    // Trackers a page sets while loading show up by the load event.
    window[method]('load', tripwire)
  }
  // Where the browser reports cookie changes, a stray is caught as it appears; never a poll.
  const watchJar = (on: boolean) =>
    (window as { cookieStore?: EventTarget }).cookieStore?.[on ? 'addEventListener' : 'removeEventListener']('change', tripwire)
  listen(true)
  // The first look at localStorage, at the browser's cookie store and at other tabs each wait on
  // the browser (2 ms and more in all), so they wait for an idle moment rather than delay the
  // page's own scripts. The re-read catches a choice another tab made before the channel opened.
  idle(() => {
    if (!live) return
    tabs()
    resync()
    watchJar(true)
    tripwire()
  })

  /**
   * Reads the stored choice and carries it out, once. While a page loads, reading a cookie is a
   * synchronous round trip to the browser (about 2 ms here), so this gets a task of its own after
   * the page's scripts, unless one of them asks for the consent first.
   */
  function start() {
    if (started) return
    started = true
    const now = Date.now()
    const stored = store.read()
    record = isCurrent(stored, revision, now) ? stored : undefined
    // A choice from an earlier revision no longer counts, but the dialog starts from it: the visitor
    // confirms rather than starts over, and nothing runs until they do. A lapsed one starts afresh.
    earlier = !record && stored && stored.revision !== revision && stored.expires > now ? stored : undefined
    // A destroyed gate still knows the choice, so a late call cannot overwrite it; it acts no more.
    if (!live) return
    apply()
    if (!record && categories.length) {
      // Global Privacy Control is the visitor's refusal, given in advance: record it, and show the
      // banner once to say so (they can still opt in from the dialog).
      const gpc = config.gpc && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true
      loadUi().then(
        (h) => (gpc || !record) && h.showBanner(),
        (e) => console.error('consent-gate: could not load the banner', e),
      )
      if (gpc) choose(all(false), 'gpc')
    }
  }

  // Consent Mode's defaults must precede any tag the page itself has, so they cannot wait.
  if (config.ga4) consentDefault()
  setTimeout(() => live && start())
  // Scripts later in the document are not parsed yet when the loader runs in <head>.
  if (document.readyState !== 'loading') findTables()
  else
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        apply()
        findTables()
      },
      { once: true },
    )

  return {
    getConsent: consent,
    hasConsent: (category) => consent().choices[category] === true,
    acceptAll: () => choose(all(true), 'api'),
    rejectAll: () => choose(all(false), 'api'),
    update: (choices) => choose(choices, 'api'),
    openPreferences,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    classify: (name) => audits().then((m) => m.classifier(findDeclared)(name, cookies)),
    audit: () => audits().then((m) => m.audit(storedNames(), cookies, findDeclared)),
    renderCookieTable,
    receipt,
    destroy() {
      live = false
      channel?.close()
      listen(false)
      watchJar(false)
      mounted?.destroy()
      listeners.clear()
      tables.clear()
      delete (window as unknown as Record<string, unknown>)[KEY]
    },
  }
}

/**
 * Posts the receipt as JSON without cookies. `sendBeacon` always sends credentials, so this is a
 * keepalive fetch, which outlives the page the same way. A failure never reaches the page.
 */
function sendReceipt(url: string, receipt: Receipt) {
  try {
    fetch(url, {
      method: 'POST',
      keepalive: true,
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(receipt),
    }).catch(() => {})
  } catch {
    // fetch itself can throw synchronously on a malformed URL.
  }
}

/** Runs a page's callback; one that throws must not stop a choice being carried out. */
const guard = (what: string, callback: () => void) => {
  try {
    callback()
  } catch (e) {
    console.error(`consent-gate: ${what} threw`, e)
  }
}

/** Memoises a chunk's fetch; a failed fetch is forgotten, so the next call tries again. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined
  return () =>
    (p ||= load().catch((e) => {
      p = undefined
      throw e
    }))
}

/** Runs a task when the main thread is idle, or within a second on a busy page. */
const idle = (task: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(() => task(), { timeout: 1000 }) : setTimeout(task)

/** Resolves once <body> exists, i.e. at once unless the loader runs early in <head>. */
const whenBody = () =>
  new Promise<void>((resolve) =>
    document.body ? resolve() : document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  )
