// @vitest-environment node
/** @jsx React.createElement */
// The demo dashboard rendered on a server, as a framework's SSR would: no window, so the gate is
// inert and the markup shows nothing granted, matching what hydration renders first.
import * as React from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Dashboard } from '../../../demo/dashboard'
import { createConsentGate } from '../../../src/index'

describe('the dashboard on a server', () => {
  const gate = createConsentGate({ site: 'pisama', ga4: { measurementId: 'G-DEMO12345' }, vercel: true })

  it('renders the route and the undecided fallback, never the analytics-only part', () => {
    const html = renderToString(<Dashboard gate={gate} path="/pisama/app/projects" />)
    expect(html).toContain('<p id="view">Projects: pisama-web, pisama-cli.</p>')
    expect(html).toContain('<a href="/pisama/app/projects" aria-current="page">Projects</a>')
    expect(html).toMatch(
      /<p data-usage="off">You have not chosen yet.*<button type="button" data-consent-open="true">Allow analytics<\/button><\/p>/,
    )
    expect(html).not.toContain('data-usage="on"')
  })

  it('stays undecided even when asked to grant: a server has no visitor', () => {
    gate.acceptAll()
    expect(renderToString(<Dashboard gate={gate} path="/pisama/app/" />)).toContain('data-usage="off"')
  })

  it('says decided on a site that offers nothing, as the browser and readConsent do', () => {
    expect(createConsentGate({ site: 'pigi' }).getConsent().decided).toBe(true)
    expect(gate.getConsent().decided).toBe(false)
  })

  it('checks a choice as the browser does: an unknown category throws here too', () => {
    expect(() => gate.update({ bogus: true } as never)).toThrow(/unknown category "bogus"/)
    expect(() => gate.update('analytics' as never)).toThrow(/takes an object of categories/)
    gate.update({ analytics: true })
    expect(gate.hasConsent('analytics')).toBe(false)
  })
})
