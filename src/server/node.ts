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
}

export interface NodeResponse {
  writeHead(status: number, headers: [string, string][] | Record<string, string | string[]>): unknown
  end(body?: Uint8Array): unknown
}

/** The Web `Request` for a Node request; its body is read as the handler reads it. */
export function toRequest(req: NodeRequest): Request {
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
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers })
  const chunks = req[Symbol.asyncIterator]()
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await chunks.next()
      if (done) controller.close()
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value)
    },
    async cancel() {
      await chunks.return?.()
    },
  })
  // `duplex` is what Node's fetch asks of a streamed body; other runtimes ignore it.
  return new Request(url, { method, headers, body, duplex: 'half' } as RequestInit)
}

/** Writes a Web `Response` to Node's response. */
export async function sendResponse(res: NodeResponse, response: Response): Promise<void> {
  const headers: [string, string][] = []
  response.headers.forEach((value, name) => headers.push([name, value]))
  res.writeHead(response.status, headers)
  res.end(response.body ? new Uint8Array(await response.arrayBuffer()) : undefined)
}

/**
 * A Node `http` (or Express) handler around a Web one, which also gets the peer's address:
 * `createServer(nodeHandler((request, address) => handleReceipt(request, store, { address })))`.
 * Behind a proxy the peer is the proxy: take the visitor's address from the header it sets.
 */
export function nodeHandler(
  handle: (request: Request, address: string | undefined) => Response | Promise<Response>,
): (req: NodeRequest, res: NodeResponse) => Promise<void> {
  return async (req, res) => {
    let response: Response
    try {
      response = await handle(toRequest(req), req.socket?.remoteAddress)
    } catch {
      response = new Response('consent-gate: the request could not be handled\n', { status: 500 })
    }
    await sendResponse(res, response)
  }
}
