// The bench's page server in a process of its own (pages.mjs `serveApart` forks this): the process
// that drives Chromium is busy with its events and, in a traced view, the trace itself, and a
// server sharing its event loop answers each request only once that work is done.
import { startServer } from './pages.mjs'

const { origin } = await startServer()
process.send(origin)
// It ends with the bench, however the bench ends.
process.on('disconnect', () => process.exit())
