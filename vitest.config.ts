import { defineConfig } from 'vitest/config'
import { buildCatalogue } from './scripts/catalogue.mjs'

// The catalogue's tables are generated from data/*.csv; tests import them from src.
buildCatalogue()

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
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/server/**/*.test.ts', 'test/pack/**/*.test.ts', 'test/size/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/setup.ts', 'test/postgres-setup.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
  },
})
