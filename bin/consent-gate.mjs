#!/usr/bin/env node
// `npx consent-gate scan <url…>`: see `consent-gate --help` and the README's "Scanning a site".
import { main } from '../dist/scan/cli.js'

process.exitCode = await main(process.argv.slice(2))
