import { describe, expect, it, vi } from 'vitest'
import { lookup } from '../../../src/catalogue/index'
import { purposeOf } from '../../../src/catalogue/purposes'
import {
  audit,
  bothReadings,
  classifier,
  describeViolation,
  fillDeclared,
  fullAudit,
  report,
  violations,
} from '../../../src/cookies/audit'
import { findDeclared } from '../../../src/config/profiles'

describe('the audit chunk', () => {
  it('classifies with the full catalogue, declarations first', () => {
    const classify = classifier(findDeclared)
    expect(classify('MUID')).toBe('marketing')
    expect(classify('MUID', [{ name: 'MUID', class: 'essential' }])).toBe('essential')
  })

  it('adds provider and purpose when the declaration or the catalogue knows them (gate.audit)', async () => {
    const declared = [
      { name: 'app_pref', class: 'essential' as const, provider: 'Pisama', purpose: 'Remembers the dashboard layout.' },
      { name: '_ga', class: 'analytics' as const },
    ]
    const entries = await fullAudit(
      [
        { name: 'app_pref', storage: 'localStorage' },
        { name: '_ga', storage: 'cookie' },
        { name: '_fbp', storage: 'cookie' },
        { name: 'mystery', storage: 'cookie' },
      ],
      declared,
      findDeclared,
    )
    expect(entries).toEqual([
      {
        name: 'app_pref',
        storage: 'localStorage',
        class: 'essential',
        declared: true,
        provider: 'Pisama',
        purpose: 'Remembers the dashboard layout.',
      },
      {
        name: '_ga',
        storage: 'cookie',
        class: 'analytics',
        declared: true,
        provider: 'Google Analytics',
        purpose: lookup('_ga')!.purpose,
      },
      {
        name: '_fbp',
        storage: 'cookie',
        class: 'marketing',
        declared: false,
        provider: 'Meta Pixel',
        purpose: lookup('_fbp')!.purpose,
      },
      { name: 'mystery', storage: 'cookie', class: 'unknown', declared: false },
    ])
    expect(violations(entries, { functional: false, analytics: true, marketing: false }).map((e) => e.name)).toEqual([
      '_fbp',
      'mystery',
    ])
  })

  it('calls a functional cookie present without a functional grant a violation, declared or not', () => {
    const chat = { name: 'chat_prefs', storage: 'cookie' as const, class: 'functional' as const, declared: true }
    expect(violations([chat], { functional: false, analytics: true, marketing: true })).toEqual([chat])
    expect(violations([chat], { functional: true, analytics: false, marketing: false })).toEqual([])
  })

  it('needs no purposes for the tripwire: class and provider come from the audit chunk alone', () => {
    const [fbp, declaredByName] = audit(
      [
        { name: '_fbp', storage: 'cookie' },
        { name: '_hjSessionUser_12', storage: 'cookie' },
      ],
      [{ name: '_hjSessionUser_*' }],
      findDeclared,
    )
    expect(fbp).toEqual({ name: '_fbp', storage: 'cookie', class: 'marketing', declared: false, provider: 'Meta Pixel' })
    // Declared by name alone: declared, and classed by the catalogue, so still refused without consent.
    expect(declaredByName).toEqual({
      name: '_hjSessionUser_12',
      storage: 'cookie',
      class: 'analytics',
      declared: true,
      provider: 'Hotjar',
    })
    expect(violations([declaredByName], { analytics: false, marketing: false, functional: false })).toEqual([declaredByName])
  })

  it('fills a declaration given by name alone from the catalogue; the site’s words win', () => {
    expect(fillDeclared({ name: '_hjSessionUser_*' }, purposeOf)).toMatchObject({
      name: '_hjSessionUser_*',
      class: 'analytics',
      provider: 'Hotjar',
      purpose: lookup('_hjSessionUser_1')!.purpose,
      lifetime: lookup('_hjSessionUser_1')!.retention,
    })
    expect(fillDeclared({ name: '_ga', class: 'analytics', provider: 'Us', lifetime: '1 day' }, purposeOf)).toMatchObject({
      provider: 'Us',
      lifetime: '1 day',
      purpose: lookup('_ga')!.purpose,
    })
    expect(fillDeclared({ name: 'pisama_session', class: 'session' }, purposeOf)).toEqual({
      name: 'pisama_session',
      class: 'session',
    })
    expect(fillDeclared({ name: 'mystery' }, purposeOf)).toEqual({ name: 'mystery', class: 'unknown' })
  })

  it('words the tripwire’s warning with the provider', () => {
    const [fbp, mystery] = audit(
      [
        { name: '_fbp', storage: 'cookie' },
        { name: 'mystery', storage: 'localStorage' },
      ],
      [],
      findDeclared,
    )
    expect(describeViolation(fbp)).toBe('consent-gate: cookie "_fbp" — Meta Pixel, marketing — present without consent')
    expect(describeViolation(mystery)).toBe('consent-gate: localStorage "mystery" — unknown — present without declaration')
  })
})

describe('a name a framework and a tracker share', () => {
  const none = { functional: false, analytics: false, marketing: false }
  const present = [
    { name: '_session_id', storage: 'cookie' as const },
    { name: '_fbp', storage: 'cookie' as const },
  ]

  it('is not the site’s fault without a declaration: both readings, not a violation', () => {
    const [shared] = audit(present, [], findDeclared)
    expect(shared).toEqual({
      name: '_session_id',
      storage: 'cookie',
      class: 'session',
      declared: false,
      provider: 'Rack, Ruby on Rails',
      or: { class: 'analytics', provider: 'Marfeel' },
    })
    expect(bothReadings(shared as typeof shared & { or: object })).toBe(
      'cookie "_session_id" — session (Rack, Ruby on Rails) or analytics (Marfeel)',
    )
    const emitted: string[] = []
    const idle: (() => void)[] = []
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      report(
        violations(audit(present, [], findDeclared), none),
        (e) => emitted.push(e.name),
        new Set(),
        [],
        (t) => idle.push(t),
      )
      idle.forEach((t) => t())
      // Only the tracker is a violation; the shared name is named with both readings.
      expect(emitted).toEqual(['_fbp'])
      expect(warn.mock.calls.map((c) => c[0])).toEqual([
        'consent-gate: not declared, and shared by a framework and a tracker: cookie "_session_id" — session (Rack, Ruby on Rails) or analytics (Marfeel) — not counted as a violation; declare it with its class to settle which',
        'consent-gate: cookie "_fbp" — Meta Pixel, marketing — present without consent',
      ])
    } finally {
      warn.mockRestore()
    }
  })

  it('is settled by the site’s declaration, with a class or by name alone', () => {
    for (const declared of [[{ name: '_session_id', class: 'session' as const }], [{ name: '_session_id' }]]) {
      const [shared] = audit(present, declared, findDeclared)
      expect(shared).toMatchObject({ class: 'session', declared: true })
      expect(shared.or).toBeUndefined()
      expect(violations([shared], none)).toEqual([])
    }
    const [own] = audit(present, [{ name: '_session_id', class: 'analytics' }], findDeclared)
    expect(violations([own], none)).toEqual([own])
  })

  it('needs no word once its tracker reading is granted', () => {
    const [shared] = audit(present, [], findDeclared)
    expect(violations([shared], { ...none, analytics: true })).toEqual([])
    expect(violations([shared], none)).toEqual([shared])
  })
})
