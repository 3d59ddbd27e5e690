/*
 * A stand-in for Microsoft Advertising's bat.js (the demo has no internet), served after
 * cookie.js. It defines UET, as the real file does; the page's snippet builds one on the uetq
 * queue and replaces the queue with it. It reads the queue's flat commands (`'consent', 'default',
 * {…}`), keeps the ad_storage state, and on pageLoad (and later events) writes _uetsid and _uetvid
 * on the highest domain and sends a hit only while ad_storage is granted. What it read is kept in
 * uet.seen for the tests.
 */
;(function () {
  function UET(o) {
    this.ti = o.ti
    this.seen = []
    this.adStorage = 'denied'
    this.push.apply(this, o.q || [])
  }
  UET.prototype.push = function () {
    var a = Array.prototype.slice.call(arguments)
    for (var i = 0; i < a.length; i++) {
      if (a[i] === 'consent') {
        this.seen.push(['consent', a[i + 1], a[i + 2]])
        if (a[i + 2] && a[i + 2].ad_storage) this.adStorage = a[i + 2].ad_storage
        i += 2
      } else if (a[i] === 'event') {
        this.seen.push(['event', a[i + 1]])
        this.hit(a[i + 1])
        i += 2
      } else if (a[i] === 'pageLoad') {
        this.seen.push(['pageLoad'])
        this.hit('pageLoad')
      }
    }
  }
  UET.prototype.hit = function (evt) {
    if (this.adStorage !== 'granted') return
    standInCookie('_uetsid', Date.now().toString(16), 86400)
    standInCookie('_uetvid', Math.floor(Math.random() * 1e9).toString(16), 33696000)
    navigator.sendBeacon('https://bat.bing.com/action/0?ti=' + this.ti + '&evt=' + evt)
  }
  window.UET = UET
})()
