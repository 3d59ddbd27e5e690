// @vitest-environment node
// `consent-gate receipts report`: the built CLI writes one HTML file from an embedded store, and
// Chromium opens it from disk, as a DPO would, on a desktop and on a phone: nothing is requested,
// nothing stored runs, the charts show, nothing overflows, axe-core finds nothing.
import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wordingOf, type Options } from '../../src/server'
import { launchChromium } from '../chromium.mjs'
import { databases, type Database } from './databases'

const BIN = join(import.meta.dirname, '../../bin/consent-gate.mjs')
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
// Set to a directory to keep the screenshots, to look at them.
const SHOTS = process.env.CONSENT_GATE_REPORT_SHOTS

const cli = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const { CONSENT_GATE_STORE: _, ...env } = process.env
    execFile(process.execPath, [BIN, 'receipts', ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    )
  })

// Text a stored receipt could hold that would run, fetch or break the page if printed raw. The
// endpoint refuses most of it; the report must not rely on that.
const HOSTILE_SITE = '<img src="https://evil.test/pixel.gif" onerror="window.pwned=1">'
const HOSTILE_REVISION = '</style><script>window.pwned=2</script>'
const HOSTILE_ID = '"><svg onload="window.pwned=3">'
// The site's description (--config): its own German title, hostile too, and a policy on its own origin.
const HOSTILE_TITLE = '<script>window.pwned=4</script>Ihre Wahl'
const SITE: Options = {
  site: 'pisama',
  ga4: { measurementId: 'G-REPORT123' },
  policyUrl: 'https://www.pisama.example/privacy',
  texts: { de: { title: HOSTILE_TITLE } },
}
const SHOWN = ['banner', 'dialog', 'embed'] as const

