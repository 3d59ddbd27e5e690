/*
 * A stand-in for Vercel Web Analytics' script: drains the window.va queue, keeps the beforeSend
 * hook, and posts a page view on load and on every History API navigation to the same endpoint.
 */
;(function () {
  var beforeSend = null
  function send(type) {
    var event = { type: type, url: location.href }
    if (beforeSend) event = beforeSend(event)
    if (!event) return
    fetch('/_vercel/insights/view', { method: 'POST', body: JSON.stringify(event), keepalive: true })
  }
  function handle(args) {
    if (args[0] === 'beforeSend') beforeSend = args[1]
    else if (args[0] === 'event') send('event')
  }
  ;(window.vaq || []).forEach(function (a) {
    handle(Array.prototype.slice.call(a))
  })
  window.va = function () {
    handle(Array.prototype.slice.call(arguments))
  }
  var pushState = history.pushState
  history.pushState = function () {
    pushState.apply(history, arguments)
    send('pageview')
  }
  addEventListener('popstate', function () {
    send('pageview')
  })
  send('pageview')
})()
