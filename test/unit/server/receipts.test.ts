// @vitest-environment node
// The receipt endpoint on a real database (PGlite in memory): what it takes, what it refuses and
// why, what it stores, and that bad input stores nothing.
import { PGlite } from '@electric-sql/pglite'
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { handleReceipt, truncateAddress, type ReceiptOptions, type ReceiptStore } from '../../../src/server'
import { pgliteStore } from '../../../src/server/pglite'

const NOW = Date.UTC(2026, 10, 24, 12)
const DAY = 864e5
const RECEIPT = {
  consentId: 'k3j9x0abcdefghij1234',
  givenAt: new Date(NOW - 60e3).toISOString(),
  expiresAt: new Date(NOW - 60e3 + 182 * DAY).toISOString(),
  site: 'pisama',
  revision: '1',
  choices: { analytics: true },
  via: 'banner',
  sdkVersion: '0.1.0',
}

let store: ReceiptStore
beforeAll(async () => {
  store = await pgliteStore(await PGlite.create())
})
afterAll(() => store?.close())
const count = async () => (await store.latest(1e6)).length
let before = 0
beforeEach(async () => {
  before = await count()
})

const post = (body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST') =>
  new Request('http://www.pisama.test/receipts', { method, headers, body: method === 'GET' ? null : body })
const send = (request: Request, options: ReceiptOptions = {}) => handleReceipt(request, store, { now: () => NOW, ...options })
const json = (value: unknown) => post(JSON.stringify(value))

/** A 4xx with one line of reason, no stack trace, and nothing stored. */
async function refused(response: Response, status: number, reason?: RegExp) {
  expect(response.status).toBe(status)
  const text = await response.text()
  expect(text).toMatch(/^consent-gate: [^\n]+\n$/)
  expect(text).not.toMatch(/\bat .+:\d+|Error:/)
  if (reason) expect(text).toMatch(reason)
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  expect(await count()).toBe(before)
}

describe('handleReceipt', () => {
  it('stores a receipt with the server’s time of receipt, and answers 204', async () => {
    const response = await send(json(RECEIPT))
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
    expect(await store.receiptsFor(RECEIPT.consentId)).toEqual([{ ...RECEIPT, receivedAt: new Date(NOW).toISOString() }])
  })

  it('stores the same receipt sent twice (a keepalive retry) once, and answers 204 both times', async () => {
    const receipt = { ...RECEIPT, consentId: 'twice0000000000000000' }
    const answers = await Promise.all([
      send(json(receipt)),
      send(json(receipt)),
      send(json({ ...receipt }), { now: () => NOW + 5000 }),
    ])
    expect(answers.map((r) => r.status)).toEqual([204, 204, 204])
    expect(await store.receiptsFor(receipt.consentId)).toHaveLength(1)
    // A new choice of the same visitor is a receipt of its own.
    await send(json({ ...receipt, givenAt: new Date(NOW).toISOString(), choices: { analytics: false } }))
    expect((await store.receiptsFor(receipt.consentId)).map((r) => r.choices)).toEqual([
      { analytics: true },
      { analytics: false },
    ])
  })

  it('answers 405 to anything but POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await send(post(JSON.stringify(RECEIPT), { 'content-type': 'application/json' }, method))
      expect(response.headers.get('allow')).toBe('POST')
      await refused(response, 405)
    }
  })

  it('answers 415 to anything but application/json', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      '',
    ])
      await refused(await send(post(JSON.stringify(RECEIPT), type ? { 'content-type': type } : {})), 415)
    expect(
      (
        await send(
          post(JSON.stringify({ ...RECEIPT, consentId: 'charset00000' }), { 'content-type': 'Application/JSON; charset=utf-8' }),
        )
      ).status,
    ).toBe(204)
    before = await count()
  })

  it('answers 413 over 2048 bytes, whether or not the length was announced', async () => {
    const big = JSON.stringify({ ...RECEIPT, site: 'x'.repeat(3000) })
    await refused(await send(post(big)), 413)
    // Streamed without a length: it stops reading past the limit.
    let pulled = 0
    const endless = new ReadableStream({
      pull(controller) {
        pulled++
        controller.enqueue(new TextEncoder().encode('{"a":"' + 'x'.repeat(1000)))
      },
    })
    await refused(
      await send(
        new Request('http://x/receipts', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: endless,
          duplex: 'half',
        } as RequestInit),
      ),
      413,
    )
    expect(pulled).toBeLessThan(5)
    await refused(await send(post('{}', { 'content-type': 'application/json', 'content-length': '999999' })), 413)
  })

  const bad: [string, unknown, RegExp][] = [
    ['an array', [RECEIPT], /JSON object/],
    ['null', null, /JSON object/],
    ['a string', 'receipt', /JSON object/],
    ['a missing field', { ...RECEIPT, via: undefined }, /missing field "via"/],
    ['an unknown field', { ...RECEIPT, admin: true }, /unknown field "admin"/],
    ['a __proto__ key', JSON.parse(`{"__proto__":{"site":"x"},${JSON.stringify(RECEIPT).slice(1)}`), /unknown field "__proto__"/],
    ['a constructor key', { ...RECEIPT, constructor: { prototype: {} } }, /unknown field "constructor"/],
    [
      'a __proto__ category',
      { ...RECEIPT, choices: JSON.parse('{"__proto__":{"analytics":true}}') },
      /unknown category "__proto__"/,
    ],
    ['an unknown category', { ...RECEIPT, choices: { advertising: true } }, /unknown category "advertising"/],
    ['a choice that is not a boolean', { ...RECEIPT, choices: { analytics: 'yes' } }, /choices.analytics/],
    ['choices as an array', { ...RECEIPT, choices: [true] }, /"choices" must be an object/],
    ['a short consent id', { ...RECEIPT, consentId: 'abc' }, /consentId/],
    ['a consent id in capitals', { ...RECEIPT, consentId: 'ABCDEFGHIJKL' }, /consentId/],
    ['a consent id in other scripts', { ...RECEIPT, consentId: 'аbcdefghijkl' }, /consentId/],
    ['a number for a time', { ...RECEIPT, givenAt: NOW }, /givenAt/],
    ['a time without milliseconds', { ...RECEIPT, givenAt: '2026-11-24T12:00:00Z' }, /givenAt/],
    ['a day that does not exist', { ...RECEIPT, givenAt: '2026-02-30T12:00:00.000Z' }, /givenAt/],
    ['a choice from the future', { ...RECEIPT, givenAt: new Date(NOW + 10 * 60e3).toISOString() }, /future/],
    ['an expiry before the choice', { ...RECEIPT, expiresAt: RECEIPT.givenAt }, /expiresAt/],
    ['an expiry over 395 days on', { ...RECEIPT, expiresAt: new Date(NOW + 400 * DAY).toISOString() }, /expiresAt/],
    ['a site with a control character', { ...RECEIPT, site: 'pis\u0000ama' }, /site/],
    ['a site too long', { ...RECEIPT, site: 'p'.repeat(65) }, /site/],
    ['a site with half a surrogate pair', { ...RECEIPT, site: 'pisama\ud800' }, /site/],
    ['a site with a bidi override', { ...RECEIPT, site: '\u202egnp.exe' }, /site/],
    ['an empty site', { ...RECEIPT, site: '' }, /site/],
    ['a revision with a space', { ...RECEIPT, revision: 'v 2' }, /revision/],
    ['a revision as a number', { ...RECEIPT, revision: 1 }, /revision/],
    ['an unknown via', { ...RECEIPT, via: 'popup' }, /via/],
    ['an sdkVersion that is no version', { ...RECEIPT, sdkVersion: 'latest' }, /sdkVersion/],
  ]
  it.each(bad)('answers 400 with the reason to %s', async (_, value, reason) => {
    await refused(await send(json(value)), 400, reason)
  })

  it('answers 400 to a body that is not JSON, or not UTF-8', async () => {
    await refused(await send(post('{"consentId":')), 400, /not JSON/)
    await refused(await send(post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))), 400, /UTF-8/)
    await refused(await send(post('')), 400)
  })

  it('does not quote a key it was not built to quote', async () => {
    const response = await send(json({ ...RECEIPT, ['<script>' + 'x'.repeat(50)]: 1 }))
    const text = await response.clone().text()
    expect(text).not.toContain('<script>')
    await refused(response, 400, /unknown field/)
  })

  it('takes receipts only for the sites it is told', async () => {
    await refused(await send(json({ ...RECEIPT, site: 'pigi' }), { sites: ['pisama'] }), 400, /site/)
  })

  it('reads own keys only: a polluted Object.prototype completes no receipt', async () => {
    const proto = Object.prototype as Record<string, unknown>
    proto.via = 'banner'
    try {
      await refused(await send(json({ ...RECEIPT, via: undefined })), 400, /missing field "via"/)
    } finally {
      delete proto.via
    }
  })

  it('answers 503 and stores nothing when the store fails, and says so to onError', async () => {
    const onError = vi.fn()
    const failing: ReceiptStore = { ...store, add: () => Promise.reject(new Error('connection refused')) }
    const response = await handleReceipt(json({ ...RECEIPT, consentId: 'unstored0000' }), failing, { onError })
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('1')
    expect(await response.text()).not.toContain('connection refused')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'connection refused' }))
    expect(await store.receiptsFor('unstored0000')).toEqual([])
  })

  it('keeps no address and no user agent unless told, and then only a truncated or salted-hash address', async () => {
    const request = (id: string) =>
      post(JSON.stringify({ ...RECEIPT, consentId: id }), { 'content-type': 'application/json', 'user-agent': 'Test/1.0' })
    await send(request('plain0000000'), { address: '203.0.113.77' })
    await send(request('truncated000'), { ip: 'truncated', address: '203.0.113.77', userAgent: true })
    await send(request('truncated6000'), { ip: 'truncated', address: () => '2001:db8:abcd:12:1:2:3:4' })
    await send(request('hashed000000'), { ip: 'hashed', salt: 'secret', address: '203.0.113.77' })
    const kept = async (id: string) => (await store.receiptsFor(id))[0]
    expect(await kept('plain0000000')).not.toHaveProperty('ip')
    expect(await kept('plain0000000')).not.toHaveProperty('userAgent')
    expect(await kept('truncated000')).toMatchObject({ ip: '203.0.113.0', userAgent: 'Test/1.0' })
    expect((await kept('truncated6000')).ip).toBe('2001:db8:abcd::')
    const hashed = (await kept('hashed000000')).ip!
    expect(hashed).toMatch(/^[0-9a-f]{32}$/)
    expect(hashed).not.toContain('203')
    await expect(handleReceipt(request('nosalt000000'), store, { ip: 'hashed' })).rejects.toThrow(/salt/)
  })

  it('gives 4xx and stores nothing for whatever a fuzzer sends, unless it happened on a valid receipt', async () => {
    const accepted = new Set<string>()
    const field = fc.constantFrom(...Object.keys(RECEIPT))
    const wrong = fc.oneof(
      fc.jsonValue(),
      fc.string({ unit: 'grapheme' }),
      fc.constant('__proto__'),
      fc.constant({ __proto__: null }),
    )
    const mutant = fc.tuple(field, wrong).map(([k, v]) => ({ ...RECEIPT, consentId: 'fuzz00000000', [k]: v }))
    const body = fc.oneof(
      fc.json(),
      fc.string({ unit: 'binary', maxLength: 3000 }),
      mutant.map((m) => JSON.stringify(m)),
      fc
        .dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'site'), fc.jsonValue())
        .map((d) => JSON.stringify({ ...RECEIPT, ...d }).replace('"site":', '"__proto__":{},"site":')),
      fc.string({ minLength: 2049, maxLength: 5000 }),
    )
    const type = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', '')
    await fc.assert(
      fc.asyncProperty(body, type, async (text, contentType) => {
        const response = await send(post(text, contentType ? { 'content-type': contentType } : {}))
        // A mutation may leave a valid receipt (a revision "0", no choices): that alone is stored.
        if (response.status === 204) return void accepted.add(JSON.stringify(JSON.parse(text)))
        expect(response.status).toBeGreaterThanOrEqual(400)
        expect(response.status).toBeLessThan(500)
        expect(await response.text()).toMatch(/^consent-gate: [^\n]+\n$/)
      }),
      { numRuns: 300 },
    )
    const rows = await store.latest(1e6)
    expect(rows).toHaveLength(before + accepted.size)
    const stored = rows.slice(0, accepted.size).map(({ receivedAt, ...r }) => r)
    for (const receipt of accepted) expect(stored).toContainEqual(JSON.parse(receipt))
  })
})

