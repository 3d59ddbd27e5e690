// Pigi's own page script: a theme kept in localStorage (essential: user-interface customisation).
;(function () {
  var apply = function () {
    document.body.dataset.theme = localStorage.getItem('theme') || 'light'
  }
  document.getElementById('theme').addEventListener('click', function () {
    localStorage.setItem('theme', localStorage.getItem('theme') === 'dark' ? 'light' : 'dark')
    apply()
  })
  apply()
  document.getElementById('xsrf').textContent = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || 'none'
})()
