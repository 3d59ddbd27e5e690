import { CATEGORIES, type Category, type CookieClass, type Declared, type Wording } from './config/profiles'
import { DAY_MS, needsBanner, resolveConfig, type Config, type Options } from './config/options'
import { toReceipt, type Receipt } from './consent/receipt'
import { effectiveChoices, isCurrent, newId } from './consent/record'
import { cookieStore } from './consent/store'
import { classify } from './cookies/classify'
import { auditStorage, cookieNames, type AuditEntry } from './cookies/audit'
import { violations } from './cookies/tripwire'
import { consentDefault, consentUpdate, gtag } from './trackers/consent-mode'
import type { ApplyChoices } from './trackers/index'
import type { Choices, UiHandle, Via } from './ui/context'
import { loadMessages, pickLanguage } from './ui/language'
import type { Messages } from './ui/messages/en'
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
  classify(name: string): CookieClass
  audit(): AuditEntry[]
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
const EVENT = 'consent-gate:change'
const VIOLATION = 'consent-gate:violation'

/**
 * Creates the site's gate, or returns the one already on the page: a second init (say, the script
 * tag and an npm import) must not load anything twice. Throws on bad options.
 */
export function createConsentGate(options: Options): ConsentGate {
  const config = resolveConfig(options)
  if (typeof window === 'undefined') return inertGate(config)
  const w = window as unknown as Record<string, ConsentGate | undefined>
  return (w[KEY] ||= startGate(config))
}

/** On a server there is no visitor to ask: everything is refused and nothing runs. */
function inertGate(config: Config): ConsentGate {
  const consent = (): Consent => ({ decided: false, choices: effectiveChoices([], {}), categories: config.categories })
  const noop = () => {}
  return {
    getConsent: consent,
    hasConsent: () => false,
    acceptAll: noop,
    rejectAll: noop,
    update: noop,
    openPreferences: () => Promise.resolve(),
    subscribe: () => noop,
    classify: (name) => classify(name, config.cookies),
    audit: () => [],
    renderCookieTable: () => Promise.resolve(),
    receipt: () => undefined,
    destroy: noop,
  }
}