describe('what a receipt says was shown', () => {
  const SHOWN = { ...RECEIPT, consentId: 'shown000000000000000', lang: 'pt-BR', wording: 'A'.repeat(42) + 'w', gpc: true }

  it('stores lang, wording and gpc with the receipt, and gives them back', async () => {
    expect((await send(json(SHOWN))).status).toBe(204)
    expect(await store.receiptsFor(SHOWN.consentId)).toEqual([{ ...SHOWN, receivedAt: new Date(NOW).toISOString() }])
  })

  it('still takes a receipt without them (an older SDK; gpc alone from a choice through the API), and gives it back without them', async () => {
    const old = { ...RECEIPT, consentId: 'older000000000000000' }
    expect((await send(json(old))).status).toBe(204)
    const api = { ...RECEIPT, consentId: 'apichoice00000000000', via: 'api', gpc: false }
    expect((await send(json(api))).status).toBe(204)
    const [kept] = await store.receiptsFor(old.consentId)
    expect(Object.keys(kept)).toEqual([...Object.keys(old), 'receivedAt'])
    expect(await store.receiptsFor(api.consentId)).toEqual([{ ...api, receivedAt: new Date(NOW).toISOString() }])
  })

  it.each([
    [{ lang: 'en_US' }, /field "lang" must be a language tag/],
    [{ lang: 'x'.repeat(36) }, /field "lang"/],
    [{ wording: 'A'.repeat(43) + '=' }, /field "wording" must be a SHA-256 digest/],
    [{ wording: 'a'.repeat(64) }, /field "wording"/],
    [{ gpc: 'true' }, /field "gpc" must be true or false/],
    [{ gpc: null }, /field "gpc"/],
    [{ via: 'api' }, /field "lang" belongs to a choice made in the banner, dialog, embed, not via api/],
    [{ via: 'gpc', lang: undefined }, /field "wording" belongs to a choice made in the banner/],
    [{ lang: undefined }, /field "wording" comes with the "lang"/],
  ])('answers 400 to %j', async (change, reason) => {
    await refused(await send(json({ ...SHOWN, consentId: 'refused0000000000000', ...change })), 400, reason)
  })
})

