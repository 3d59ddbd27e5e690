/** @jsx React.createElement */
/** @jsxFrag React.Fragment */
// The Pisama dashboard, a small React app: its analytics panel shows what the visitor allowed,
// through consent-gate/react. Rendered in the browser by app.tsx and on a server by the SSR test.
import * as React from 'react'
import type { ConsentGate } from 'consent-gate'
import { Consent, useConsent } from 'consent-gate/react'

export const VIEWS: Record<string, string> = {
  '/pisama/app/': 'Overview: three deployments today, all green.',
  '/pisama/app/projects': 'Projects: pisama-web, pisama-cli.',
  '/pisama/app/settings': 'Settings: your account.',
}

const LINKS = [
  ['/pisama/app/', 'Overview'],
  ['/pisama/app/projects', 'Projects'],
  ['/pisama/app/settings', 'Settings'],
]

export interface DashboardProps {
  gate: ConsentGate
  path: string
  /** Client-side navigation; the server render has none. */
  navigate?: (path: string) => void
}

export function Dashboard({ gate, path, navigate }: DashboardProps) {
  const follow = (e: React.MouseEvent<HTMLAnchorElement>) => {
    if (!navigate) return
    e.preventDefault()
    navigate(e.currentTarget.pathname)
  }
  return (
    <>
      <header>
        <strong>Pisama dashboard</strong>
        {LINKS.map(([href, name]) => (
          <a key={href} href={href} onClick={follow} aria-current={href === path ? 'page' : undefined}>
            {name}
          </a>
        ))}
        <a href="#" data-consent-open>
          Cookie settings
        </a>
      </header>
      <main>
        <p id="view">{VIEWS[path] ?? 'Not found'}</p>
        <Usage gate={gate} />
      </main>
    </>
  )
}

/** Visit statistics, shown only while the visitor allows analytics. */
function Usage({ gate }: { gate: ConsentGate }) {
  const { decided } = useConsent(gate)
  return (
    <section id="usage" aria-labelledby="usage-title">
      <h2 id="usage-title">Visit statistics</h2>
      <Consent
        gate={gate}
        category="analytics"
        fallback={
          <p data-usage="off">
            {decided ? 'You turned analytics off' : 'You have not chosen yet'}, so no visit is counted.{' '}
            <button type="button" data-consent-open>
              Allow analytics
            </button>
          </p>
        }
      >
        <p data-usage="on">Analytics is on: Google Analytics and Vercel Web Analytics count your visits.</p>
      </Consent>
    </section>
  )
}
