/*
 * A stand-in for Microsoft Clarity's tag (the demo has no internet), served after cookie.js. Like
 * the real one where it matters: it drains the clarity.q stub queue, then takes calls directly; it
 * writes _clck and _clsk on the highest domain and sends data only while `consentv2` says
 * analytics_Storage is granted, and stops on denied. The calls it read are kept in
 * window.clarity.seen for the tests.
 */
;(function () {
  var id = document.currentScript.src.split('/tag/')[1]
  var queued = (window.clarity && window.clarity.q) || []
  var seen = []
  var granted = false

  function handle(args) {
    var a = Array.prototype.slice.call(args)
    seen.push(JSON.parse(JSON.stringify(a)))
    if (a[0] !== 'consentv2') return
    granted = a[1] && a[1].analytics_Storage === 'granted'
    if (!granted) return
    standInCookie('_clck', id + '|2|demo|0', 31536000)
    standInCookie('_clsk', Date.now().toString(36) + '|1', 86400)
    navigator.sendBeacon('https://www.clarity.ms/collect?id=' + id)
  }

  window.clarity = function () {
    handle(arguments)
  }
  window.clarity.seen = seen
  queued.forEach(handle)
})()
