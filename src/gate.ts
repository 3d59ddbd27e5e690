import { resolveConfig, type Options } from './config/options'
import { fill } from './config/own'
import { warnLater } from './config/report'
import { findDeclared, type Category, type CookieClass } from './config/profiles'
import { SALE, type Policy } from './config/regions'
import { decide } from './consent/choice'
import { sendReceipt, toReceipt, type Receipt, type Shown } from './consent/receipt'
import { effectiveChoices, encodeRecord, settle, settled, unchosen, type Choices, type ConsentRecord } from './consent/record'
import { visitorRules } from './consent/region'
import { cookieStore } from './consent/store'
import { crossTab } from './consent/sync'
import type { AuditEntry } from './cookies/audit'
import { cookieNamesSoon, stored } from './cookies/jar'
import { tripwire } from './cookies/tripwire'
import { presence } from './presence'
import { guard, lazy, lost } from './steps'
import { consentDefault, consentUpdate, gtag } from './trackers/consent-mode'
import { userInterface } from './ui/surface'
import { VERSION } from './version'

export interface Consent {
  /**
   * False until the visitor made a choice that still counts for every offered category: a choice
   * given before a category was offered keeps applying, but the visitor is asked about the new one.
   * A site drawing its own banner (`ui: false`) shows it while `!decided && categories.length > 0`.
   */
  decided: boolean
  /** Every category, `true` only where granted and offered. */
  choices: Record<Category, boolean>
  /** Categories this site offers. */
  categories: Category[]
  /** The rules for this visitor (docs/regions.md): `opt-in` unless the site chooses by region. */
  policy: Policy
}

export interface ConsentGate {
  getConsent(): Consent
  hasConsent(category: Category): boolean
  acceptAll(): void
  rejectAll(): void
  /** Sets the given categories; the others keep their current value. */
  update(choices: Choices): void
  /**
   * Opens the preferences dialog (loads the UI chunk). Does nothing on a site with nothing to ask.
   * With `ui: false` it fires `consent-gate:open` on window instead, for the site's own dialog.
   */
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
  /**
   * Removes listeners and UI, and stops the trackers. Every method is inert afterwards: it reads,
   * writes, fetches and shows nothing. getConsent() still says whether the visitor had decided and
   * receipt() still proves their last choice, but every category reads false, in hasConsent() too:
   * a destroyed gate no longer hears a withdrawal, so it vouches for nothing. A click's choice still
   * waiting for its paint is told, and its receipt sent, as it goes: it starts nothing.
   */
  destroy(): void
}

/** Whether the browser sends Global Privacy Control; a getter that throws is no signal. */
const signal = () => {
  let on = false
  guard(() => (on = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true))
  return on
}

/** Whether two readings are the same choice: compared as stored, whatever order they were built in. */
const same = (a?: ConsentRecord, b?: ConsentRecord) => (a && encodeRecord(a)) === (b && encodeRecord(b))

// Markup cannot reach a symbol key, as it reaches `window.x` through `<div id="x">`. Global
// symbols, because the script tag and an npm import are two copies of this module.
const KEY = Symbol.for('consent-gate')
const SITE = Symbol.for('consent-gate.site')

/**
 * Creates the site's gate, or returns the one already on the page: a second init (say, the script
 * tag and an npm import) must not load anything twice. Throws an Error on bad options, and when
 * the page's own `dataLayer` or `gtag` refuses Consent Mode's defaults: then nothing has started.
 */
export function createConsentGate(options: Options): ConsentGate {
  const config = resolveConfig(options)
  // By name and promise: any name may run trackers, so a name alone does not say it runs none.
  const site = config.profile.name + config.profile.never
  const w = window as unknown as Record<symbol, (ConsentGate & { [SITE]?: string }) | undefined>
  const running = w[KEY]
  // A second init for another profile (say, Pigi's own code on a page whose tag, tampered with,
  // says Pisama, or names Pigi's site with a tracker) must not silently get a gate that offers
  // what its profile promises never to.
  if (running && running[SITE] !== site) throw new Error('consent-gate: a gate for another profile already runs on this page')
  return running ?? (w[KEY] = Object.assign(startGate(config), { [SITE]: site }))
}

