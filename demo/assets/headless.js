// A site's own banner on consent-gate's API (headless mode: data-ui="off" or `ui: false`).
const gate = window.ConsentGate
const banner = document.getElementById('my-banner')
const analytics = document.getElementById('my-analytics')

const show = (consent) => {
  // A choice is needed until every offered category has one.
  banner.hidden = consent.decided || consent.categories.length === 0
  analytics.checked = consent.choices.analytics
}
show(gate.getConsent())
gate.subscribe(show)
document.getElementById('my-accept').onclick = () => gate.acceptAll()
document.getElementById('my-reject').onclick = () => gate.rejectAll()
document.getElementById('my-save').onclick = () => gate.update({ analytics: analytics.checked })
// openPreferences() and every [data-consent-open] ask the page to show its own settings.
window.addEventListener('consent-gate:open', () => {
  banner.hidden = false
  analytics.focus()
})
