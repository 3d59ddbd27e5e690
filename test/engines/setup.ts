import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { CHROMIUM } from '../chromium.mjs'
import type { EngineName } from './driver'
import { FIREFOX } from './firefox'
import { MINIBROWSER, WEBKIT_DRIVER, XVFB, hasWebKit } from './webkit'

const INSTALL: Record<EngineName, [boolean, string]> = {
  chromium: [existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`],
  firefox: [existsSync(FIREFOX), `no Firefox ESR at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH)`],
  webkit: [hasWebKit(), `no WebKitGTK (${WEBKIT_DRIVER}, ${MINIBROWSER}, ${XVFB}): apt-get install -y webkit2gtk-driver xvfb`],
}

/**
 * Runs once: which engines are here (in CI, with CONSENT_GATE_REQUIRE_BROWSER, a missing one
 * fails the run; elsewhere it is skipped, loudly), and the demo server every engine's proxy sends
 * the demo hosts to. The pages load the tracker stand-ins from their own origin.
 */
export default async function setup(project: TestProject) {
  const engines = Object.fromEntries(Object.entries(INSTALL).map(([name, [here]]) => [name, here])) as Record<EngineName, boolean>
  const missing = Object.values(INSTALL)
    .filter(([here]) => !here)
    .map(([, how]) => how)
  if (missing.length && process.env.CONSENT_GATE_REQUIRE_BROWSER)
    throw new Error(`consent-gate: the engines suite is required here, and ${missing.join('; ')}`)
  for (const how of missing) console.warn(`\n!!! ENGINE SKIPPED: ${how} !!!\n`)
  project.provide('engines', engines)
  const { startServer } = await import('../../demo/server.mjs')
  const receiptsDir = mkdtempSync(join(tmpdir(), 'consent-gate-engines-'))
  const server = await startServer({ receiptsDir })
  project.provide('demoPort', server.address().port)
  return () =>
    new Promise<void>((resolve) => server.close(() => resolve())).then(() =>
      rmSync(receiptsDir, { recursive: true, force: true }),
    )
}

declare module 'vitest' {
  export interface ProvidedContext {
    engines: Record<EngineName, boolean>
    demoPort: number
  }
}
