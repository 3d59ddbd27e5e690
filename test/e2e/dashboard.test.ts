// @vitest-environment node
import { expect, it } from 'vitest'
import { BANNER, DIALOG, browserSuite, button } from './browser'

const usage = '#usage [data-usage]'

browserSuite('the React dashboard in Chromium', (open) => {
  it('shows visit statistics once analytics is granted, and hides them again on withdrawal', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/app/'))
    await expect.poll(() => s.page.locator(usage).textContent()).toMatch(/^You have not chosen yet, so no visit is counted/)
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await expect.poll(() => s.page.locator(usage).getAttribute('data-usage')).toBe('on')
    await expect.poll(() => s.requests.filter((u) => u.includes('/gtag/js')).length).toBe(1)
    // Navigating inside the app keeps the state; React renders the route.
    await s.page.getByRole('link', { name: 'Projects', exact: true }).click()
    await expect.poll(() => s.page.locator('#view').textContent()).toBe('Projects: pisama-web, pisama-cli.')
    expect(await s.page.locator(usage).getAttribute('data-usage')).toBe('on')
    await s.page.getByRole('link', { name: 'Cookie settings' }).click()
    await s.page.locator(`${DIALOG} input[name=analytics]`).uncheck()
    await s.page.locator(button(DIALOG, 'save')).click()
    await expect.poll(() => s.page.locator(usage).textContent()).toMatch(/^You turned analytics off/)
    expect(s.errors).toEqual([])
  })

  it('opens the preferences from the fallback, and a grant there shows the statistics', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/app/'))
    await s.page.locator(button(BANNER, 'reject-all')).click()
    await expect.poll(() => s.page.locator(usage).textContent()).toMatch(/^You turned analytics off/)
    await s.page.getByRole('button', { name: 'Allow analytics' }).click()
    await s.page.locator(`${DIALOG} input[name=analytics]`).check()
    await s.page.locator(button(DIALOG, 'save')).click()
    await expect.poll(() => s.page.locator(usage).getAttribute('data-usage')).toBe('on')
  })

  it('remembers the choice on a reload', async () => {
    const s = await open()
    await s.page.goto(s.url('/pisama/app/settings'))
    await s.page.locator(button(BANNER, 'accept-all')).click()
    await s.page.reload()
    await expect.poll(() => s.page.locator(usage).getAttribute('data-usage')).toBe('on')
    expect(await s.page.locator('#view').textContent()).toBe('Settings: your account.')
    expect(await s.page.locator(BANNER).count()).toBe(0)
  })
})
