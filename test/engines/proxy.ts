// The one door every engine's traffic goes through. Firefox and WebKit have no request routing
// like playwright's, so each browser is pointed at this HTTP proxy instead: it sends the demo's
// hosts (*.pisama.test, *.pigi.test) to the demo server, refuses everything else (the machine has
// no internet, and a tracker host must never be reached), and records every URL asked for. The
// demo pages load the tracker stand-ins from their own origin, so a tracker request is still
// one the log can name. It can also put a script at the top of every page's <head>, before the
// loader: how a test gives an engine a signal it lacks (GPC) or pollutes a page.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

const OURS = /^(127\.0\.0\.1|([\w-]+\.)*(pisama|pigi)\.test)(:\d+)?$/
/** A blank page on any of our hosts, for writing cookies as that host would (or framing a page). */
export const BLANK = '/__engines/blank'

/**
 * The blank page; with `?frame=<path>&width=<px>&height=<px>`, that page of the same host in a
 * frame of that size: a viewport of any width, in an engine whose window has a minimum size.
 */
const blank = (url: URL) => {
  const [frame, width, height] = ['frame', 'width', 'height'].map((k) => url.searchParams.get(k) ?? '')
  const inner =
    frame.startsWith('/') && /^\d+$/.test(width + height)
      ? `<iframe src="${frame.replace(/"/g, '%22')}" style="width:${width}px;height:${height}px;border:0;display:block"></iframe>`
      : ''
  return `<!doctype html><title>blank</title><body style="margin:0">${inner}`
}

export interface Proxy {
  port: number
  /** Every URL requested since the last reset, in order (CONNECTs as `https://host:port/`). */
  requests: string[]
  /** Starts a fresh log; `head` is a script run first on every page until the next reset. */
  reset(head?: string): void
  /** Resolves once no request has been open for `quietMs` (what the page would fetch, it has). */
  idle(quietMs?: number): Promise<void>
  close(): Promise<void>
}

export async function startProxy(demoPort: number): Promise<Proxy> {
  let open = 0
  let last = Date.now()
  let head = ''
  const requests: string[] = []
  const begin = (url: string) => {
    requests.push(url)
    open++
    last = Date.now()
  }
  const end = () => {
    open--
    last = Date.now()
  }

  const forward = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const upstream = request(
      { host: '127.0.0.1', port: demoPort, method: req.method, path: url.pathname + url.search, headers: req.headers },
      (answer) => {
        const html = /^text\/html/.test(answer.headers['content-type'] ?? '')
        if (!html || !head) {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
          return
        }
        const parts: Buffer[] = []
        answer.on('data', (b: Buffer) => parts.push(b))
        answer.on('end', () => {
          const body = Buffer.concat(parts)
            .toString('utf8')
            .replace(/<head>/i, (m) => `${m}<script>${head}</script>`)
          const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) }
          res.writeHead(answer.statusCode ?? 502, headers)
          res.end(body)
        })
      },
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  }

  const server: Server = createServer((req, res) => {
    res.on('close', end)
    let url: URL
    try {
      url = new URL(req.url ?? '', `http://${req.headers.host}`)
    } catch {
      begin(String(req.url))
      res.writeHead(400).end()
      return
    }
    begin(url.href)
    if (!OURS.test(url.host) || url.protocol !== 'http:') res.writeHead(502).end()
    else if (url.pathname === BLANK) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(blank(url))
    else {
      // The demo reads the Host (the URL's) for cookie domains.
      req.headers.host = url.host
      forward(req, res, url)
    }
  })
  // HTTPS would be a tunnel to a host outside the machine: recorded, then refused.
  server.on('connect', (req: IncomingMessage, socket) => {
    requests.push(`https://${req.url}/`)
    last = Date.now()
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

  return {
    port: (server.address() as AddressInfo).port,
    requests,
    reset(script = '') {
      requests.length = 0
      head = script
    },
    async idle(quietMs = 500) {
      while (open > 0 || Date.now() - last < quietMs) await new Promise((r) => setTimeout(r, 50))
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
