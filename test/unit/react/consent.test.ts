import { act, createElement as h } from 'react'
import { createRoot, hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { Consent, useConsent } from '../../../src/react'
import { gate, GA } from '../helpers'

beforeAll(() => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
})

const roots: Root[] = []
afterEach(() => act(() => roots.splice(0).forEach((r) => r.unmount())))

const render = async (element: React.ReactElement) => {
  const el = document.body.appendChild(document.createElement('div'))
  const root = createRoot(el)
  roots.push(root)
  await act(() => root.render(element))
  return el
}

const analytics = (g: ReturnType<typeof gate>) =>
  h(Consent, { gate: g, category: 'analytics', fallback: h('p', null, 'off') }, h('p', null, 'on'))

describe('useConsent', () => {
  it('follows the gate: undecided, then each choice', async () => {
    const g = gate({ site: 'pisama', ga4: GA })
    const seen: string[] = []
    const Probe = () => {
      const { decided, choices } = useConsent(g)
      seen.push(`${decided}:${choices.analytics}`)
      return null
    }
    await render(h(Probe))
    await act(() => g.acceptAll())
    await act(() => g.update({ analytics: false }))
    // One render per state: a new object from getConsent() alone must not re-render.
    expect(seen).toEqual(['false:false', 'true:true', 'true:false'])
  })

  it('subscribes once while mounted and unsubscribes when unmounted', async () => {
    const g = gate({ site: 'pisama', ga4: GA })
    const subscribe = g.subscribe
    const unsubscribed = vi.fn()
    const spy = vi.spyOn(g, 'subscribe').mockImplementation((fn) => {
      const off = subscribe(fn)
      return () => (unsubscribed(), off())
    })
    const Probe = () => (useConsent(g), null)
    await render(h(Probe))
    await act(() => g.acceptAll())
    expect(spy).toHaveBeenCalledTimes(1)
    await act(() => roots.pop()!.unmount())
    expect(unsubscribed).toHaveBeenCalledTimes(1)
  })
})

describe('<Consent>', () => {
  it('shows its children only while the category is granted', async () => {
    const g = gate({ site: 'pisama', ga4: GA })
    const el = await render(analytics(g))
    expect(el.innerHTML).toBe('<p>off</p>')
    await act(() => g.acceptAll())
    expect(el.innerHTML).toBe('<p>on</p>')
    await act(() => g.rejectAll())
    expect(el.innerHTML).toBe('<p>off</p>')
  })

  it('shows nothing granted on a site that offers nothing, whatever is asked', async () => {
    const g = gate({ site: 'pigi' })
    const el = await render(analytics(g))
    await act(() => g.acceptAll())
    expect(el.innerHTML).toBe('<p>off</p>')
  })

  it('hydrates server markup without a mismatch, then shows the stored choice', async () => {
    const g = gate({ site: 'pisama', ga4: GA })
    g.acceptAll()
    // The server cannot know the choice: its markup is the fallback.
    const html = renderToString(analytics(g))
    expect(html).toBe('<p>off</p>')
    const el = document.body.appendChild(document.createElement('div'))
    el.innerHTML = html
    const errors: unknown[] = []
    await act(async () => {
      roots.push(hydrateRoot(el, analytics(g), { onRecoverableError: (e) => errors.push(e) }))
    })
    expect(errors).toEqual([])
    expect(el.innerHTML).toBe('<p>on</p>')
  })
})

describe('<Consent> with hostile data', () => {
  it('never renders for a category that is only inherited: "constructor", or one put on Object.prototype', async () => {
    const g = gate({ site: 'pisama', ga4: GA })
    g.acceptAll()
    const proto = Object.prototype as Record<string, unknown>
    proto.functional = true
    try {
      for (const category of ['constructor', 'functional']) {
        const el = await render(h(Consent, { gate: g, category: category as never, fallback: 'off' }, 'on'))
        expect(el.textContent).toBe('off')
      }
    } finally {
      delete proto.functional
    }
  })
})
