import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { MailEvent } from '../../src/events/index.js'
import { parseLines } from '../../src/parse.js'
import { joinSendmailParts } from '../../src/sendmail/join.js'
import { runs } from '../fuzz.js'

const opts = { year: 2025, zone: 'UTC' } as const
const real = [
  'Mar  1 12:00:01 mx1 sm-mta[4321]: 521C010A004321: from=<alice@example.org>, size=2413, class=0, nrcpts=1, msgid=<a@example.org>, bodytype=8BITMIME, proto=ESMTPS, daemon=MTA, relay=mail.example.org [192.0.2.10] (may be forged)',
  'Mar  1 12:10:01 mx1 sm-mta[5001]: 521CA00K005001: to=<bob@example.net>,<c@example.net>, [more], ctladdr=<alice@example.org> (1000/1000), delay=1+00:00:02, xdelay=00:00:01, mailer=esmtp, pri=122413, relay=mx.example.net. [198.51.100.7], dsn=2.0.0, stat=Sent (521CA10U000777 Message accepted for delivery)',
  'Mar  1 13:10:00 mx1 sm-mta[8101]: NOQUEUE: ruleset=check_relay, arg1=bad.example, arg2=203.0.113.9, relay=bad.example [203.0.113.9], reject=554 5.7.1 Rejected',
  'Mar  1 13:20:00 mx1 sm-mta[8201]: STARTTLS=server, relay=client.example [192.0.2.5], version=TLSv1.3, verify=NO, cipher=TLS_AES_256_GCM_SHA384, bits=256/256',
  'Mar  1 13:00:02 mx1 sm-mta[8001]: 521D0010008001: 521D0211008001: DSN: User unknown',
  'Mar  1 12:30:00 mx1 sm-mta[7001]: 521CU00o007001[1]: from=<list-bounces@lists.example.org>, size=48213,  ...',
  'Mar  1 13:40:00 mx1 sm-mta[8401]: 521De01U008401: milter=clamav, action=data, reject=554 5.7.1 Virus found',
  'Mar  1 13:30:01 mx1 sm-mta[8302]: 521DU11L008302: [203.0.113.30] (may be forged) did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA',
  'Mar  1 13:30:00 mx1 sendmail[8301]: 521DU01K008301: lost input channel from client.example [192.0.2.5] to MTA after rcpt',
]

/** Mutations of real lines: truncation, doubling, random characters spliced in. */
const mutated = fc
  .tuple(
    fc.constantFrom(...real),
    fc.nat(400),
    fc.string({ maxLength: 8 }),
    fc.constantFrom('cut', 'splice', 'double'),
  )
  .map(([line, at, junk, how]) => {
    const k = at % (line.length + 1)
    if (how === 'cut') return line.slice(0, k)
    if (how === 'double') return line.slice(0, k) + line.slice(k - Math.min(k, 30))
    return line.slice(0, k) + junk + line.slice(k)
  })

/** Arbitrary messages under a Sendmail header. */
const arbitrary = fc
  .tuple(fc.constantFrom('sendmail', 'sm-mta', 'sm-msp-queue'), fc.string({ maxLength: 200 }))
  .map(([prog, msg]) => `Mar  1 12:00:00 mx1 ${prog}[1]: ${msg}`)

describe('sendmail parse', () => {
  it('should never throw and return exactly one event per line', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(mutated, arbitrary), { maxLength: 20 }), (lines) => {
        const clean = lines.map((l) => l.replaceAll('\n', ' ').replaceAll('\r', ' '))
        const events = parseLines(clean.length === 0 ? '' : clean.join('\n') + '\n', opts)
        expect(events).toHaveLength(clean.length)
        events.forEach((e, i) => {
          expect(e.line).toBe(i + 1)
          if (e.type === 'sendmail.unrecognized') expect(e.raw).toBe(clean[i])
        })
      }),
      { numRuns: runs(500) },
    )
  })
  it('should type every real sample line', () => {
    for (const e of parseLines(real.join('\n') + '\n', opts)) {
      expect(e.type.startsWith('sendmail.'), JSON.stringify(e)).toBe(true)
      expect(e.type).not.toBe('sendmail.unrecognized')
    }
  })
  it('should never throw in the joiner nor invent lines', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(mutated, fc.constantFrom(...real)), { maxLength: 30 }), (lines) => {
        const events = parseLines(lines.length === 0 ? '' : lines.join('\n') + '\n', opts)
        const joined: MailEvent[] = joinSendmailParts(events)
        expect(joined.length).toBeLessThanOrEqual(events.length)
        const seen = new Set(events.map((e) => e.line))
        for (const e of joined) expect(seen.has(e.line)).toBe(true)
      }),
      { numRuns: runs(300) },
    )
  })
})
