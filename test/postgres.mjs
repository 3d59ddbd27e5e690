// A throwaway PostgreSQL cluster for the tests and the bench: initdb in a temporary directory, the
// server on a free port of 127.0.0.1 (its socket in that directory too), removed at the end.
// Debian's `postgresql` package puts the binaries in /usr/lib/postgresql/<version>/bin; set
// PG_BIN to use others. initdb and pg_ctl refuse to run as root, so as root they run as the
// `postgres` user, as FACTS.md says.
import { execFile, execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

/** The folder with initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
export function postgresBin() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'pg_ctl')) ? process.env.PG_BIN : undefined
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : []
  const bin = versions.sort((a, b) => b - a).map((v) => join(root, v, 'bin'))[0]
  return bin && existsSync(join(bin, 'pg_ctl')) ? bin : undefined
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/**
 * Starts a cluster and resolves `{ url, restart, stop }` (each of those resolves when done). `restart({ crash: true })` stops it the
 * way a crash does (`-m immediate`: no checkpoint, recovery from the WAL on start). With `password`, TCP
 * connections must give it (SCRAM), and `url` does.
 */
export async function startPostgres({ password } = {}) {
  const bin = postgresBin()
  if (!bin) throw new Error('consent-gate: PostgreSQL is not installed (apt-get install -y postgresql)')
  const asRoot = process.getuid?.() === 0
  // The postgres user must reach the directory: as root, /tmp rather than a TMPDIR under /root.
  const dir = mkdtempSync(join(asRoot ? '/tmp' : tmpdir(), 'consent-gate-pg-'))
  const data = join(dir, 'data')
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
    chownSync(dir, uid, gid)
    chmodSync(dir, 0o700)
  }
  // Asynchronous, so a server in this process keeps answering while the cluster restarts.
  const run = (tool, args) =>
    promisify(execFile)(
      asRoot ? 'runuser' : join(bin, tool),
      asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args,
      {
        cwd: dir,
      },
    )
  const port = await freePort()
  const auth = ['-A', 'trust']
  if (password) {
    writeFileSync(join(dir, 'password'), password)
    if (asRoot) chownSync(join(dir, 'password'), Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), 0)
    auth.push('--auth-host=scram-sha-256', '--pwfile', join(dir, 'password'))
  }
  await run('initdb', ['-D', data, ...auth, '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=100`
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start'])
  const stopWith = (mode) => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop'])
  await start()
  let stopped = false
  return {
    url: `postgres://postgres${password ? ':' + encodeURIComponent(password) : ''}@127.0.0.1:${port}/postgres`,
    port,
    /** Stops the server (`crash`: as a crash does) and starts it again on the same port. */
    async restart({ crash = false } = {}) {
      await stopWith(crash ? 'immediate' : 'fast')
      await start()
    },
    async stop() {
      if (stopped) return
      stopped = true
      try {
        await stopWith('fast')
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
