/*
 * A stand-in for Google Tag Manager's gtm.js (the demo has no internet), served after cookie.js.
 * Like a container holding one GA4 tag, where it matters: it reads dataLayer in order from the
 * start, keeps Consent Mode's state from the `consent` commands, and on `gtm.js` and each later
 * event fires its tag: with analytics_storage granted it writes _ga on the highest domain and
 * sends a hit; denied, a cookieless ping (gcs=G100). What it read is kept in
 * window.standInGtm.seen for the tests.
 */
;(function () {
  var src = new URL(document.currentScript.src)
  var collect = /googletagmanager\.com$/.test(src.hostname) ? 'https://www.google-analytics.com/g/collect' : '/stand-ins/collect'
  var id = src.searchParams.get('id')
  var state = {}
  var seen = []
  var started = false
  var layer = (window.dataLayer = window.dataLayer || [])
  window.standInGtm = { id: id, seen: seen, state: state }

  function fire(event) {
    var granted = state.analytics_storage === 'granted'
    var url = collect + '?v=2&tid=G-GTMSTANDIN&en=' + encodeURIComponent(event) + '&gcs=' + (granted ? 'G111' : 'G100')
    if (granted) {
      var cid = (document.cookie.match(/(?:^|; )_ga=GA1\.1\.([^;]+)/) || [])[1]
      if (!cid)
        standInCookie('_ga', 'GA1.1.' + (cid = Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000)), 63072000)
      url += '&cid=' + cid
    }
    navigator.sendBeacon(url)
  }

  function run(entry) {
    // gtag's commands arrive as `arguments` objects, events as plain objects.
    if (entry && typeof entry === 'object' && 'length' in entry) {
      var a = Array.prototype.slice.call(entry)
      if (a[0] !== 'consent') return
      for (var k in a[2]) if (/_storage$|^ad_/.test(k)) state[k] = a[2][k]
      seen.push(['consent', a[1], JSON.parse(JSON.stringify(a[2]))])
    } else if (entry && entry.event) {
      seen.push(['event', entry.event])
      if (entry.event === 'gtm.js') started = true
      if (started && entry.event !== 'gtm.js') fire(entry.event)
      else if (entry.event === 'gtm.js') fire('page_view')
    }
  }

  layer.forEach(run)
  var push = layer.push
  layer.push = function () {
    for (var i = 0; i < arguments.length; i++) run(arguments[i])
    return push.apply(layer, arguments)
  }
})()
