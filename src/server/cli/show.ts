import { shown } from '../../scan/shown'
import type { StoredReceipt } from '../store'
import type { Verdict } from './wordings'

// The head line of each receipt; every other field follows on a line of its own, so a field
// that receipts gain later is shown without a change here.
const HEAD = ['consentId', 'givenAt', 'via', 'site', 'revision', 'choices']

const choices = (c: StoredReceipt['choices']) =>
  Object.entries(c)
    .map(([category, granted]) => `${category} ${granted ? 'granted' : 'refused'}`)
    .join(', ') || 'none offered'

const value = (v: unknown) => shown(typeof v === 'string' ? v : JSON.stringify(v), 600)

const TODAY = {
  matches: "the site's wording today",
  'changed since': "changed since: the site's description gives another wording in this language on this surface",
  'not described': 'not checked: no --config describes this site',
}

/**
 * One visitor's receipts as a person reads them: oldest first, every field stored, and after a
 * wording digest what it is today when `verdicts` (one per receipt, from --config) say.
 */
export function showText(consentId: string, receipts: StoredReceipt[], verdicts: (Verdict | undefined)[] = []): string {
  if (!receipts.length) return `No receipts for consent id ${consentId}.\n`
  const lines = [`${receipts.length} receipt${receipts.length > 1 ? 's' : ''} for consent id ${consentId}, oldest first:`]
  receipts.forEach((r, i) => {
    lines.push('', `${i + 1}. ${r.givenAt}  via ${value(r.via)}  site ${value(r.site)}  revision ${value(r.revision)}`)
    lines.push(`   ${'choices'.padEnd(11)} ${value(choices(r.choices))}`)
    for (const [key, v] of Object.entries(r)) {
      if (!HEAD.includes(key) && v != null) lines.push(`   ${key.padEnd(11)} ${value(v)}`)
      const verdict = key === 'wording' && verdicts[i]
      if (verdict)
        lines.push(
          `   ${'today'.padEnd(11)} ${TODAY[verdict.is]}${verdict.is === 'matches' ? ` (its title: ${value(verdict.wording.texts.title)})` : ''}`,
        )
    }
  })
  return lines.join('\n') + '\n'
}
