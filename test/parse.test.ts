import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createParser, parseLines } from '../src/parse.js'
import { runs } from './fuzz.js'

const opts = { year: 2025, zone: 'UTC' } as const
const real = [
  'Mar  1 12:00:01 mx1 postfix/smtpd[4321]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 <x@example.com>: Relay access denied; from=<a@b> to=<x@example.com> proto=ESMTP helo=<h>',
  'Mar  1 12:10:00 mx1 postfix/smtp[1]: 4F1A2B3C01: to=<bob@example.net>, relay=mx.example.net[198.51.100.7]:25, delay=1.2, delays=0.1/0.01/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 5A6B7C8D90)',
  'Mar  1 12:09:00 mx1 postfix/qmgr[9001]: 4F1A2B3C01: from=<alice@example.org>, size=2413, nrcpt=2 (queue active)',
  'Mar  1 12:07:02 mx1 postfix/postscreen[7001]: NOQUEUE: reject: RCPT from [203.0.113.30]:51234: 550 5.7.1 x; from=<a@example.net>, to=<b@example.org>, proto=ESMTP, helo=<x>',
  'Mar  1 12:00:03 mx1 postfix/smtpd[4321]: disconnect from mail.example.org[192.0.2.10] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5',
]

/** Mutations of real lines: truncation, doubling, random characters spliced in. */
const mutated = fc
  .tuple(
    fc.constantFrom(...real),
    fc.nat(300),
    fc.string({ maxLength: 8 }),
    fc.constantFrom('cut', 'splice', 'double'),
  )
  .map(([line, at, junk, how]) => {
    const k = at % (line.length + 1)
    if (how === 'cut') return line.slice(0, k)
    if (how === 'double') return line.slice(0, k) + line.slice(k - Math.min(k, 20))
    return line.slice(0, k) + junk + line.slice(k)
  })

describe('parse', () => {
  it('should return exactly one event per line for arbitrary and mutated input', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 300 }), mutated), { maxLength: 20 }), (lines) => {
        const clean = lines.map((l) => l.replaceAll('\n', ' '))
        const events = parseLines(clean.length === 0 ? '' : clean.join('\n') + '\n', opts)
        expect(events).toHaveLength(clean.length)
        events.forEach((e, i) => {
          expect(e.line).toBe(i + 1)
          if (e.type === 'unknown' || e.type === 'postfix.unrecognized')
            expect(e.raw).toBe(clean[i]!.replace(/\r$/, ''))
        })
      }),
      { numRuns: runs(300) },
    )
  })
  it('should keep binary lines as unknown with their raw text', () => {
    const p = createParser(opts)
    expect(p.parse('Mar  1 12:00:01 mx1 postfix/qmgr[1]: \u0000\u0001', 1)).toMatchObject({
      type: 'unknown',
      reason: 'binary',
    })
  })
  it('should not parse a 1 MB line but keep it', () => {
    const long = `Mar  1 12:00:01 mx1 postfix/smtpd[1]: ${'x'.repeat(1 << 20)}`
    const e = createParser(opts).parse(long, 1)
    expect(e).toMatchObject({ type: 'unknown', reason: 'too-long' })
    expect(e.type === 'unknown' && e.raw.length).toBe(long.length)
  })
  it('should parse a line with trailing blanks as without them', () => {
    const line =
      'Mar  1 12:00:01 mx1 postfix/qmgr[7]: 3F4A92C1B: from=<a@example.org>, size=2413, nrcpt=1 (queue active) \t'
    const e = createParser({ year: 2025, zone: 'UTC' }).parse(line, 1)
    expect(e).toMatchObject({ type: 'postfix.qmgr.queued', from: 'a@example.org', size: 2413, nrcpt: 1 })
  })
  it('should drop a trailing CR', () => {
    const e = createParser(opts).parse('Mar  1 12:09:05 mx1 postfix/qmgr[9001]: 4F1A2B3C01: removed\r', 1)
    expect(e).toMatchObject({ type: 'postfix.qmgr.removed', queueId: '4F1A2B3C01' })
  })
  it('should parse every delivery field of a 3.11 line', () => {
    const [e] = parseLines(
      'Mar  1 12:11:00 mx1 postfix/smtp[1]: 4F1A2B3C20: to=<b@ex.net>, orig_to=<t@ex.org>, relay=mx[198.51.100.7]:25, conn_use=3, delay=0.9, delays=0.1/0/0.4/0.4, tls=may:none, dsn=2.0.0, status=sent (250 2.0.0 Ok (id=1): queued as 5A6B7C8D91)',
      opts,
    )
    expect(e).toMatchObject({
      type: 'postfix.delivery',
      to: 'b@ex.net',
      origTo: 't@ex.org',
      connUse: 3,
      tls: 'may:none',
      status: 'sent',
      response: '250 2.0.0 Ok (id=1): queued as 5A6B7C8D91',
      queuedAs: '5A6B7C8D91',
    })
  })
})

describe('pathological lines', () => {
  it('should parse lines built to make backtracking regexes explode, one event each', () => {
    const head = 'Mar  1 12:00:01 mx1 postfix/'
    const bodies = [
      'qmgr[1]: 3F4A92C1B: from=<' + '>, size=1, nrcpt=1 (queue activ'.repeat(2000),
      'smtp[1]: 3F4A92C1B: to=<' + 'a>, '.repeat(15000),
      'smtpd[1]: NOQUEUE: reject: RCPT from a[1.2.3.4]: 554 ' + '; from=<a> to=<b>'.repeat(3000),
      'cleanup[1]: 3F4A92C1B: reject: header ' + 'x from y;'.repeat(6000),
      'pickup[1]: 3F4A92C1B: uid=1 from=<' + '> orig_id=x'.repeat(5000),
      'postscreen[1]: NOQUEUE: reject: RCPT from [1.2.3.4]:5: 550 ' + ', from=<a>, to=<b>'.repeat(3000),
    ]
    const parser = createParser(opts)
    for (const b of bodies) {
      const line = (head + b).slice(0, 65000)
      const e = parser.parse(line, 1)
      expect(e.line).toBe(1)
      if (e.type === 'unknown' || e.type === 'postfix.unrecognized') expect(e.raw).toBe(line)
    }
  })
})