describe('consent-gate receipts report', () => {
  let db: Database
  let dir: string
  let browser: Browser
  let file: string

  beforeAll(async () => {
    db = await databases()[0][1]()
    dir = mkdtempSync(join(tmpdir(), 'consent-gate-report-'))
    file = join(dir, 'report.html')
    writeFileSync(join(dir, 'consent-gate.json'), JSON.stringify(SITE))
    // What each language and surface shows today (German on the policy's own origin, where its link
    // reads as a path; English elsewhere); before revision 2 (1 March) the texts were others.
    const today: Record<string, string> = {}
    for (const [lang, origin] of [['en'], ['de', 'https://www.pisama.example']])
      for (const surface of SHOWN) today[`${lang}|${surface}`] = (await wordingOf(SITE, lang, { surface, origin })).digest
    const before = { en: 'E'.repeat(43), de: 'D'.repeat(43) }
    const store = await db.open()
    await store.latest(1) // creates the schema
    await store.close()
    // Five months of choices: revision 1, then revision 2 from 1 March; every way; grant rates
    // that differ per category and per way, so the lines are apart.
    await db.sql(
      `INSERT INTO consent_gate_receipts
      (receipt_key, consent_id, given_at, expires_at, site, revision, choices, via, sdk_version, received_at, lang, wording)
      SELECT 'k' || i, 'v' || lpad(i::text, 9, '0'), t, t + interval '182 days', 'pisama',
        CASE WHEN t < '2026-03-01' THEN '1' ELSE '2' END,
        CASE WHEN i % 7 = 4 THEN '{"analytics": false, "marketing": false}'::jsonb
          ELSE jsonb_build_object('analytics', (i * 7919) % 100 < 45 + i / 100, 'marketing', (i * 104729) % 100 < 15 + i / 150) END,
        v.via, '0.1.0', t, l.lang,
        CASE WHEN t < '2026-03-01' THEN $2::jsonb ->> l.lang ELSE $1::jsonb ->> (l.lang || '|' || v.via) END
      FROM generate_series(1, 3000) AS i,
        LATERAL (SELECT timestamptz '2026-01-01' + i * interval '72 minutes' AS t) AS s,
        LATERAL (SELECT (ARRAY['banner', 'banner', 'banner', 'dialog', 'gpc', 'embed', 'api'])[1 + i % 7] AS via) AS v,
        LATERAL (SELECT CASE WHEN v.via IN ('banner', 'dialog', 'embed') THEN (ARRAY['en', 'de'])[1 + i % 2] END AS lang) AS l`,
      [JSON.stringify(today), JSON.stringify(before)],
    )
    await db.sql(
      `INSERT INTO consent_gate_receipts
        (receipt_key, consent_id, given_at, expires_at, site, revision, choices, via, sdk_version, received_at)
        VALUES ('hostile', $1, '2026-05-30T00:00:00Z', '2026-11-30T00:00:00Z', $2, $3, '{"analytics":false}', 'banner', '0.1.0', '2026-05-31T23:00:00Z')`,
      [HOSTILE_ID, HOSTILE_SITE, HOSTILE_REVISION],
    )
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await db?.end()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('writes one file with no script and nothing from another host, every stored value escaped', async () => {
    const { code, stdout, stderr } = await cli([
      'report',
      '--out',
      file,
      '--config',
      join(dir, 'consent-gate.json'),
      '--store',
      db.store,
    ])
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(stdout).toMatch(/^Wrote .*report\.html: 3,001 choices, per week\.\n$/)
    const html = readFileSync(file, 'utf8')
    expect(html).not.toMatch(/<script|<img|<svg onload|<link|@import|url\(/i)
    // Links within the page only.
    expect(html).not.toMatch(/<[^>]*\s(src|href)=(?!"#)/i)
    expect(html).toContain('&lt;img src=&quot;https://evil.test/pixel.gif&quot;')
    expect(html).toContain('&lt;/style&gt;&lt;script&gt;')
    // The revisions and when they started, to the day.
    expect(html).toMatch(/<code>1<\/code><\/th><td>2026-01-01<\/td><td>2026-02-28<\/td><td>1,179<\/td>/)
    expect(html).toMatch(/<code>2<\/code><\/th><td>2026-03-01<\/td><td>2026-05-31<\/td><td>1,821<\/td>/)
  })

  it("says per revision which wording each language and surface showed, whether it is today's, and prints today's texts, escaped", async () => {
    const html = readFileSync(file, 'utf8')
    const section = html.slice(html.indexOf('<h2 id="wording">'), html.indexOf('<h2 id="latest">'))
    const rows = [
      ...section.matchAll(
        /<tr><th scope="row" class="rev"><code>(\w+)<\/code><\/th><td>(\w+)<\/td><td>(\w+)<\/td><td[^>]*>([^<]*|<a [^>]+>[^<]+<\/a>)<\/td>/g,
      ),
    ].map(([, revision, lang, surface, verdict]) => `${revision} ${lang} ${surface}: ${verdict.replace(/<[^>]+>/g, '')}`)
    // Revision 1's texts are gone from the description: changed since. Revision 2's are today's.
    expect(rows.sort()).toEqual(
      [
        ...['de', 'en'].flatMap((lang) => SHOWN.map((surface) => `1 ${lang} ${surface}: changed since`)),
        ...['de', 'en'].flatMap((lang) => SHOWN.map((surface) => `2 ${lang} ${surface}: matches`)),
      ].sort(),
    )
    // Today's texts, once per wording (the dialog and an embed show the same): the site's own
    // German title (escaped), the built-in English body.
    expect(
      section
        .match(/<h3 [^>]*>\w+, [\w ]+:/g)
        ?.map((h) => h.replace(/.*>/, ''))
        .sort(),
    ).toEqual(['de, banner:', 'de, dialog and embed:', 'en, banner:', 'en, dialog and embed:'])
    expect(section).toContain('<dt>title</dt><dd>&lt;script&gt;window.pwned=4&lt;/script&gt;Ihre Wahl</dd>')
    expect(section).toContain('<dt>title</dt><dd>Your privacy choices</dd>')
    expect(section).toContain('<dt>body</dt><dd>We use cookies the site needs to work. With your consent, also for:</dd>')
    expect(section.match(/<dt>policy link<\/dt><dd>[^<]+<\/dd>/g)?.sort()).toEqual([
      ...Array(2).fill('<dt>policy link</dt><dd>/privacy</dd>'),
      ...Array(2).fill('<dt>policy link</dt><dd>https://www.pisama.example/privacy</dd>'),
    ])
  })

  it('without --config lists the digests and says how to check them, guessing nothing', async () => {
    const out = join(dir, 'undescribed.html')
    expect((await cli(['report', '--out', out, '--store', db.store])).code).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html).toContain("Give the site's description (<code>--config consent-gate.json</code>)")
    expect(html).not.toMatch(/changed since<|matches<|<article/)
    expect(html.match(/<td class="of">no --config<\/td>/g)).toHaveLength(12)
  })

  it('refuses a --config that is not a site description, before opening the store', async () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ site: 'pisama', ga4: { measurementId: 'UA-1' } }))
    const out = join(dir, 'refused.html')
    for (const [config, reason] of [
      [bad, /^consent-gate receipts: --config .*bad\.json: .*ga4\.measurementId/],
      [join(dir, 'missing.json'), /^consent-gate receipts: --config cannot read /],
    ] as const) {
      const result = await cli(['report', '--out', out, '--config', config, '--store', join(dir, 'no-store')])
      expect(result).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(reason) })
      expect(result.stderr.split('\n')).toHaveLength(2)
    }
    expect(existsSync(out)).toBe(false)
  })

  it('refuses a report without --out, and a range that does not parse', async () => {
    expect(await cli(['report', '--store', db.store])).toMatchObject({ code: 2, stderr: /report needs --out FILE/ })
    expect(await cli(['report', '--out', file, '--since', 'soon', '--store', db.store])).toMatchObject({
      code: 2,
      stderr: /--since must be a date/,
    })
  })

  it('keeps to the range: --since and --until, to the second', async () => {
    const out = join(dir, 'march.html')
    const { code, stdout } = await cli([
      'report',
      '--out',
      out,
      '--since',
      '2026-03-01T12:00:00Z',
      '--until',
      '2026-03-08',
      '--store',
      db.store,
    ])
    expect(code).toBe(0)
    // 72-minute steps from 1 January: the receipts received from 12:00 on 1 March to 8 March.
    expect(stdout).toMatch(/: 130 choices, per day\./)
    const html = readFileSync(out, 'utf8')
    expect(html).toContain('received from 2026-03-01T12:00:00Z to before 2026-03-08')
    expect(html).not.toContain('<code>1</code></th>')
  })

  it('says so when the range holds no receipt', async () => {
    const out = join(dir, 'empty.html')
    const { code, stdout } = await cli(['report', '--out', out, '--since', '2027-01-01', '--store', db.store])
    expect({ code, stdout }).toEqual({ code: 0, stdout: `Wrote ${out}: 0 choices, per day.\n` })
    const html = readFileSync(out, 'utf8')
    expect(html.match(/No receipts in this range\./g)).toHaveLength(2)
    expect(html).not.toContain('<svg class="chart')
  })

  describe.each([
    [1280, 900],
    [375, 800],
  ])('opened from disk in Chromium at %i px', (width, height) => {
    it('requests nothing, runs nothing stored, shows its charts without overflowing, and passes axe-core', async () => {
      // CSP bypassed: the page must be safe by its escaping, not only by its own policy.
      const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true })
      const page = await context.newPage()
      const url = pathToFileURL(file).href
      const requests: string[] = []
      context.on('request', (r) => requests.push(r.url()))
      await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()))
      await page.goto(url)
      expect(requests).toEqual([url])
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined()
      expect(await page.locator('img, script, iframe, object').count()).toBe(0)
      expect(await page.getByText(HOSTILE_SITE).count()).toBe(1)

      const layout = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        // Each chart is drawn twice, for wide and narrow screens; the one that shows counts.
        charts: [...document.querySelectorAll('svg.chart')]
          .filter((svg) => svg.getBoundingClientRect().width)
          .map((svg) => {
            const box = svg.getBoundingClientRect()
            const text = svg.querySelector('text')!.getBoundingClientRect().height
            return { left: box.left, right: box.right, height: box.height, text, lines: svg.querySelectorAll('.line').length }
          }),
      }))
      expect(layout.overflow).toBe(0)
      // Two charts, each inside the page, tall enough to read, a line per category and per way,
      // and its axis text no smaller than 10 px.
      expect(layout.charts).toHaveLength(2)
      for (const c of layout.charts) {
        expect(c.left).toBeGreaterThanOrEqual(0)
        expect(c.right).toBeLessThanOrEqual(width)
        expect(c.right - c.left).toBeGreaterThan(width > 800 ? 450 : 280)
        expect(c.height).toBeGreaterThan(200)
        expect(c.text).toBeGreaterThanOrEqual(10)
      }
      expect(layout.charts.map((c) => c.lines)).toEqual([2, 5])
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true })
        await page.screenshot({ path: join(SHOTS, `report-${width}.png`), fullPage: true })
        copyFileSync(file, join(SHOTS, 'report.html'))
      }

      await page.addScriptTag({ path: AXE })
      const violations = await page.evaluate(async () => {
        const { axe } = window as unknown as {
          axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> }
        }
        return (await axe.run({ resultTypes: ['violations'] })).violations.map((v) => `${v.id} (${v.nodes.length})`)
      })
      expect(violations).toEqual([])
      await context.close()
    })
  })

  it('is styled under its own Content-Security-Policy: the inline style is allowed by its hash', async () => {
    const page = await browser.newPage()
    const violations: string[] = []
    page.on('console', (m) => m.type() === 'error' && violations.push(m.text()))
    await page.goto(pathToFileURL(file).href)
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).maxWidth)).toBe('1180px')
    expect(violations).toEqual([])
    await page.close()
  })
})

