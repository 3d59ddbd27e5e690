// @vitest-environment node
// docs/regions.md states the preset groups; REGION_GROUPS is what the server applies. They must
// say the same: every group, every member, its source and the date it was checked.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REGION_GROUPS } from '../../../src/server'

const doc = readFileSync(join(import.meta.dirname, '../../../docs/regions.md'), 'utf8')
/** The groups table's row for `group`: `| \`eea\` | members | law | source | checked |`. */
const row = (group: string) => doc.split('\n').find((line) => line.startsWith(`| \`${group}\` |`))

describe('docs/regions.md', () => {
  it.each(Object.entries(REGION_GROUPS))(
    'lists %s with every member, its source and the date checked',
    (group, { members, source, checked }) => {
      const line = row(group)
      expect(line, `docs/regions.md has no row for the group ${group}`).toBeDefined()
      const [, , listed] = line!.split('|').map((cell) => cell.trim())
      // Whole codes only: `DE` must not be found inside `US-DE`.
      const codes = listed.match(/\b[A-Z]{2}(-[A-Z\d]{1,3})?\b/g) ?? []
      expect(new Set(codes)).toEqual(new Set(members))
      expect(line).toContain(source)
      expect(line).toContain(checked)
    },
  )

  it('names each US state of the group with its law and when it took effect', () => {
    for (const state of REGION_GROUPS['us-privacy'].members)
      expect(doc).toMatch(new RegExp(`^\\| ${state} [A-Z][a-z]+.*\\| .+ \\| \\d{1,2} [A-Z][a-z]+ \\d{4}`, 'm'))
  })
})
