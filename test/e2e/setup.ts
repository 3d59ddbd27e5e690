import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { CHROMIUM } from '../chromium.mjs'

/**
 * Runs once for the whole suite: decides whether a browser is there, and serves the demo (with
 * real tracker hostnames, which the tests answer themselves) for every test file.
 */
export default async function setup(project: TestProject) {
  const hasBrowser = existsSync(CHROMIUM)
  project.provide('hasBrowser', hasBrowser)
  if (!hasBrowser) {
    if (process.env.CONSENT_GATE_REQUIRE_BROWSER)
      throw new Error(`consent-gate: no Chromium at ${CHROMIUM}; the browser suite is required here`)
    console.warn(
      `\n!!! BROWSER SUITE SKIPPED: no Chromium at ${CHROMIUM}. Run \`apt-get install -y chromium\` (or set CHROMIUM_PATH) to enable it. !!!\n`,
    )
    return
  }
  const { buildApp, startServer } = await import('../../demo/server.mjs')
  await buildApp()
  // Receipts go to an embedded store of this run's own.
  const receiptsDir = mkdtempSync(join(tmpdir(), 'consent-gate-receipts-'))
  const server = await startServer({ realTrackerHosts: true, receiptsDir })
  project.provide('port', server.address().port)
  return () =>
    new Promise<void>((resolve) => server.close(() => resolve())).then(() =>
      rmSync(receiptsDir, { recursive: true, force: true }),
    )
}

declare module 'vitest' {
  export interface ProvidedContext {
    hasBrowser: boolean
    port: number
  }
}
