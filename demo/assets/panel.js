/*
 * The demo's panel: the consent state, the tracker scripts the page ran and every tracker request
 * as it happens, so a person sees the gating live. Scripts and requests come from the browser's
 * own resource timing: a script tag alone proves nothing, as an inert `type="text/plain"` tag is
 * never fetched.
 */
;(function () {
  var TRACKER =
    /googletagmanager\.com|google-analytics\.com|clarity\.ms|bat\.bing\.com|\/stand-ins\/|\/_vercel\/insights\/|va\.vercel-scripts\.com/
  var SCRIPTS = [
    ['gtag.js', /\/gtag(\/js|\.js)/],
    ['Tag Manager', /\/gtm\.js/],
    ['Clarity', /clarity\.ms\/tag\/|\/stand-ins\/clarity\.js/],
    ['UET', /bat\.bing\.com\/bat\.js|\/stand-ins\/bat\.js/],
    ['Vercel Analytics', /\/_vercel\/insights\/script\.js|va\.vercel-scripts\.com/],
  ]
  var ran = {}
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
  // What the server kept: the demo's /receipts page, on this visitor's consent id once there is one.
  var kept = el('a', 'Receipts kept by the server', el('p', '', panel))
  kept.id = 'demo-receipts-link'
  kept.href = '/receipts'
  el('h3', 'Tracker requests', panel)
  var hits = el('ol', '', panel)
  hits.id = 'demo-hits'

  function show() {
    var gate = window.ConsentGate
    consent.textContent = gate
      ? JSON.stringify(gate.getConsent().choices) + (gate.getConsent().decided ? ' (decided)' : ' (not decided yet)')
      : 'no gate on this page'
    var names = SCRIPTS.filter(function (script) {
      return ran[script[0]]
    }).map(function (script) {
      return script[0]
    })
    loaded.textContent = names.join(', ') || 'none'
    var r = gate && gate.receipt()
    if (r) {
      receipt.textContent = r.consentId + ' via ' + r.via + ' at ' + r.givenAt
      kept.href = '/receipts?consentId=' + encodeURIComponent(r.consentId)
    }
  }
  addEventListener('consent-gate:change', show)
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) {
      if (!TRACKER.test(e.name)) return
      SCRIPTS.forEach(function (script) {
        if (e.initiatorType === 'script' && script[1].test(e.name)) ran[script[0]] = true
      })
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
