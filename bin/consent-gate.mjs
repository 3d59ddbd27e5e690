#!/usr/bin/env node
// `npx consent-gate scan <url…>`, `init <url…>` and `copy <public-dir>`: see `consent-gate --help`, docs/scan.md,
// docs/init.md and docs/performance.md.
import { main } from '../dist/scan/cli.js'

const [command, ...args] = process.argv.slice(2)
// Exit code 1 means "violations": an unexpected failure must never look like one, nor like a
// clean scan. It is "could not scan" (2), with the error to report.
try {
  // `consent-gate receipts …` (docs/server.md): its own module, which loads a database driver only when used.
  if (command === 'receipts') process.exitCode = await (await import('../dist/server/cli.js')).main(args)
  // `consent-gate copy …` (docs/performance.md): it prints what the server's preloadHints gives.
  else if (command === 'copy') process.exitCode = await (await import('../dist/server/cli.js')).copy(args, process)
  else {
    process.exitCode = await main(process.argv.slice(2))
    if (['-h', '--help', 'help'].includes(command)) {
      const server = await import('../dist/server/cli.js')
      process.stdout.write(server.COPY_HELP + server.SUMMARY)
    }
  }
} catch (e) {
  const what = command === 'receipts' ? 'could not read the receipts' : command === 'copy' ? 'could not copy' : 'could not scan'
  process.stderr.write(`consent-gate: ${what}, an unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exitCode = 2
}
