import { expect, it, vi } from 'vitest'
import { loadLanguage } from '../../src/ui/language'
import './helpers'
vi.mock('../../src/ui/language', async (real) => {
  const m = await real<typeof import('../../src/ui/language')>()
  return { ...m, loadLanguage: vi.fn(m.loadLanguage) }
})
const ticks = async (p: Promise<unknown>) => {
  let done = false
  p.then(() => (done = true))
  let micro = 0
  for (; micro < 1000 && !done; micro++) await Promise.resolve()
  if (done) return 'micro ' + micro
  let n = 0
  while (!done) { await new Promise((r) => setTimeout(r)); n++ }
  return 'macro ' + n
}
it('probe', async () => {
  console.log('ui', await ticks(import('../../src/ui/index')))
  console.log('trackers', await ticks(import('../../src/trackers/index')))
  console.log('lang', await ticks(loadLanguage('en')))
  console.log('dialog', await ticks(import('../../src/ui/dialog')))
  const a = new BroadcastChannel('x'), b = new BroadcastChannel('x')
  for (let i = 0; i < 5; i++) {
    const got = new Promise((r) => (b.onmessage = r))
    a.postMessage(1)
    console.log('bc', await ticks(got))
  }
  a.close(); b.close()
  expect(1).toBe(1)
})
