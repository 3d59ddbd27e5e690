import { defineConfig } from 'vitest/config'

// The promise scenarios in Chromium, Firefox ESR and WebKitGTK (test/engines): `npm run test:engines`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/engines/**/*.test.ts'],
    globalSetup: ['test/engines/setup.ts'],
    // One engine at a time: three browsers at once on a small loaded machine only slow each other.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
})
