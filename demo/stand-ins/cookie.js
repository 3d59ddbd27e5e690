/*
 * Served ahead of the Tag Manager, Clarity and UET stand-ins (demo/server.mjs, and the end-to-end
 * suite's answers for their hosts): writes a cookie on the highest domain the browser accepts, as
 * those tags do, else for the host alone.
 */
function standInCookie(name, value, age) {
  var parts = location.hostname.split('.')
  var rest = '; Path=/; Max-Age=' + age + '; SameSite=Lax'
  for (var i = parts.length - 2; i >= 0; i--) {
    document.cookie = name + '=' + value + '; Domain=.' + parts.slice(i).join('.') + rest
    if (document.cookie.indexOf(name + '=') >= 0) return
  }
  document.cookie = name + '=' + value + rest
}
