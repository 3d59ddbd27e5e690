import { defineConfig } from 'vitest/config'
import { buildCatalogue } from './scripts/catalogue.mjs'

// The catalogue's tables are generated from data/*.csv; tests import them from src.
buildCatalogue()

// Tests wait for effects, never for a fixed time; on a loaded machine an effect comes late, so the
// waits are long: a slow machine makes a run slower, never a verdict different.
const SLOW = 120e3

/**
 * Four groups (`vitest run --project NAME`): `unit` needs no build and no browser (`npm run
 * test:unit`); `package` checks the build; `browser` drives Chromium; `load` is the receipt
 * endpoint under load (`npm run test:load`, run by CI after `npm test`).
 */
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
    testTimeout: SLOW,
    hookTimeout: SLOW,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],

          globalSetup: ['test/postgres-setup.ts'],
        },
      },
      { extends: true, test: { name: 'package', include: ['test/pack/**/*.test.ts', 'test/size/**/*.test.ts'] } },
      { extends: true, test: { name: 'browser', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/setup.ts'] } },
      {
        extends: true,
        test: { name: 'load', include: ['test/server/**/*.test.ts'], globalSetup: ['test/postgres-setup.ts'] },
      },
    ],
  },
})
