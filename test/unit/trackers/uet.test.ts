import { describe, expect, it, vi } from 'vitest'
import { scripts } from '../helpers'
import { acme, from, left, plant, w } from './common'

const BAT = 'https://bat.bing.com/bat.js'

describe('Microsoft UET', () => {
  it('loads no bat.js before marketing is granted; the queue says denied first', async () => {
    const g = acme({ uet: { tagId: '12345678' }, categories: ['analytics'] })
    g.update({ analytics: true })
    // UET is a chunk of its own: its queue starts as that arrives.
    await vi.waitFor(() =>
      expect(w.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'denied' }]),
    )
    expect(await left()).toEqual(['consent_gate'])
    expect(from('bat.bing.com')).toEqual([])
  })

  it('on marketing: the update, bat.js, then a UET built on the queue as Microsoft starts it', async () => {
    const g = acme({ uet: { tagId: '12345678' } })
    g.acceptAll()
    await vi.waitFor(() => expect(scripts()).toEqual([BAT]))
    const queue = w.uetq
    expect(queue!.slice(3)).toEqual(['consent', 'update', { ad_storage: 'granted' }])
    const built: unknown[] = []
    w.UET = class {
      pushed: unknown[] = []
      constructor(o: unknown) {
        built.push(o)
      }
      push(...a: unknown[]) {
        this.pushed.push(a)
      }
    }
    document.querySelector('script')!.dispatchEvent(new Event('load'))
    expect(built).toEqual([{ ti: '12345678', q: queue }])
    expect((w.uetq as unknown as { pushed: unknown[] }).pushed).toEqual([['pageLoad']])
    // A later choice reaches the UET itself.
    plant('_uetsid', '_uetvid', '_uetmsclkid', 'keepme')
    g.rejectAll()
    expect(await left()).toEqual(['consent_gate', 'keepme'])
    expect((w.uetq as unknown as { pushed: unknown[] }).pushed[1]).toEqual(['consent', 'update', { ad_storage: 'denied' }])
    expect(scripts()).toEqual([BAT])
  })
})