function startGate(config: ReturnType<typeof resolveConfig>): ConsentGate {
  // Consent Mode's defaults must precede any tag the page itself has, so they cannot wait. This
  // is the one step that can fail at start-up, so it goes first: a failure leaves nothing behind.
  // Tag Manager's container gates its tags by them too.
  const google = config.ga4 || config.gtm
  if (google)
    try {
      consentDefault()
    } catch (e) {
      throw new Error(`consent-gate: could not start: the page's dataLayer or gtag refused the Consent Mode defaults (${e})`)
    }

  const { categories, cookies, revision, lifetimeDays } = config
  // The visitor's rules, once: where they are does not change during a page view.
  const rules = config.policies ? visitorRules(config) : { policy: 'opt-in' as Policy }
  const { policy } = rules
  // Under opt-out and notice, what the visitor has not refused runs.
  const unasked = policy != 'opt-in'
  const store = cookieStore(config.cookieName, config.cookieDomain)
  const listeners = new Set<(c: Consent) => void>()
  // The stored choice, read by start() below; a choice made here also knows what was shown.
  let record: (ConsentRecord & Shown) | undefined
  // A destroyed gate may still have a chunk in flight; it must not act when that lands.
  let live = true

  const state = (): Consent => ({
    decided: settled(policy, categories, record),
    choices: { ...granted() },
    categories: [...categories],
    policy,
  })
  // A destroyed gate hears no withdrawal any more, so it vouches for nothing.
  const granted = () => effectiveChoices(categories, live ? record?.choices : undefined, live && unasked)
  const proofOf = (r: ConsentRecord & Shown) => toReceipt(r, config.profile.name, VERSION, categories)
  const receipt = () => record && proofOf(record)
  const emit = (type: string, detail: unknown) =>
    guard(() => window.dispatchEvent(new CustomEvent('consent-gate:' + type, { detail })))

  // The cookie catalogue and the checks are a chunk of their own; most pages never need it.
  const audits = lazy(() => import('./cookies/audit'))
  const check = tripwire(config, granted, audits, (v) => emit('violation', v))
  // Until the visitor is here, the check looks at cookies only.
  const tripwireCheck = (names?: string[]) => live && guard(() => check(visitor.here, names))

  const ui = userInterface(config, {
    record: () => record,
    prefill: () => (unasked ? granted() : record?.choices),
    granted,
    asked: () => unchosen(categories, record),
    onChoose: choose,
    open: openPreferences,
    live: () => live,
  })

  // The tracker chunk is fetched only once something is granted (at once in Consent Mode's advanced
  // mode, which loads Google's tags before a choice); after that it also withdraws.
  let tracking = !!google && config.consentMode == 'advanced'
  const trackers = lazy(() =>
    import('./trackers/index').then((m) =>
      m.createTrackers({
        config,
        version: VERSION,
        gtag: gtag(),
        granted,
      }),
    ),
  )

  /** Carries out the current choices, each step on its own: Consent Mode, trackers, UI, listeners. */
  const apply = (notify?: boolean): Consent => {
    const c = state()
    const any = Object.values(c.choices).includes(true)
    watch(any)
    // Before any choice the defaults already say "denied"; where nothing was asked, they may not.
    if (google && (record || unasked)) guard(() => consentUpdate(c.choices))
    if ((tracking ||= any))
      // A tab whose trackers run must hear a withdrawal in another, loaded or not: the re-read
      // opens the channel as they start, and catches one made before that.
      // Check only once the trackers had their say, or a cookie being deleted looks like a stray.
      trackers()
        .then((t) => (resync(), live && t.apply(granted())))
        .then(() => tripwireCheck(), lost)
    else if (notify) tripwireCheck()
    ui.update(c.choices, c.decided)
    if (notify) tell(c)
    return c
  }
  // A listener may make a choice in reply: it is told once every listener heard this one, so each
  // hears the choices in the order made, and ends on the last. One that destroys the gate ends the
  // telling; listeners that answer each other without end are cut off, or the page would hang.
  let telling: Consent[] | undefined
  const tell = (c: Consent) => {
    if (telling) return void telling.push(c)
    for (const next of (telling = [c])) {
      if (!live) break
      if (telling.length > 50) {
        warnLater('loop')
        break
      }
      listeners.forEach((l) => guard(() => l(next)))
      emit('change', next)
    }
    telling = undefined
  }

  const tabs = crossTab(() => resync())
  /**
   * A sibling subdomain sharing the cookie has no channel to this tab (BroadcastChannel stays within
   * an origin; cookieStore is missing in Firefox and on http), so while trackers run the cookie is
   * re-read every second: a withdrawal there stops them here. A tab that runs none never polls.
   */
  let watching: ReturnType<typeof setInterval> | undefined
  const watch = (on: boolean) => (watching = on ? watching || setInterval(resync, 1e3) : void clearInterval(watching))
  const visitor = presence(
    // Where nothing is offered, no choice is re-read, so nothing has read the jar yet in this
    // page: the check reads it without blocking the page on the browser where it can.
    () => (categories.length ? (resync(), tripwireCheck()) : cookieNamesSoon().then(tripwireCheck)),
    () => live && unchosen(categories, record).length,
  )

  /**
   * Records a choice, carries it out and tells the page. The record is written at once, so a choice
   * is never lost; what it starts may `wait` (pending): a click's for its next paint, so the click's
   * own task stays short (Interaction to Next Paint), then carries out the choice in effect by then
   * (a refusal made meanwhile is never undone); a withdrawal still stops what runs at once. Global
   * Privacy Control's, made as the gate starts, is told in the next task, once the page holds the
   * gate and can listen. A choice waiting is told before whatever comes next (a choice, another
   * tab's, destroy()), so listeners and receipts hear both in order, and then starts nothing: what
   * comes next carries out the choices (no "granted" before a refusal). Only its own wait (`go`)
   * carries it out.
   */
  let pending: ((go?: boolean) => void) | undefined
  const flush = (go?: boolean) => {
    const announce = pending
    pending = undefined
    // Nothing waits once destroyed: destroy() flushes first.
    announce?.(go)
  }
  function choose(choices: Choices, via: ConsentRecord['via'], shown?: Shown, wait?: (step: () => void) => unknown) {
    if (!live) return
    // Before the flush: a call with bad input throws and leaves a choice waiting as it was.
    const next = decide(choices, via, config, record, Date.now())
    // A site that offers nothing has no choice to store: its cookie would stand for nothing, and
    // one shared through `cookieDomain` with a site that asks would write over that site's choice.
    if (!categories.length) return
    flush()
    const was = granted()
    const chosen = (record = { ...next, ...shown, gpc: signal(), ...(config.policies && rules) })
    store.write(chosen)
    let c: Consent | undefined
    // Waiting before the choice is carried out: one a listener makes in reply is told after it.
    pending = (go) => {
      visitor.arrive()
      // Reads the choice back, which says if the browser refused it.
      store.read()
      // Proved before it is carried out and told: a listener may answer it with another choice,
      // proved in its turn. Made here, not in the click: its dates are the page's first formatted.
      const proof = proofOf(chosen)
      guard(() => config.onConsent?.(proof))
      if (config.receiptUrl) guard(() => sendReceipt(config.receiptUrl!, proof))
      guard(() => tabs.post())
      if (wait) go && !c ? apply(true) : tell(c || state())
    }
    const own = pending
    // Without a wait, proved (and other tabs told) before this page's listeners hear it, as after one.
    if (!wait) flush()
    // GPC's is carried out at once: the banner that says so must not be hidden by it later.
    c = wait && via != 'gpc' && !categories.some((k) => was[k] > granted()[k]) ? undefined : apply(!wait)
    // A wait's step may run late (its fallback timer, a page hidden later): only while its own
    // choice is still the one waiting.
    wait?.(() => pending == own && flush(true))
  }

  /** Reads every stored record and settles which one counts; a conflict is written over. */
  const read = () => {
    const reading = settle(store.read(), revision, lifetimeDays, Date.now())
    if (reading.conflict) store.write(reading.record!)
    return reading
  }

  /**
   * Another tab, or another subdomain sharing the cookie, may have chosen meanwhile. The channel to
   * other tabs opens with the first re-read that needs it, so from then on their choices reach this
   * one at once: as trackers start (a withdrawal must stop them, even on a page that never finishes
   * loading), else once the visitor is here: until then no tracker runs here for a choice made
   * elsewhere to stop, and what it may start or show waits for them (their return re-reads it).
   * Opening a channel blocks the main thread on the browser, so a visit nobody uses never pays for
   * it. On a site that offers nothing, no choice made anywhere changes anything: it reads none.
   */
  const resync = (): boolean => {
    if (!live || !categories.length) return true
    if (tracking || visitor.here) guard(() => tabs.open())
    const next = read().record
    if (same(next, record)) return false
    flush()
    record = next
    apply(true)
    return true
  }
  const onClick = (e: Event) => {
    if ((e.target as Element).closest?.('[data-consent-open]')) {
      e.preventDefault()
      openPreferences()
    }
  }
  // Headless, the site draws its own preferences: it hears `consent-gate:open`.
  function openPreferences(): Promise<void> {
    return Promise.resolve(
      live && categories.length && (config.ui ? ui.openPreferences() : emit('open', state())),
    ) as Promise<void>
  }
  const listen = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener'
    document[method]('click', onClick)
    visitor.listen(on)
  }
  /**
   * Reads the stored choice and carries it out, once: at start-up, so that on a first visit the
   * banner's chunks are on their way while the loader is still running, and a returning visit
   * spends no task of its own on it.
   */
  function start() {
    if (categories.length) record = read().record
    const first = !record
    // A returning visitor is asked only about categories offered since their choice.
    const asked = unchosen(categories, record)
    // Only a visitor with something left to choose needs the signal: a returning one reads nothing.
    const gpc = !!asked.length && config.gpc && signal()
    // Under opt-out, Global Privacy Control is the visitor's opt-out of sale and sharing: taken
    // without asking, before anything runs (a "granted" to Consent Mode, even undone a moment
    // later, lets the page's own Google tags fire).
    const sale = unasked && gpc ? asked.filter((c) => SALE.includes(c)) : []
    if (sale.length) choose(fill(sale, false), 'gpc', {}, setTimeout)
    else apply()
    if (unasked) {
      // The site's "Your privacy choices" link (or notice) is drawn either way.
      if (config.ui && categories.length) ui.showPolicy(policy, first)
    } else if (asked.length) {
      // Global Privacy Control is the visitor's refusal, given in advance: record it, and show the
      // banner once to say so (they can still opt in from the dialog).
      if (config.ui) ui.showBanner(gpc)
      if (gpc) choose(fill(asked, false), 'gpc', {}, setTimeout)
    }
  }

  const gate: ConsentGate = {
    getConsent: state,
    hasConsent: (category) => granted()[category] === true,
    acceptAll: () => choose(fill(categories, true), 'api'),
    rejectAll: () => choose(fill(categories, false), 'api'),
    update: (choices) => choose(choices, 'api'),
    openPreferences,
    subscribe(listener) {
      if (live) listeners.add(listener)
      return () => listeners.delete(listener)
    },
    classify: (name) => (live ? audits().then((m) => m.classifier(findDeclared)(name, cookies)) : Promise.resolve('unknown')),
    audit: () => (live ? audits().then((m) => m.fullAudit(stored(), cookies, findDeclared)) : Promise.resolve([])),
    renderCookieTable: (element) => (live ? ui.renderCookieTable(element) : Promise.resolve()),
    receipt,
    destroy() {
      if (!live) return
      // A choice made just before is stored: it is still told, and its receipt sent, but starts nothing.
      flush()
      live = false
      watch(false)
      tabs.close()
      listen(false)
      if (tracking)
        trackers().then(
          (t) => t.stop(),
          () => {},
        )
      ui.destroy()
      listeners.clear()
      delete (window as unknown as Record<symbol, unknown>)[KEY]
    },
  }

  // Whatever throws from here (a browser that reads a polluted `signal` from an options object, say)
  // takes everything registered so far with it: no half-started gate keeps running.
  try {
    listen(true)
    start()
    ui.find()
  } catch (e) {
    gate.destroy()
    throw new Error(`consent-gate: could not start (${e})`)
  }
  return gate
}
