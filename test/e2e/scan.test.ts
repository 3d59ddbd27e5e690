import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createSocket } from 'node:dgram'
import { createServer, type Server } from 'node:http'
import { createServer as createTcpServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Report } from '../../src/scan/findings'

const root = join(import.meta.dirname, '../..')
const out = mkdtempSync(join(tmpdir(), 'consent-gate-scan-'))

/** Runs the built CLI as a site's CI would: `consent-gate scan …`. */
const scan = (...args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/consent-gate.mjs'), 'scan', ...args], { cwd: root })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
const json = (file: string): Report => JSON.parse(readFileSync(file, 'utf8'))

// Each test runs the CLI, which starts its own Chromium: slow on a loaded machine, never timed.
describe.skipIf(!inject('hasBrowser'))('consent-gate scan against the demo', { timeout: 240_000 }, () => {
  const demo = (path: string) => `http://127.0.0.1:${inject('port')}${path}`

  it('finds Pisama and Pigi clean: exit 0, every cookie declared', async () => {
    const file = join(out, 'clean.json')
    const { code, stdout } = await scan(demo('/pisama/'), demo('/pigi/'), '--json', file)
    expect(stdout).toContain('No violations.')
    expect(code).toBe(0)
    const report = json(file)
    expect(report).toMatchObject({ version: 1, pages: [demo('/pisama/'), demo('/pigi/')], violations: [] })
    const [pisama, pigi] = report.visits
    expect(pisama).toMatchObject({ consentGate: true, banner: true, phases: ['before', 'accept', 'reject'] })
    expect(pigi).toMatchObject({ consentGate: true, banner: false, phases: ['before'] })
    const cookies = Object.fromEntries(report.cookies.map((c) => [c.name, c]))
    // Pigi's session cookie is HttpOnly: the scanner still gets the gate's word on it.
    expect(cookies.pigi_session).toMatchObject({ class: 'session', declared: true, httpOnly: true, phases: ['before'] })
    expect(cookies['XSRF-TOKEN']).toMatchObject({ class: 'xsrf', declared: true })
    expect(cookies.consent_gate).toMatchObject({ class: 'essential', declared: true, phases: ['accept', 'reject'] })
    // The demo loads gtag.js from Google's host: answered locally, seen only after accept.
    expect(report.requests).toContainEqual(
      expect.objectContaining({ host: 'www.googletagmanager.com', tracker: 'Google Tag Manager', phases: ['accept'] }),
    )
  })

  it('catches the leaky page: _ga and _fbp before consent and after reject, _fbp undeclared; exit 1', async () => {
    const file = join(out, 'leaky.json')
    const declarations = join(out, 'declarations.json')
    const { code, stdout } = await scan(demo('/leaky/'), '--json', file, '--declarations', declarations)
    expect(code).toBe(1)
    expect(stdout).toMatch(/^VIOLATIONS \(\d+\)$/m)
    const { violations } = json(file)
    for (const phase of ['before', 'reject'])
      for (const name of ['_ga', '_fbp'])
        expect(violations).toContainEqual(expect.objectContaining({ kind: 'cookie', name, phase }))
    expect(violations).toContainEqual(expect.objectContaining({ kind: 'undeclared', name: '_fbp', phase: 'before' }))
    // The SDK removes _ga, which the site declares, before the scanner can ask it: gone, not undeclared.
    expect(violations).not.toContainEqual(expect.objectContaining({ kind: 'undeclared', name: '_ga' }))
    expect(violations).toContainEqual(expect.objectContaining({ kind: 'request', name: 'www.facebook.com/tr', phase: 'before' }))
    expect(violations.filter((v) => v.phase === 'accept')).toEqual([])
    expect(stdout).not.toContain('No violations')
    expect(JSON.parse(readFileSync(declarations, 'utf8'))).toContainEqual({
      name: '_fbp',
      class: 'marketing',
      provider: 'Meta Pixel',
      purpose: expect.any(String),
      lifetime: '3 months',
    })
  })
  it('gives a headless-mode page (ui: false) its three visits, choosing through the API', async () => {
    const file = join(out, 'headless.json')
    const { code, stdout } = await scan(demo('/pisama/headless/'), '--timeout', '5', '--json', file)
    expect(code).toBe(0)
    expect(json(file).visits[0]).toMatchObject({
      consentGate: true,
      banner: false,
      choice: 'api',
      phases: ['before', 'accept', 'reject'],
      loaded: true,
    })
    expect(stdout).toContain(
      'consent-gate page that asks without its banner (headless mode): visited before a choice, after acceptAll() and after rejectAll() through its API',
    )
    expect(stdout).not.toContain('without a banner (nothing to ask)')
    // Accepting through the API loads what the site declared: the visit really happened.
    expect(json(file).requests).toContainEqual(expect.objectContaining({ host: 'www.googletagmanager.com', phases: ['accept'] }))
  })

  it('--region US-CA: Acme under opt-out, its trackers before a choice allowed, none after a refusal; DE: opt-in as ever', async () => {
    const file = join(out, 'acme-ca.json')
    const { code, stdout } = await scan(demo('/acme/'), '--region', 'US-CA', '--json', file)
    expect(stdout).toContain('consent-gate page under opt-out rules')
    expect(code).toBe(0)
    const report = json(file)
    expect(report.visits[0]).toMatchObject({ policy: 'opt-out', choice: 'api', phases: ['before', 'accept', 'reject'] })
    expect(report.violations).toEqual([])
    // Tag Manager ran before any choice and after accept, and not once the visitor opted out.
    expect(report.requests).toContainEqual(
      expect.objectContaining({ host: 'www.googletagmanager.com', phases: ['before', 'accept'] }),
    )
    const eu = join(out, 'acme-de.json')
    expect((await scan(demo('/acme/'), '--region', 'DE', '--json', eu)).code).toBe(0)
    expect(json(eu).visits[0]).toMatchObject({ choice: 'banner', phases: ['before', 'accept', 'reject'] })
    expect(json(eu).visits[0].policy).toBeUndefined()
  })
})

/**
 * What a page may try besides HTTP to its own host, aimed at `udp` and `tcp`: listeners on
 * 127.0.0.1 while the page is scanned as `localhost`, so the listeners are another host.
 */
const talk = (udp: number, tcp: number) => `
  const other = '127.0.0.1', tries = []
  const attempt = (what, fn) => { try { const r = fn(); r && r.catch && r.catch(() => {}) } catch (e) { tries.push(what + ': ' + e.name) } }
  const rtc = (RTC) => attempt('webrtc', async () => {
    const pc = new RTC({ iceServers: [
      { urls: 'stun:' + other + ':${udp}' },
      { urls: 'turn:' + other + ':${udp}?transport=udp', username: 'u', credential: 'p' },
      { urls: 'turn:' + other + ':${tcp}?transport=tcp', username: 'u', credential: 'p' },
    ] })
    pc.createDataChannel('x')
    await pc.setLocalDescription(await pc.createOffer())
    // A remote candidate makes ICE send checks to it, STUN server or not.
    const peer = new RTC()
    await peer.setRemoteDescription(pc.localDescription)
    await peer.setLocalDescription(await peer.createAnswer())
    await peer.addIceCandidate({ candidate: 'candidate:1 1 udp 2122260223 ' + other + ' ${udp} typ host', sdpMid: '0', sdpMLineIndex: 0 })
  })
  if (self.RTCPeerConnection) rtc(self.RTCPeerConnection)
  if (self.document) {
    // A frame the scanner's script may not reach first: its own RTCPeerConnection.
    const blank = document.createElement('iframe')
    document.documentElement.append(blank)
    if (blank.contentWindow && blank.contentWindow.RTCPeerConnection) rtc(blank.contentWindow.RTCPeerConnection)
  }
  attempt('websocket', () => { new WebSocket('ws://' + other + ':${tcp}/') })
  attempt('webtransport', () => { const w = new WebTransport('https://' + other + ':${udp}/'); w.closed.catch(() => {}); return w.ready })
  attempt('fetch', () => fetch('http://' + other + ':${tcp}/fetch', { mode: 'no-cors' }))
  attempt('beacon', () => { navigator.sendBeacon && navigator.sendBeacon('http://' + other + ':${tcp}/beacon', 'x') })
  attempt('eventsource', () => { new EventSource('http://' + other + ':${tcp}/events') })
  attempt('ipv6', () => { new WebSocket('ws://[::1]:${tcp}/') })
  attempt('wss', () => { new WebSocket('wss://' + other + ':${tcp}/') })
  attempt('form', () => {
    if (!self.document || self.frameElement) return
    const form = Object.assign(document.createElement('form'), { method: 'post', action: 'http://' + other + ':${tcp}/form', target: 'sink' })
    document.documentElement.append(form, Object.assign(document.createElement('iframe'), { name: 'sink' }))
    form.submit()
  })
`

describe.skipIf(!inject('hasBrowser'))('consent-gate scan against hostile pages', { timeout: 240_000 }, () => {
  let server: Server
  const url = (path: string, host = '127.0.0.1') => `http://${host}:${(server.address() as AddressInfo).port}${path}`
  // Everything that reaches these listeners is traffic the scanner let a page send to a host it does not scan.
  const received: string[] = []
  const udp = createSocket('udp4').on('message', (m) => received.push(`UDP ${m.length} bytes`))
  const tcp = createTcpServer((socket) => (received.push('TCP connection'), socket.destroy()))
  const port = (s: { address(): unknown }) => (s.address() as AddressInfo).port
  // The geo headers each request to /geo (scanned) and /geo-pixel (another origin) carried.
  const geo: { path: string; country?: string | string[]; own?: string | string[] }[] = []
  beforeAll(async () => {
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve))
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve))
    server = createServer((req, res) => {
      const html = (body: string) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>t</title>${body}`)
      const attempts = talk(port(udp), port(tcp))
      const elsewhere = `http://127.0.0.1:${port(tcp)}`
      const built = join(
        root,
        'dist',
        String(req.url)
          .slice(14)
          .replace(/\.\.|[?#].*/gs, ''),
      )
      if (req.url === '/geo' || req.url === '/geo-pixel')
        geo.push({ path: req.url, country: req.headers['x-vercel-ip-country'], own: req.headers['x-geo'] })
      // /hang never answers.
      if (req.url === '/geo') html(`<img src="http://127.0.0.1:${port(server)}/geo-pixel">`)
      else if (req.url === '/talk')
        html(
          `<link rel="preconnect" href="${elsewhere}"><link rel="dns-prefetch" href="//tracker.elsewhere.example">
           <link rel="prefetch" href="${elsewhere}/prefetch"><img src="ftp://127.0.0.1:${port(tcp)}/x.gif">
           <script type="speculationrules">{"prerender": [{"source": "list", "urls": ["${elsewhere}/prerender"]}]}</script>
           <script>${attempts}</script><iframe src="/talk-frame"></iframe>
           <script>new Worker('/talk.js'); new SharedWorker('/talk.js'); window.open('/talk-frame')</script>`,
        )
      else if (req.url === '/talk-frame') html(`<script>${attempts}</script>`)
      else if (req.url === '/talk.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(attempts)
      else if (req.url === '/bad-links')
        html('<a href="http://[::1">broken</a><a href="http://exa mple.com/">spaced</a><a href="/ok#x">fine</a>')
      else if (req.url === '/dotted')
        html(
          `<img src="https://www.google-analytics.com./g/collect?v=2&tid=G-1">
           <img src="https://WWW.FACEBOOK.COM/trending"><img src="https://www.facebook.com/tr?id=1">
           <img src="/to-bing"><script>new WebSocket('wss://ws.hotjar.com/api/v2/client/ws')</script>`,
        )
      // A pixel behind the site's own redirect: the browser follows it where no route looks.
      else if (req.url === '/to-bing') res.writeHead(302, { location: 'https://bat.bing.com/action/0?ti=1' }).end()
      else if (req.url === '/bad-redirect') res.writeHead(302, { location: 'http://[::1' }).end()
      else if (req.url === '/ansi')
        html(`<script>
          localStorage.setItem('\x1b[2J\x1b[H\x1b[32mNo violations.\x1b[0m\u202e', '1')
          document.cookie = 'fake\u2066=1; Path=/'
          throw new Error('\x1b]0;owned\x07\x1b[1A\x1b[2KNo violations.')
        </script>`)
      // Set and removed before the visit ends: through document.cookie in a frame, through the
      // Cookie Store, and a Set-Cookie header's, removed by the page.
      else if (req.url === '/set-and-remove')
        html(`<iframe srcdoc="<script>document.cookie = '_ga=GA1.1.1.1; Path=/; Max-Age=600'; document.cookie = '_ga=; Path=/; Max-Age=0'</script>"></iframe>
          <script>
            document.cookie = 'kept=1; Path=/'
            cookieStore.set('_gid', 'GA1.1.2').then(() => cookieStore.delete('_gid'))
          </script>`)
      else if (req.url === '/from-header')
        res
          .writeHead(200, {
            'content-type': 'text/html',
            'set-cookie': ['_fbp=fb.1.2.3; Path=/; Max-Age=600', 'gone=1; Max-Age=0'],
          })
          .end(
            `<!doctype html><title>t</title><script>document.cookie = '_fbp=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'</script>`,
          )
      // Markup that names an element "cookie" hides document.cookie; a frame's window is one whose
      // `split` the frame chooses. The gate's word on the HttpOnly cookie must still be asked for.
      else if (req.url === '/clobbered' || req.url === '/clobbered-img')
        res
          .writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'pigi_session=1; Path=/; HttpOnly' })
          .end(
            `<!doctype html><title>t</title><script src="/consent-gate/consent-gate.js" data-site="pigi"></script>` +
              (req.url === '/clobbered-img'
                ? '<img name="cookie" alt="">'
                : `<iframe name="cookie" srcdoc="<script>split = () => ['pigi_session=1']</script>"></iframe>`),
          )
      // The built SDK and its chunks, as the demo serves them.
      else if (req.url?.startsWith('/consent-gate/') && existsSync(built))
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(built))
      else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end()
      else if (req.url === '/busy') html('<script>for (;;) {}</script>')
      else if (req.url === '/rude')
        html(
          `<script src="https://cdn.elsewhere.example/x.js"></script>
           <script>window.open('/popup'); alert('hello'); document.cookie = 'plain=1; Path=/'</script>
           <script>throw new Error('boom')</script><a href="/linked">more</a>`,
        )
      else if (req.url !== '/hang') html('<p>plain</p>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  })
  afterAll(() => {
    server.closeAllConnections()
    server.close()
    udp.close()
    tcp.close()
  })

  it('sends --region and --header to the scanned origin only, never to another host', async () => {
    const { code } = await scan(url('/geo', 'localhost'), '--allow', '127.0.0.1', '--region', 'US-CA', '--header', 'x-geo: US-CA')
    expect(code).toBe(0)
    expect(geo.filter((g) => g.path === '/geo')).toContainEqual({ path: '/geo', country: 'US', own: 'US-CA' })
    const pixel = geo.filter((g) => g.path === '/geo-pixel')
    expect(pixel.length).toBeGreaterThan(0)
    expect(pixel.every((g) => g.country === undefined && g.own === undefined)).toBe(true)
  })

  it('reports and skips what hangs, loops or spins; notes popups, dialogs and errors; contacts no other host', async () => {
    const file = join(out, 'hostile.json')
    const { code, stdout } = await scan(
      url('/hang'),
      url('/loop'),
      url('/busy'),
      url('/rude'),
      '--crawl',
      '1',
      // Long enough for a loaded machine to load /rude and see /loop loop; /hang waits it out.
      '--timeout',
      '8',
      '--json',
      file,
    )
    // Three of the four pages it was given could not be scanned: not a clean scan.
    expect(code).toBe(2)
    expect(stdout).toContain('No violations in what was scanned, but 3 pages were NOT (FULLY) SCANNED')
    const report = json(file)
    const byUrl = Object.fromEntries(report.visits.map((v) => [v.url.replace(/^http:\/\/[^/]+/, ''), v]))
    expect(byUrl['/hang']).toMatchObject({ loaded: false, notes: ['not scanned: did not finish loading within 8 s'] })
    expect(byUrl['/loop']).toMatchObject({ loaded: false, notes: ['not scanned: redirects too many times'] })
    expect(byUrl['/busy']).toMatchObject({ loaded: false })
    expect(byUrl['/rude']).toMatchObject({
      loaded: true,
      consentGate: false,
      phases: ['before'],
      blocked: ['cdn.elsewhere.example'],
    })
    expect(byUrl['/rude'].notes).toEqual(
      expect.arrayContaining([
        'opened a popup window; it was closed',
        'opened a dialog (alert); it was dismissed',
        'the page threw: boom',
      ]),
    )
    // --crawl 1 follows the one same-origin link.
    expect(byUrl['/linked']).toMatchObject({ loaded: true })
    expect(report.cookies).toContainEqual(expect.objectContaining({ name: 'plain', class: 'unknown', declared: null }))
    expect(stdout).toContain('no consent-gate on this page: one visit, before any choice')
  })

  it('reports links and redirects that are not URLs instead of crashing', async () => {
    const file = join(out, 'bad-links.json')
    const { code, stdout, stderr } = await scan(url('/bad-links'), '--crawl', '5', '--json', file)
    expect(stderr).not.toMatch(/TypeError|Invalid URL/)
    expect(code).toBe(0)
    expect(stdout).toContain('! 2 links are not a URL and were not followed, e.g. "http://[::1"')
    const report = json(file)
    expect(report.visits.map((v) => [v.url, v.loaded])).toEqual([
      [url('/bad-links'), true],
      [url('/ok'), true],
    ])
    expect(report.visits[0].notes).toContain('2 links are not a URL and were not followed, e.g. "http://[::1"')

    const redirect = await scan(url('/bad-redirect'), '--timeout', '5')
    expect(redirect.stderr).not.toMatch(/TypeError|Invalid URL/)
    expect(redirect.code).toBe(2)
    expect(redirect.stdout).toContain('NOTHING SCANNED')
    expect(redirect.stdout).not.toContain('No violations')
  })

  it('prints none of the control or bidi characters a page puts in its keys and errors', async () => {
    const { stdout } = await scan(url('/ansi'))
    expect(stdout).toContain('\\x1b[2J\\x1b[H\\x1b[32mNo violations.\\x1b[0m\\u{202e}')
    expect(stdout).toContain('! the page threw: \\x1b]0;owned\\x07\\x1b[1A\\x1b[2KNo violations.')
    expect(stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/)
    // The one "No violations." is the scanner's own (the page is clean): the page's sit inside rows.
    expect(stdout.split('\n').filter((l) => l.includes('No violations'))).toEqual([
      'No violations.',
      expect.stringMatching(/^ {2}! the page threw: /),
      expect.stringMatching(/^ {4}\\x1b/),
    ])
  })

  it('lets a page reach no other host: WebRTC, WebSocket, WebTransport, beacons, prefetches, in frames, workers and popups', async () => {
    const file = join(out, 'talk.json')
    // Scanned as localhost: 127.0.0.1, where the listeners are, is another host.
    const { code, stdout } = await scan(url('/talk', 'localhost'), '--timeout', '5', '--json', file)
    expect(code).toBe(0)
    // The scan is over, and every visit's context closed: whatever the page sent has arrived.
    expect(received).toEqual([])
    const [talked] = json(file).visits
    expect(talked).toMatchObject({ url: url('/talk', 'localhost'), loaded: true })
    expect(talked.notes).toEqual(
      expect.arrayContaining([
        'tried WebRTC: switched off while scanning, nothing was sent',
        'tried WebTransport: switched off while scanning, nothing was sent',
        'opened a popup window; it was closed',
      ]),
    )
    expect(talked.blocked).toContain('127.0.0.1')
    expect(stdout).toContain('! tried WebRTC: switched off while scanning, nothing was sent')
  })

  it('reports a tracker cookie the page set and removed before the visit ended, in a frame and through the Cookie Store', async () => {
    const file = join(out, 'set-and-remove.json')
    // Scanned as localhost: a secure context, where the Cookie Store is.
    const { code, stdout } = await scan(url('/set-and-remove', 'localhost'), '--json', file)
    expect(code).toBe(1)
    const report = json(file)
    const cookies = Object.fromEntries(report.cookies.map((c) => [c.name, c]))
    expect(cookies._ga).toMatchObject({
      domain: 'localhost',
      path: '/',
      class: 'analytics',
      phases: ['before'],
      gone: ['before'],
    })
    expect(cookies._gid).toMatchObject({ class: 'analytics', gone: ['before'] })
    expect(cookies.kept).not.toHaveProperty('gone')
    expect(report.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'cookie', name: '_ga', phase: 'before', gone: true }),
        expect.objectContaining({ kind: 'cookie', name: '_gid', phase: 'before', gone: true }),
      ]),
    )
    expect(stdout).toMatch(/^ {4}before {2}cookie \(set, then removed\) +_ga /m)
    expect(stdout).toMatch(/^ {4}_ga .* set, then removed +no +Lax$/m)
  })

  it('reports a Set-Cookie header’s tracker cookie that the page then deletes, and not one the header itself deletes', async () => {
    const file = join(out, 'from-header.json')
    const { code } = await scan(url('/from-header'), '--json', file)
    expect(code).toBe(1)
    const report = json(file)
    expect(report.cookies.map((c) => c.name)).toEqual(['_fbp'])
    expect(report.cookies[0]).toMatchObject({ class: 'marketing', path: '/', gone: ['before'] })
    expect(report.violations).toContainEqual(
      expect.objectContaining({ kind: 'cookie', name: '_fbp', phase: 'before', gone: true }),
    )
  })

  it('asks the gate about every cookie whatever markup named "cookie" hides document.cookie with', async () => {
    const file = join(out, 'clobbered.json')
    const { code, stdout } = await scan(url('/clobbered'), url('/clobbered-img'), '--json', file)
    expect(stdout).toContain('No violations.')
    expect(code).toBe(0)
    const report = json(file)
    expect(report.visits.map((v) => [v.consentGate, v.loaded])).toEqual([
      [true, true],
      [true, true],
    ])
    expect(report.cookies).toContainEqual(
      expect.objectContaining({ name: 'pigi_session', httpOnly: true, class: 'session', declared: true, pages: report.pages }),
    )
  })

  it('catches a tracker host written with a trailing dot, behind a redirect or on a WebSocket, and knows facebook.com/trending is not the pixel', async () => {
    const file = join(out, 'dotted.json')
    const { code } = await scan(url('/dotted'), '--json', file)
    expect(code).toBe(1)
    const report = json(file)
    expect(report.violations.map((v) => v.name).sort()).toEqual([
      'bat.bing.com/action/0',
      'ws.hotjar.com/api/v2/client/ws',
      'www.facebook.com/tr',
      'www.google-analytics.com./g/collect',
    ])
    expect(report.requests.map((r) => r.url)).not.toContainEqual(expect.stringContaining('trending'))
    // Answered locally as a tracker host, not left to the resolver.
    expect(report.visits[0].blocked).toEqual(['www.facebook.com'])
  })
})
