/**
 * Node's `http` (and Express, which builds on it) to a Web `Request` handler and back. Node's
 * request and response are described by shape only, so the server entry imports nothing from
 * `node:` and still loads on edge runtimes that never call this.
 */
export interface NodeRequest extends AsyncIterable<Uint8Array | string> {
  method?: string
  url?: string
  headers: Record<string, string | string[] | undefined>
  socket?: { remoteAddress?: string; encrypted?: boolean }
  /** Node's: the whole body has arrived (not necessarily been read). */
  complete?: boolean
}

export interface NodeResponse {
  writeHead(status: number, headers: [string, string][] | Record<string, string | string[]>): unknown
  end(body?: Uint8Array): unknown
}

/**
 * The Web `Request` for a Node request; its body is read as the handler reads it. What the handler
 * leaves unread stays unread: `nodeHandler` reads and drops it, or closes the connection.
 */
export const toRequest = (req: NodeRequest): Request => convert(req).request

/**
 * The `Request`, and `drain`, which reads and drops what the handler left of the body. A body is
 * never cut short by destroying the request: Node would destroy the socket with it, under the
 * answer still to be written.
 */
function convert(req: NodeRequest): { request: Request; drain: () => Promise<void> } {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v)
  const origin = `${req.socket?.encrypted ? 'https' : 'http'}://${headers.get('host') ?? 'localhost'}`
  const method = req.method ?? 'GET'
  let url: URL
  try {
    url = new URL(req.url ?? '/', origin)
  } catch {
    url = new URL(req.url ?? '/', 'http://localhost')
  }
  if (method === 'GET' || method === 'HEAD') return { request: new Request(url, { method, headers }), drain: async () => {} }
  const chunks = req[Symbol.asyncIterator]()
  let ended = false
  const next = async () => {
    const step = await chunks.next()
    ended ||= !!step.done
    return step
  }
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await next()
      if (done) controller.close()
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value)
    },
  })
  const drain = async () => {
    try {
      while (!ended) await next()
    } catch {
      // The client went away: nothing is left to read.
    }
  }
  // `duplex` is what Node's fetch asks of a streamed body; other runtimes ignore it.
  return { request: new Request(url, { method, headers, body, duplex: 'half' } as RequestInit), drain }
}

/** Writes a Web `Response` to Node's response. */
export const sendResponse = (res: NodeResponse, response: Response): Promise<void> => send(res, response, false)

async function send(res: NodeResponse, response: Response, close: boolean): Promise<void> {
  const headers: [string, string][] = []
  response.headers.forEach((value, name) => headers.push([name, value]))
  if (close) headers.push(['connection', 'close'])
  res.writeHead(response.status, headers)
  res.end(response.body ? new Uint8Array(await response.arrayBuffer()) : undefined)
}

/**
 * A Node `http` (or Express) handler around a Web one, which also gets the peer's address:
 * `createServer(nodeHandler((request, address) => handleReceipt(request, store, { address })))`.
 * Behind a proxy the peer is the proxy: take the visitor's address from the header it sets.
 *
 * The connection stays usable for the next request (with a pooling proxy, perhaps another
 * visitor's): a body the handler did not read to its end is read and dropped once answered, and
 * when part of it has not even arrived (an oversized one, say) the answer says `Connection: close`
 * and Node closes the connection once the answer is out, rather than wait for an unbounded rest.
 */
export function nodeHandler(
  handle: (request: Request, address: string | undefined) => Response | Promise<Response>,
): (req: NodeRequest, res: NodeResponse) => Promise<void> {
  return async (req, res) => {
    let response: Response
    let drain = async () => {}
    try {
      const converted = convert(req)
      drain = converted.drain
      response = await handle(converted.request, req.socket?.remoteAddress)
    } catch {
      response = new Response('consent-gate: the request could not be handled\n', { status: 500 })
    }
    try {
      await send(res, response, req.complete === false)
    } catch {
      // Headers already sent (by middleware before us), or the connection is gone: no one to tell.
    }
    // Read on even when closing: a peer whose unread bytes are dropped gets a reset, and may lose the answer.
    await drain()
  }
}
