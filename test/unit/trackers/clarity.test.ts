import { describe, expect, it, vi } from 'vitest'
import { scripts } from '../helpers'
import { acme, from, left, plant, w } from './common'

const TAG = 'https://www.clarity.ms/tag/abc123xyz'
const calls = () => (w.clarity?.q ?? []).map((a) => Array.from(a))

describe('Microsoft Clarity', () => {
  it('loads nothing and queues nothing before analytics is granted', async () => {
    const g = acme({ clarity: { projectId: 'abc123xyz' }, categories: ['marketing'] })
    g.update({ marketing: true })
    expect(await left()).toEqual(['consent_gate'])
    expect(from('www.clarity.ms')).toEqual([])
    expect(w.clarity).toBeUndefined()
  })

  it('on analytics: consentv2 queued ahead of the tag; a withdrawal signals denied and removes _clck and _clsk', async () => {
    const g = acme({ clarity: { projectId: 'abc123xyz' }, categories: ['marketing'] })
    g.update({ analytics: true })
    await vi.waitFor(() => expect(scripts()).toEqual([TAG]))
    expect(calls()).toEqual([['consentv2', { analytics_Storage: 'granted', ad_Storage: 'denied' }]])
    g.update({ marketing: true })
    await vi.waitFor(() => expect(calls()).toHaveLength(2))
    plant('_clck', '_clsk', 'keepme')
    g.update({ analytics: false })
    expect(await left()).toEqual(['consent_gate', 'keepme'])
    expect(calls().slice(1)).toEqual([
      ['consentv2', { analytics_Storage: 'granted', ad_Storage: 'granted' }],
      ['consentv2', { analytics_Storage: 'denied', ad_Storage: 'granted' }],
    ])
    expect(scripts()).toEqual([TAG])
  })

  it("keeps a name the site declares as its own, and removes Clarity's on a later page while refused", async () => {
    plant('_clck', '_clsk')
    acme({ clarity: { projectId: 'abc123xyz' }, cookies: [{ name: '_clsk', class: 'essential' }] }).rejectAll()
    expect(await left()).toEqual(['_clsk', 'consent_gate'])
  })
})
