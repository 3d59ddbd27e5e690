/*
 * A stand-in for gtag.js (the demo has no internet). Like the real one where it matters: it reads
 * dataLayer in order, honours Consent Mode and the ga-disable flag, writes _ga and _ga_<id> on the
 * highest domain the browser accepts, and sends a collect hit per page view.
 */
;(function () {
  var fromGoogle = /googletagmanager\.com$/.test(new URL(document.currentScript.src).hostname)
  var collect = fromGoogle ? 'https://www.google-analytics.com/g/collect' : '/stand-ins/collect'
  var granted = false
  var ids = []
  var layer = (window.dataLayer = window.dataLayer || [])

  function setCookie(name, value) {
    var host = location.hostname
    var parts = host.split('.')
    // cookie_domain 'auto': the highest domain that accepts the cookie.
    if (!/^[\d.]+$/.test(host)) {
      for (var i = parts.length - 2; i >= 0; i--) {
        document.cookie =
          name + '=' + value + '; Domain=.' + parts.slice(i).join('.') + '; Path=/; Max-Age=63072000; SameSite=Lax'
        if (document.cookie.indexOf(name + '=') >= 0) return
      }
    }
    document.cookie = name + '=' + value + '; Path=/; Max-Age=63072000; SameSite=Lax'
  }

  function hit(id) {
    if (!granted || window['ga-disable-' + id]) return
    var cid = (document.cookie.match(/(?:^|; )_ga=GA1\.1\.([^;]+)/) || [])[1]
    if (!cid) {
      cid = Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000)
      setCookie('_ga', 'GA1.1.' + cid)
    }
    setCookie('_ga_' + id.slice(2), 'GS1.1.' + Math.floor(Date.now() / 1000) + '.1.0')
    var url = collect + '?v=2&tid=' + id + '&cid=' + cid + '&en=page_view&dl=' + encodeURIComponent(location.href)
    navigator.sendBeacon(url)
  }

  function run(args) {
    var a = Array.prototype.slice.call(args)
    if (a[0] === 'consent' && a[2] && a[2].analytics_storage) {
      var was = granted
      granted = a[2].analytics_storage === 'granted'
      if (granted && !was) ids.forEach(hit)
    } else if (a[0] === 'config') {
      ids.push(a[1])
      hit(a[1])
    }
  }

  layer.forEach(run)
  var push = layer.push
  layer.push = function () {
    for (var i = 0; i < arguments.length; i++) run(arguments[i])
    return push.apply(layer, arguments)
  }
  // Enhanced measurement: a page view per History API navigation.
  var pushState = history.pushState
  history.pushState = function () {
    pushState.apply(history, arguments)
    ids.forEach(hit)
  }
})()
