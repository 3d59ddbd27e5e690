import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

// `npm test` builds first: this runs the installed command on the build a site would install.
const root = join(import.meta.dirname, '../..')
const site = mkdtempSync(join(tmpdir(), 'consent-gate-static-'))
afterAll(() => rmSync(site, { recursive: true, force: true }))

describe('consent-gate copy, as a static site’s build step runs it', () => {
  it('copies the shipped loader and chunks into the public folder and prints tags whose files are there', async () => {
    writeFileSync(join(site, 'consent-gate.json'), JSON.stringify({ site: 'pisama', ga4: { measurementId: 'G-TEST12345' } }))
    mkdirSync(join(site, 'public'))
    // The default description is ./consent-gate.json, where `consent-gate init` writes it.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(root, 'bin/consent-gate.mjs'), 'copy', 'public', '--lang', 'fr'],
      {
        cwd: site,
      },
    )
    const to = join(site, 'public/consent-gate')
    expect(readFileSync(join(to, 'consent-gate.js'))).toEqual(readFileSync(join(root, 'dist/consent-gate.js')))
    expect(readdirSync(join(to, 'chunks')).sort()).toEqual(readdirSync(join(root, 'dist/chunks')).sort())
    const manifest = JSON.parse(readFileSync(join(root, 'dist/manifest.json'), 'utf8'))
    const links = [...stdout.matchAll(/<link rel="modulepreload" href="\/consent-gate\/([^"]+)" \/>/g)].map((m) => m[1])
    expect(links).toEqual([manifest.ui, manifest['lang-fr']])
    for (const file of links) expect(readFileSync(join(to, file))).toEqual(readFileSync(join(root, 'dist', file)))
    expect(stdout).toContain('<script src="/consent-gate/consent-gate.js" data-config="consent-gate-config"></script>')
  })

  it('refuses a base that is not a path in one line, exit code 2', async () => {
    const run = promisify(execFile)(process.execPath, [
      join(root, 'bin/consent-gate.mjs'),
      'copy',
      site,
      '--base',
      'https://cdn.example.com/',
    ])
    await expect(run).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^consent-gate copy: --base must be a path[^\n]*\n$/),
    })
  })
})
