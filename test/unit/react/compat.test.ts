import { h, render } from 'preact'
import { act } from 'preact/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { gate, GA } from '../helpers'

// A Preact app aliases react to preact/compat; so does this file.
vi.mock('react', () => import('preact/compat'))
const { Consent } = await import('../../../src/react')

describe('consent-gate/react on preact/compat', () => {
  it('shows its children only while the category is granted', async () => {
    // The bindings really get Preact here.
    expect((await import('react')).createElement).toBe(h)
    const g = gate({ site: 'pisama', ga4: GA })
    const el = document.body.appendChild(document.createElement('div'))
    // Typed against React here; an app would alias the types to preact/compat as well.
    const p = (text: string) => h('p', null, text) as never
    await act(() => render(h(Consent, { gate: g, category: 'analytics', fallback: p('off') }, p('on')), el))
    expect(el.innerHTML).toBe('<p>off</p>')
    await act(() => g.acceptAll())
    expect(el.innerHTML).toBe('<p>on</p>')
    await act(() => g.rejectAll())
    expect(el.innerHTML).toBe('<p>off</p>')
    render(null, el)
  })
})
