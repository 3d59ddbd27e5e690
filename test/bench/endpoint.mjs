// The demo server with its embedded store, in a process of its own, so a fault test can kill it
// (SIGKILL: no close, no flush) and start it again on the same directory and port. Sends its port
// to the parent once listening; on the message "stop" closes the server and the store, and exits.
import { startServer } from '../../demo/server.mjs'
import { pgliteStore } from '../../dist/server/pglite.js'

const [dir, port] = process.argv.slice(2)
const store = await pgliteStore(dir)
const server = await startServer({ port: Number(port), store })
process.send(server.address().port)
process.on('message', async (message) => {
  if (message !== 'stop') return
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await store.close()
  process.exit(0)
})