function startGate(config: Config): ConsentGate {
  const { categories, options } = config
  const store = cookieStore(config.cookieName, config.cookieDomain)
  const listeners = new Set<(c: Consent) => void>()
  const current = () => {
    const r = store.read()
    return isCurrent(r, config.revision, Date.now()) ? r : undefined
  }
  const stored = store.read()
  const now = Date.now()
  let record = isCurrent(stored, config.revision, now) ? stored : undefined
  // A choice from an earlier revision no longer counts, but the dialog starts from it: the visitor
  // confirms rather than starts over, and nothing runs until they do. A lapsed one starts afresh.
  const earlier = !record && stored && stored.revision !== config.revision && stored.expires > now ? stored : undefined
  const gpc = config.gpc && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true
  let trackers: Promise<ApplyChoices> | undefined
  let ui: Promise<UiHandle> | undefined
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('consent-gate') : undefined

  const consent = (): Consent => ({
    decided: !!record,
    choices: effectiveChoices(categories, record?.choices),
    categories: [...categories],
  })

  // Each stray cookie is reported once per page, not on every check.
  const reported = new Set<string>()
  // A destroyed gate may still have a chunk in flight; it must not act when that lands.
  let live = true
  const tripwire = () => {
    if (!live) return
    for (const v of violations(auditStorage(config.cookies), consent().choices)) {
      if (reported.has(v.storage + v.name)) continue
      reported.add(v.storage + v.name)
      console.warn(`consent-gate: ${v.storage} "${v.name}" (${v.class}) is present without consent or declaration`)
      window.dispatchEvent(new CustomEvent(VIOLATION, { detail: v }))
    }
  }

  /** Carries out the current choices: Consent Mode, trackers, UI, listeners, then checks. */
  const apply = (announce: boolean) => {
    const c = consent()
    // Before any choice the defaults already say "denied".
    if (config.ga4 && record) consentUpdate(c.choices)
    // The tracker chunk is fetched only once something is granted; after that it also withdraws.
    if (trackers || CATEGORIES.some((k) => c.choices[k])) {
      trackers ||= import('./trackers/index').then((m) =>
        m.createTrackers({
          ga4: config.ga4,
          ga4Script: config.ga4Script,
          vercel: config.vercel,
          version: VERSION,
          nonce: options.nonce,
          gtag: gtag(),
          cookieNames,
        }),
      )
      // Check only once the trackers had their say, or a cookie being deleted looks like a stray.
      trackers
        .then((run) => live && run(consent().choices))
        .then(tripwire, (e) => console.error('consent-gate: could not load trackers', e))
    } else tripwire()
    ui?.then((h) => h.setChoices(c.choices, c.decided))
    table?.then((draw) => tables.forEach(draw))
    if (!announce) return
    listeners.forEach((l) => l(c))
    window.dispatchEvent(new CustomEvent(EVENT, { detail: c }))
  }

  const choose = (choices: Choices, via: Via) => {
    for (const k of Object.keys(choices)) {
      if (!CATEGORIES.includes(k as Category)) {
        throw new Error(`consent-gate: unknown category "${k}"; categories are ${CATEGORIES.join(', ')}`)
      }
    }
    const now = Date.now()
    const merged = { ...effectiveChoices(categories, record?.choices), ...choices }
    // Only offered categories are stored; on a site that offers none, nothing can be granted.
    const kept: Choices = {}
    for (const k of categories) kept[k] = merged[k] === true
    record = {
      revision: config.revision,
      id: record?.id ?? earlier?.id ?? newId(),
      at: now,
      expires: now + config.lifetimeDays * DAY_MS,
      choices: kept,
      via,
    }
    store.write(record)
    apply(true)
    channel?.postMessage(1)
    const receipt = toReceipt(record, config.profile.name, VERSION)
    try {
      options.onConsent?.(receipt)
    } catch (e) {
      console.error('consent-gate: onConsent threw', e)
    }
    if (options.receiptUrl) sendReceipt(options.receiptUrl, receipt)
  }

  const all = (value: boolean): Choices => Object.fromEntries(categories.map((c) => [c, value]))

  const lang = pickLanguage([options.lang, document.documentElement.lang, ...navigator.languages].filter(Boolean) as string[])
  // The chunk and its language are requested at once, in parallel; only mounting waits for <body>.
  // One wording for the dialog and the cookie table, loaded and built once.
  let wording: Promise<{ t: Messages; cookies: (Declared & Wording)[] }> | undefined
  const text = () =>
    (wording ||= Promise.all([import('./config/wording'), loadMessages(lang)]).then(([w, messages]) => {
      const t = { ...messages, ...options.strings }
      return { t, cookies: w.describe(config.cookies, config.cookieName, config.lifetimeDays, t, lang) }
    }))
  const loadUi = () =>
    (ui ||= Promise.all([import('./ui/index'), text(), whenBody()]).then(([m, { t, cookies }]) =>
      m.mount({
        categories,
        cookies,
        choices: record?.choices ?? earlier?.choices ?? {},
        lang,
        messages: t,
        policyUrl: options.policyUrl,
        theme: options.theme ?? 'auto',
        nonce: options.nonce,
        floatingButton: !!options.floatingButton,
        gpc: record?.via === 'gpc',
        onChoose: choose,
      }),
    ))

  const tables = new Set<Element>()
  let table: Promise<(element: Element) => void> | undefined
  const renderCookieTable = (element: Element) =>
    (table ||= Promise.all([import('./ui/table'), text()]).then(
      ([m, { t, cookies }]) =>
        (element: Element) =>
          m.renderTable(element, { ...consent(), cookies, lang, messages: t }),
    )).then(
      (draw) => {
        if (!live) return
        tables.add(element)
        draw(element)
      },
      (e) => console.error('consent-gate: could not load the cookie table', e),
    )
  const findTables = () => document.querySelectorAll('[data-consent-cookie-table]').forEach(renderCookieTable)

  const openPreferences = () =>
    categories.length
      ? loadUi().then(
          (h) => h.openPreferences(),
          (e) => console.error('consent-gate: could not load the preferences', e),
        )
      : Promise.resolve()

  // Another tab, or another subdomain sharing the cookie, may have chosen meanwhile.
  const resync = () => {
    const next = current()
    if (next?.id === record?.id && next?.at === record?.at) return
    record = next
    apply(true)
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
  // Where the browser reports cookie changes, a stray is caught as it appears; never a poll.
  const jar = (window as { cookieStore?: EventTarget }).cookieStore
  if (channel) channel.onmessage = resync
  document.addEventListener('click', onClick)
  document.addEventListener('visibilitychange', onVisible)
  jar?.addEventListener('change', tripwire)
  // Trackers a page sets while loading show up by the load event.
  window.addEventListener('load', tripwire, { once: true })

  if (config.ga4) consentDefault()
  apply(false)
  // Scripts later in the document are not parsed yet when the loader runs in <head>.
  if (document.readyState !== 'loading') findTables()
  else
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        apply(false)
        findTables()
      },
      { once: true },
    )
  if (!record && needsBanner(config)) {
    // Global Privacy Control is the visitor's refusal, given in advance: record it, and show the
    // banner once to say so (they can still opt in from the dialog).
    if (gpc) choose(all(false), 'gpc')
    loadUi().then(
      (h) => (gpc || !record) && h.showBanner(),
      (e) => console.error('consent-gate: could not load the banner', e),
    )
  }

  const gate: ConsentGate = {
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
    classify: (name) => classify(name, config.cookies),
    audit: () => auditStorage(config.cookies),
    renderCookieTable,
    receipt: () => record && toReceipt(record, config.profile.name, VERSION),
    destroy() {
      live = false
      channel?.close()
      document.removeEventListener('click', onClick)
      document.removeEventListener('visibilitychange', onVisible)
      jar?.removeEventListener('change', tripwire)
      window.removeEventListener('load', tripwire)
      ui?.then((h) => h.destroy())
      listeners.clear()
      tables.clear()
      delete (window as unknown as Record<string, unknown>)[KEY]
    },
  }
  return gate
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

const whenBody = () =>
  new Promise<void>((resolve) =>
    document.body ? resolve() : document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  )
