import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkBase, copy, parseCopyArgs, RECORD, tags, written } from '../../../src/server/cli/copy'

const MANIFEST = { ui: 'chunks/ui-AAAAAAAA.js', 'lang-en': 'chunks/lang-en-BBBBBBBB.js', 'lang-de': 'chunks/lang-de-BBBBBBBB.js' }
const PISAMA = { site: 'pisama', ga4: { measurementId: 'G-TEST12345' } }

describe('consent-gate copy: its arguments', () => {
  it('takes a public folder, a base path, a site description and a language', () => {
    expect(parseCopyArgs(['public', '--base', '/assets/cg', '--site-config', 'site.json', '--lang=de'])).toEqual({
      publicDir: 'public',
      base: '/assets/cg/',
      siteConfig: 'site.json',
      lang: 'de',
    })
    expect(parseCopyArgs(['public'])).toMatchObject({ base: '/consent-gate/' })
    expect(parseCopyArgs(['public', '-h'])).toBe('help')
  })

  it.each([
    ['https://cdn.example.com/cg/', 'a URL'],
    ['//cdn.example.com/', 'another host'],
    ['consent-gate/', 'no leading slash'],
    ['/a/../../etc/', 'a way out of the folder'],
    ['/a b/', 'a space'],
    ['/a"><script>/', 'markup'],
    ['', 'nothing'],
  ])('refuses a base that is not a path from the root: %s (%s)', (base) => {
    expect(() => checkBase(base)).toThrow(/--base must be a path from the site's root/)
  })

  it('refuses a missing folder, two folders, an unknown option, a bad language tag, a value-less option', () => {
    expect(() => parseCopyArgs([])).toThrow(/give the site's public folder/)
    expect(() => parseCopyArgs(['a', 'b'])).toThrow(/give one public folder/)
    expect(() => parseCopyArgs(['a', '--out', 'x'])).toThrow(/unknown option --out/)
    expect(() => parseCopyArgs(['a', '--lang', 'en_US!'])).toThrow(/--lang needs a language tag/)
    expect(() => parseCopyArgs(['a', '--base'])).toThrow(/--base needs a value/)
  })
})

describe('consent-gate copy: what an earlier copy wrote', () => {
  it('names only files a copy writes, whatever the record says', () => {
    const record = JSON.stringify({
      files: ['consent-gate.js', 'chunks/ui-OLD.js', '../index.html', '/etc/passwd', 'chunks/../../x.js', 'other.js', 7],
    })
    expect(written(record)).toEqual(['consent-gate.js', 'chunks/ui-OLD.js'])
    expect(written(undefined)).toEqual([])
    expect(written('not json')).toEqual([])
    expect(written('{"files":"chunks/ui-OLD.js"}')).toEqual([])
  })
})

describe('consent-gate copy: the tags to paste', () => {
  it('preloads the banner and its language on a site that asks, from the copied build', () => {
    const printed = tags('/cg/', MANIFEST, PISAMA, 'de-AT')
    expect(printed).toContain('<link rel="modulepreload" href="/cg/chunks/ui-AAAAAAAA.js" />')
    expect(printed).toContain('<link rel="modulepreload" href="/cg/chunks/lang-de-BBBBBBBB.js" />')
    expect(printed).toContain('<script src="/cg/consent-gate.js" data-config="consent-gate-config"></script>')
    expect(printed.indexOf('modulepreload')).toBeLessThan(printed.indexOf('<script'))
  })

  it('preloads nothing on a site that never asks', () => {
    expect(tags('/cg/', MANIFEST, { site: 'pigi' })).not.toContain('modulepreload')
  })

  it('gives the loader alone, and says why, without a site description', () => {
    const printed = tags('/cg/', MANIFEST)
    expect(printed).toMatch(/^<script src="\/cg\/consent-gate.js" defer><\/script>\n\(no site description/)
    expect(printed).not.toContain('modulepreload')
  })
})

describe('consent-gate copy: a run', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
  const temp = () => {
    const d = mkdtempSync(join(tmpdir(), 'consent-gate-copy-'))
    dirs.push(d)
    return d
  }
  /** A build as the package ships it, with the chunks named. */
  const build = (chunks: string[]) => {
    const dist = temp()
    mkdirSync(join(dist, 'chunks'))
    writeFileSync(join(dist, 'consent-gate.js'), '/* loader */')
    for (const c of chunks) writeFileSync(join(dist, 'chunks', c), `/* ${c} */`)
    writeFileSync(join(dist, 'manifest.json'), JSON.stringify({ ui: `chunks/${chunks[0]}`, 'lang-en': `chunks/${chunks[1]}` }))
    return dist
  }
  const io = () => {
    const out = { stdout: '', stderr: '' }
    return {
      out,
      io: {
        stdout: { write: (s: string) => ((out.stdout += s), true) },
        stderr: { write: (s: string) => ((out.stderr += s), true) },
      },
    }
  }

  it('copies the build under the base, prints the tags, and on the next deploy removes only its own stale chunks', async () => {
    const site = temp()
    const config = join(site, 'site.json')
    writeFileSync(config, JSON.stringify(PISAMA))
    const pub = join(site, 'public')
    mkdirSync(join(pub, 'cg', 'chunks'), { recursive: true })
    // The site's own file in the same folder: not the copy's to remove.
    writeFileSync(join(pub, 'cg', 'chunks', 'mine.js'), 'site')

    const first = io()
    const v1 = build(['ui-AAAAAAAA.js', 'lang-en-BBBBBBBB.js'])
    expect(await copy([pub, '--base', '/cg/', '--site-config', config], first.io as never, v1)).toBe(0)
    expect(readFileSync(join(pub, 'cg', 'consent-gate.js'), 'utf8')).toBe('/* loader */')
    expect(readFileSync(join(pub, 'cg', 'chunks', 'ui-AAAAAAAA.js'), 'utf8')).toBe('/* ui-AAAAAAAA.js */')
    expect(existsSync(join(pub, 'cg', 'manifest.json'))).toBe(true)
    expect(first.out.stdout).toContain('<link rel="modulepreload" href="/cg/chunks/ui-AAAAAAAA.js" />')
    expect(first.out.stdout).toContain('<link rel="modulepreload" href="/cg/chunks/lang-en-BBBBBBBB.js" />')
    expect(first.out.stdout).toContain('"measurementId": "G-TEST12345"')
    expect(first.out.stdout).toContain('<script src="/cg/consent-gate.js" data-config="consent-gate-config"></script>')

    const second = io()
    const v2 = build(['ui-CCCCCCCC.js', 'lang-en-BBBBBBBB.js'])
    expect(await copy([pub, '--base', '/cg/', '--site-config', config], second.io as never, v2)).toBe(0)
    expect(readdirSync(join(pub, 'cg', 'chunks')).sort()).toEqual(['lang-en-BBBBBBBB.js', 'mine.js', 'ui-CCCCCCCC.js'])
    expect(second.out.stdout).toContain('1 stale removed')
    expect(second.out.stdout).toContain('href="/cg/chunks/ui-CCCCCCCC.js"')
    expect(JSON.parse(readFileSync(join(pub, 'cg', RECORD), 'utf8')).files).not.toContain('chunks/ui-AAAAAAAA.js')
  })

  it('refuses in one line, writing nothing: a missing folder, a bad base, a description the SDK refuses', async () => {
    const site = temp()
    const bad = join(site, 'bad.json')
    writeFileSync(bad, JSON.stringify({ site: 'pisama', ga4: { measurementId: 'UA-1' } }))
    const dist = build(['ui-AAAAAAAA.js', 'lang-en-BBBBBBBB.js'])
    for (const [args, message] of [
      [[join(site, 'nowhere')], /nowhere is not a folder/],
      [[site, '--base', 'https://cdn.example.com/'], /--base must be a path/],
      [[site, '--site-config', bad], /bad\.json: .*ga4\.measurementId/],
    ] as const) {
      const run = io()
      expect(await copy([...args], run.io as never, dist)).toBe(2)
      expect(run.out.stderr).toMatch(message)
      expect(run.out.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.out.stdout).toBe('')
    }
    expect(readdirSync(site).sort()).toEqual(['bad.json'])
  })
})
