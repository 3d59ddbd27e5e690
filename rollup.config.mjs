import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import esbuild from 'rollup-plugin-esbuild'

const compile = () => esbuild({ target: 'es2020', jsx: 'transform', jsxFactory: 'h', jsxFragment: 'Fragment', minify: false })
// The npm build keeps `@__PURE__` marks, so an app's bundler can drop what the app never uses.
const minify = ({ annotations = false } = {}) =>
  terser({
    ecma: 2020,
    module: true,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
    format: { comments: false, preserve_annotations: annotations },
  })

/**
 * The script-tag loader is a classic script, so it cannot `import` from its chunks' shared code,
 * and its chunks must be found next to its own `src`, not next to the page. So: chunks take what
 * they need as arguments (checked here), dynamic imports resolve against the loader's URL, and the
 * loader is wrapped in a function so it leaves only `window.ConsentGate` behind.
 */
const LOADER = 'consent-gate'
const classicLoader = () => ({
  name: 'classic-loader',
  renderDynamicImport: ({ chunk }) => (chunk?.name === LOADER ? { left: '__cgImport(', right: ')' } : null),
  renderChunk(code, chunk) {
    if (chunk.name !== LOADER) return null
    if (chunk.imports.length || chunk.exports.length) {
      this.error(`the script-tag loader must not share code with its chunks: imports ${chunk.imports}, exports ${chunk.exports}`)
    }
    // Markup can override `document.currentScript` (`<img name="currentScript" src="https://evil/">`),
    // so the loader asks Document.prototype's own getter and takes only a script element's src.
    // Without one, chunks resolve against a base that fails to load: nothing runs from elsewhere.
    return `(()=>{const __cgTag=Object.getOwnPropertyDescriptor(Document.prototype,"currentScript").get.call(document),__cgSrc=__cgTag instanceof HTMLScriptElement&&__cgTag.src||"about:invalid",__cgImport=async(f)=>import(new URL(f,__cgSrc).href);${code}})();`
  },
})

/**
 * The loader, the tracker chunk and the banner chunk run nearly every function they have as soon
 * as they load, so they say so: Chromium then compiles them on the thread that streams them in, not lazily on the
 * main thread (V8's explicit compile hints). After minifying, which drops comments.
 */
const compileHints = () => ({
  name: 'compile-hints',
  renderChunk: (code, chunk) =>
    chunk.name === LOADER || ['ui', 'trackers'].includes(chunkName(chunk)) ? '//# allFunctionsCalledOnLoad\n' + code : null,
})

const MESSAGES = resolve('src/ui/messages')
const HASH = '__cg_languages__'

/**
 * The script-tag loader names no language chunk: each language's banner chunk is emitted as
 * `chunks/lang-<code>-<hash>.js`, one hash for all of them, and the loader imports
 * `./chunks/lang-${code}-<hash>.js`. So the table of languages costs it a few bytes per language
 * rather than a hashed file name each; a change to any language's chunks renames them all.
 */
const languageChunks = () => ({
  name: 'language-chunks',
  buildStart() {
    for (const file of readdirSync(MESSAGES).filter(
      (f) => /^[a-z]+(-[a-z]+)?\.ts$/.test(f) && !/-(details|choices)\.|^(index|load)\./.test(f),
    ))
      this.emitFile({ type: 'chunk', id: resolve(MESSAGES, file), name: 'lang-' + file.slice(0, -3) })
  },
  load: (id) =>
    id === resolve(MESSAGES, 'load.ts')
      ? `export const loadMessages = (lang) => import(\`./chunks/lang-\${lang}-${HASH}.js\`)`
      : null,
})
const languageNames = () => ({
  name: 'language-names',
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle).filter((c) => c.type === 'chunk' && c.isEntry && c.name.startsWith('lang-'))
    const hash = createHash('sha256')
      .update(chunks.map((c) => c.fileName + c.code).join())
      .digest('base64url')
      .slice(0, 8)
    for (const c of chunks) {
      delete bundle[c.fileName]
      this.emitFile({ type: 'asset', fileName: `chunks/${c.name}-${hash}.js`, source: c.code })
    }
    const loader = bundle[LOADER + '.js']
    if (!loader.code.includes(HASH)) this.error('the loader lost its language import')
    loader.code = loader.code.replace(HASH, hash)
  },
})

/**
 * `dist/manifest.json` maps each chunk's name (`ui`, `lang-en`, …) to its file, so a server can
 * preload the banner chunk on a first visit without knowing the build's hashes.
 */