describe("a receipt's region and rules (docs/regions.md)", () => {
  const REGIONAL = { ...RECEIPT, consentId: 'region00000000000000', site: 'acme', via: 'api', region: 'US-CA', policy: 'opt-out' }

  it('stores the region and the policy with the receipt, and gives them back; a policy alone too (an unknown region)', async () => {
    expect((await send(json(REGIONAL))).status).toBe(204)
    expect(await store.receiptsFor(REGIONAL.consentId)).toEqual([{ ...REGIONAL, receivedAt: new Date(NOW).toISOString() }])
    const unknown = { ...REGIONAL, consentId: 'unknownregion0000000', region: undefined, policy: 'opt-in' }
    expect((await send(json(unknown))).status).toBe(204)
    const [kept] = await store.receiptsFor(unknown.consentId)
    expect(kept).toMatchObject({ policy: 'opt-in' })
    expect(kept).not.toHaveProperty('region')
  })

  it.each([
    [{ region: 'us-ca' }, /field "region" must be a region code such as DE or US-CA/],
    [{ region: 'US-CA; DROP' }, /field "region"/],
    [{ region: 7 }, /field "region"/],
    [{ policy: 'opt-out-please' }, /field "policy" must be one of notice, opt-out, opt-in/],
    [{ policy: undefined }, /field "region" comes with the "policy"/],
  ])('answers 400 to %j', async (change, reason) => {
    await refused(await send(json({ ...REGIONAL, consentId: 'refused0000000000000', ...change })), 400, reason)
  })
})

describe('truncateAddress', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0'],
    ['::ffff:203.0.113.77', '203.0.113.0'],
    ['2001:db8:abcd:12:1:2:3:4', '2001:db8:abcd::'],
    ['2001:db8::1', '2001:db8:0::'],
    ['::1', '0:0:0::'],
    ['fe80::1%eth0', 'fe80:0:0::'],
    ['999.1.1.1', undefined],
    ['1:2:3', undefined],
    ['1::2::3', undefined],
    ['not an address', undefined],
  ])('%s → %s', (address, truncated) => {
    expect(truncateAddress(address)).toBe(truncated)
  })
})
