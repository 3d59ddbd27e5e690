/** @jsx React.createElement */
// The dashboard's entry: one gate, created through npm, and the React app that uses it.
import * as React from 'react'
import { createRoot } from 'react-dom/client'
import { createConsentGate, type ConsentGate } from 'consent-gate'
import { Dashboard } from './dashboard'

const { ga4Src, cookieDomain } = document.documentElement.dataset
const gate = createConsentGate({
  site: 'pisama',
  ga4: ga4Src ? { measurementId: 'G-DEMO12345', scriptUrl: ga4Src } : { measurementId: 'G-DEMO12345' },
  vercel: true,
  policyUrl: '/pisama/privacy',
  // The demo server sets this only under a real domain; on 127.0.0.1 the choice stays host-only.
  cookieDomain,
})
// For the demo panel, which looks for the script tag's global.
window.ConsentGate = gate

function App({ gate }: { gate: ConsentGate }) {
  const [path, setPath] = React.useState(location.pathname)
  React.useEffect(() => {
    const back = () => setPath(location.pathname)
    addEventListener('popstate', back)
    return () => removeEventListener('popstate', back)
  }, [])
  const navigate = (to: string) => {
    history.pushState(null, '', to)
    setPath(to)
  }
  return <Dashboard gate={gate} path={path} navigate={navigate} />
}

createRoot(document.getElementById('app')!).render(<App gate={gate} />)
