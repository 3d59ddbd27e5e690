// build only the script-tag loader, print its gzip -9 size and the trackers/ui chunk sizes
import { rollup } from 'rollup'
import { gzipSync } from 'node:zlib'
const cwd = process.cwd()
const configs = (await import(cwd + '/rollup.config.mjs')).default
const c = configs[0]
const b = await rollup({ ...c, onwarn() {} })
const { output } = await b.generate(c.output)
const out = {}
for (const o of output) if (o.type === 'chunk' || o.fileName.includes('lang-en')) {
  const n = o.fileName.replace(/^chunks\/|-[\w-]{8}\.js$/g, '')
  if (/^lang-(?!en)/.test(n)) continue
  out[n] = gzipSync(o.code ?? o.source, { level: 9 }).length
}
console.log(JSON.stringify(out))