describe("the demo's /receipts page", () => {
  it('shows what a receipt says was shown, the GPC signal, region and policy, and links to the report, which checks its wording', async () => {
    // Pisama as demo/pages/pisama.html describes it to the loader: its banner's digest in English today.
    const pisama: Options = { site: 'pisama', ga4: { measurementId: 'G-DEMO12345' }, vercel: true, policyUrl: '/pisama/privacy' }
    const { digest } = await wordingOf(pisama, 'en')
    const { startServer } = await import('../../demo/server.mjs')
    const receiptsDir = mkdtempSync(join(tmpdir(), 'consent-gate-demo-receipts-'))
    const server = await startServer({ receiptsDir })
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
      const now = Date.now()
      const posted = await fetch(`${base}/receipts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          consentId: 'demoreport01',
          givenAt: new Date(now).toISOString(),
          expiresAt: new Date(now + 182 * 864e5).toISOString(),
          site: 'pisama',
          revision: '1',
          choices: { analytics: true },
          via: 'banner',
          sdkVersion: '0.1.0',
          lang: 'en',
          wording: digest,
          gpc: false,
          region: 'DE',
          policy: 'opt-in',
        }),
      })
      expect(posted.status).toBe(204)
      const page = await (await fetch(`${base}/receipts`)).text()
      expect(page).toContain('<a href="/receipts/report.html">Report (HTML)</a>')
      expect(page).toContain('<th>via</th><th>lang</th><th>wording</th><th>GPC</th><th>region</th><th>policy</th>')
      expect(page).toContain(
        `<td>banner</td><td>en</td><td><code title="${digest}">${digest.slice(0, 8)}…</code></td><td>false</td><td>DE</td><td>opt-in</td>`,
      )
      const report = await fetch(`${base}/receipts/report.html`)
      expect(report.headers.get('content-type')).toMatch(/^text\/html/)
      const html = await report.text()
      expect(html).toContain('<h1>Consent report</h1>')
      expect(html).toContain('<code>demoreport01</code>')
      // The demo describes its sites to the report: the banner's wording is today's.
      expect(html).toMatch(/<td>en<\/td><td>banner<\/td><td class="yes"><a href="#w-[\w-]{43}">matches<\/a><\/td>/)
    } finally {
      await new Promise((resolve) => server.close(resolve))
      rmSync(receiptsDir, { recursive: true, force: true })
    }
  })
})
