// Debian's Chromium, launched as every browser test and measurement here needs it: test tools
// cannot download browsers on this machine, and nothing may reach the network on its own.
import { chromium } from 'playwright-core'
import { CHROMIUM_FLAGS } from '../src/scan/flags.mjs'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Demo hostnames with a parent domain, so parent-domain cookies are real. */
export const TEST_HOSTS = '--host-resolver-rules=MAP *.pisama.test 127.0.0.1, MAP *.pigi.test 127.0.0.1, MAP *.acme.test 127.0.0.1'

export const launchChromium = (...args) =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS, ...args],
  })
