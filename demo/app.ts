// The Pisama dashboard: a tiny single-page app that imports consent-gate through npm.
import { createConsentGate } from 'consent-gate'

const { ga4Src, cookieDomain } = document.documentElement.dataset
const gate = createConsentGate({
  cookieDomain,
  site: 'pisama',
  ga4: ga4Src ? { measurementId: 'G-DEMO12345', scriptUrl: ga4Src } : { measurementId: 'G-DEMO12345' },
  vercel: true,
  policyUrl: '/pisama/privacy',
})
// For the demo panel, which looks for the script tag's global.
window.ConsentGate = gate

const views: Record<string, string> = {
  '/pisama/app/': 'Overview: three deployments today, all green.',
  '/pisama/app/projects': 'Projects: pisama-web, pisama-cli.',
  '/pisama/app/settings': 'Settings: your account.',
}
const show = () => {
  document.getElementById('view')!.textContent = views[location.pathname] ?? 'Not found'
}
document.addEventListener('click', (e) => {
  const link = (e.target as Element).closest<HTMLAnchorElement>('a[data-route]')
  if (!link) return
  e.preventDefault()
  history.pushState(null, '', link.href)
  show()
})
addEventListener('popstate', show)
show()
