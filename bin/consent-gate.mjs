#!/usr/bin/env node
// `npx consent-gate scan <url…>` and `init <url…>`: see `consent-gate --help`, docs/scan.md and docs/init.md.
import { main } from '../dist/scan/cli.js'

// Exit code 1 means "violations": an unexpected failure must never look like one, nor like a
// clean scan. It is "could not scan" (2), with the error to report.
try {
  process.exitCode = await main(process.argv.slice(2))
} catch (e) {
  process.stderr.write(`consent-gate: could not scan, an unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exitCode = 2
}
