/*
 * The demo's panel: the consent state, which trackers the page loaded, and every tracker request
 * as it happens (from the browser's own resource timing), so a person sees the gating live.
 */
;(function () {
  var TRACKER = /googletagmanager\.com|google-analytics\.com|\/stand-ins\/|\/_vercel\/insights\/|va\.vercel-scripts\.com/
  function el(tag, text, parent) {
    var e = document.createElement(tag)
    if (text) e.textContent = text
    if (parent) parent.appendChild(e)
    return e
  }
  var panel = el('aside')
  panel.className = 'demo-panel'
  panel.setAttribute('aria-label', 'Demo panel')
  el('h2', 'Demo panel (not part of the SDK)', panel)
  var dl = el('dl', '', panel)
  function field(label, id, text) {
    el('dt', label, dl)
    var dd = el('dd', text, dl)
    dd.id = id
    return dd
  }
  var consent = field('Consent', 'demo-consent', 'loading…')
  var loaded = field('Trackers loaded', 'demo-loaded', 'none')
  var receipt = field('Receipt', 'demo-receipt', 'none yet')
  el('h3', 'Tracker requests', panel)
  var hits = el('ol', '', panel)
  hits.id = 'demo-hits'

  function show() {
    var gate = window.ConsentGate
    consent.textContent = gate
      ? JSON.stringify(gate.getConsent().choices) + (gate.getConsent().decided ? ' (decided)' : ' (not decided yet)')
      : 'no gate on this page'
    var names = []
    if (document.querySelector('script[src*="gtag"]')) names.push('gtag.js')
    if (document.querySelector('script[src*="_vercel/insights"]')) names.push('Vercel Analytics')
    loaded.textContent = names.join(', ') || 'none'
    var r = gate && gate.receipt()
    if (r) receipt.textContent = r.consentId + ' via ' + r.via + ' at ' + r.givenAt
  }
  addEventListener('consent-gate:change', show)
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) {
      if (!TRACKER.test(e.name)) return
      el('li', new Date().toLocaleTimeString() + ' ' + e.name.replace(/^https?:\/\/[^/]*127\.0\.0\.1:\d+/, ''), hits)
      show()
    })
  }).observe({ type: 'resource', buffered: true })
  function start() {
    document.body.appendChild(panel)
    show()
  }
  if (document.body) start()
  else addEventListener('DOMContentLoaded', start)
  addEventListener('load', show)
})()