const manifest = () => ({
  name: 'manifest',
  generateBundle(_, bundle) {
    const files = Object.values(bundle).filter((c) => /^chunks\/.*\.js$/.test(c.fileName))
    const map = Object.fromEntries(files.map((c) => [c.fileName.replace(/^chunks\/|-[\w-]{8}\.js$/g, ''), c.fileName]))
    this.emitFile({ type: 'asset', fileName: 'manifest.json', source: JSON.stringify(map, null, 2) + '\n' })
  },
})

/**
 * The server entry carries the loader build's manifest in its code (src/server/manifest.ts), so
 * `preloadHints` needs no JSON import and no file system: edge runtimes may have neither. The
 * loader is built first (rollup builds these configs in order).
 */
const inlineManifest = () => ({
  name: 'inline-manifest',
  load(id) {
    if (!id.endsWith('/src/server/manifest.ts')) return null
    const chunks = readFileSync(new URL('dist/manifest.json', import.meta.url), 'utf8')
    return `export const CHUNKS = Object.freeze(${chunks.trim()})\n`
  },
})

/** Chunks named for what they hold: `ui-…`, `trackers-…`, `lang-de-…`, `core-…`. */
const chunkName = ({ facadeModuleId, moduleIds, name }) => {
  // A chunk others import from (the UI chunk, which the dialog shares Preact with) has no facade;
  // its own module is the last it runs.
  const id = facadeModuleId ?? moduleIds.at(-1)
  if (!id) return name
  // The catalogue's tables, shared by the npm build's `catalogue` entry and its audit chunk.
  if (!facadeModuleId && moduleIds.some((m) => m.endsWith('/catalogue/tables.ts'))) return 'catalogue'
  const lang = id.match(/\/ui\/messages\/([a-z]{2}(-[\w-]+)?)\.ts$/)
  if (lang) return 'lang-' + lang[1]
  const dir = id.match(/\/(\w+)\/index\.tsx?$/)
  // The npm build's shared core (what its entry and lazy chunks both use) comes from src/index.ts.
  return dir ? dir[1].replace(/^src$/, 'core') : name
}

export default [
  {
    input: { 'consent-gate': 'src/script-tag.ts' },
    plugins: [nodeResolve(), compile(), languageChunks()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: (c) => (c.name === LOADER ? '[name].js' : 'chunks/[name]-[hash].js'),
      chunkFileNames: (c) => `chunks/${chunkName(c)}-[hash].js`,
      plugins: [classicLoader(), minify(), compileHints(), languageNames(), manifest()],
    },
  },
  {
    input: { index: 'src/index.ts', react: 'src/react/index.ts', catalogue: 'src/catalogue/index.ts' },
    external: [/^preact/, 'react'],
    plugins: [nodeResolve(), compile()],
    output: {
      dir: 'dist/esm',
      format: 'es',
      chunkFileNames: (c) => `${chunkName(c)}-[hash].js`,
      plugins: [minify({ annotations: true })],
      // The built-in table in a file of its own: an app that never calls `classify` gets it only in
      // its bundle's audit chunk, not in its entry (an app's bundler can move a side-effect-free
      // file, not part of one).
      manualChunks: (id) => (id.endsWith('/cookies/classify.ts') ? 'builtin' : undefined),
    },
  },
  {
    // The scanner CLI (bin/consent-gate.mjs) for Node. It takes the catalogue from the npm build
    // rather than carrying a second copy, and playwright-core from the site's own install.
    input: { cli: 'src/scan/cli.ts' },
    external: (id) => id.startsWith('node:') || id === 'playwright-core' || id.endsWith('/src/catalogue/index.ts'),
    plugins: [nodeResolve(), compile()],
    output: {
      dir: 'dist/scan',
      format: 'es',
      paths: (id) => (id.endsWith('/src/catalogue/index.ts') ? '../esm/catalogue.js' : id),
    },
  },
  {
    // consent-gate/server and its two stores, for servers and edge runtimes: unminified (a stack
    // trace in a server log should read), and apart from the browser builds, so nothing of it can
    // land in a browser chunk. The databases' drivers are the site's own (optional peers).
    // `cli` is `consent-gate receipts` (bin/consent-gate.mjs), for Node only: it loads the stores
    // and their drivers when a command names one.
    input: {
      index: 'src/server/index.ts',
      pglite: 'src/server/pglite.ts',
      postgres: 'src/server/postgres.ts',
      cli: 'src/server/cli/index.ts',
    },
    // (playwright-core: `copy` shares the scanner's argument and file helpers, never its browser.)
    external: (id) => id === 'pg' || id === '@electric-sql/pglite' || id === 'playwright-core' || id.startsWith('node:'),
    plugins: [inlineManifest(), nodeResolve(), compile()],
    output: { dir: 'dist/server', format: 'es', chunkFileNames: '[name]-[hash].js' },
  },
]
