import { defineConfig } from 'vitest/config'
import { buildCatalogue } from './scripts/catalogue.mjs'

// The catalogue's tables are generated from data/*.csv; tests import them from src.
buildCatalogue()

// Tests wait for effects, never for a fixed time; on a loaded machine an effect comes late, so the
// waits are long: a slow machine makes a run slower, never a verdict different.
const SLOW = 120e3

/**
 * Six groups (`vitest run --project NAME`). `npm test` runs `unit` (no build, no browser: `npm run
 * test:unit`), `package` (the build) and `browser` (the promise in Chromium); CI then runs the slower
 * four: `regions` (rules by region in Chromium: `npm run test:regions`), `look` (how the banner,
 * dialog and demo panel look and answer, in every language and layout:
 * `npm run test:look`), `scan` (the scanner CLI and init against the demo and fixture sites, `npm run
 * test:scan`) and `server` (the receipt stores on PGlite and PostgreSQL, and the endpoint under load:
 * `npm run test:server`).
 */
const SCANNER = ['test/e2e/scan.test.ts', 'test/e2e/init.test.ts', 'test/e2e/baseline.test.ts']
const LOOK = [
  'test/e2e/ui.test.ts',
  'test/e2e/layout.test.ts',
  'test/e2e/languages.test.ts',
  'test/e2e/panel.test.ts',
  'test/e2e/choices-look.test.ts',
]
/** Rules by region in Chromium: the policies matrix, the opt-out link, dialog and notice, the demo's switcher. */
const REGIONS = ['test/e2e/regions.test.ts', 'test/e2e/choices.test.ts', 'test/e2e/demo-regions.test.ts']

export default defineConfig({
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment', development: false } },
  test: {
    environment: 'happy-dom',
    environmentOptions: {
      happyDOM: {
        url: 'http://www.pisama.test/',
        // Unit tests check which scripts are added, never run them, and never load an embed's page.
        settings: {
          disableJavaScriptFileLoading: true,
          handleDisabledFileLoadingAsSuccess: true,
          disableIframePageLoading: true,
        },
      },
    },
    expect: { poll: { timeout: 30e3 } },
    // Most files wait on Chromium or a database rather than compute: two at a time even on 2 cores
    // (vitest's default there is one), 265 → 207 s for npm test's three groups on this machine.
    maxWorkers: 2,
    testTimeout: SLOW,
    hookTimeout: SLOW,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'] } },
      { extends: true, test: { name: 'package', include: ['test/pack/**/*.test.ts', 'test/size/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          exclude: [...SCANNER, ...LOOK, ...REGIONS],
          globalSetup: ['test/e2e/setup.ts'],
        },
      },
      { extends: true, test: { name: 'look', include: LOOK, globalSetup: ['test/e2e/setup.ts'] } },
      { extends: true, test: { name: 'regions', include: REGIONS, globalSetup: ['test/e2e/setup.ts'] } },
      { extends: true, test: { name: 'scan', include: SCANNER, globalSetup: ['test/e2e/setup.ts'] } },
      {
        extends: true,
        test: { name: 'server', include: ['test/server/**/*.test.ts'], globalSetup: ['test/postgres-setup.ts'] },
      },
    ],
  },
})
