// How every headless Chromium here is launched (the scanner, and the tests, size check and bench
// through test/chromium.mjs): no sandbox (root in a container), no GPU, and nothing that reaches
// the network on the browser's own account.
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
