import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { MailEvent } from '../src/events/index.js'
import { createEventStream, createParser, parseLines } from '../src/parse.js'
import { runs } from './fuzz.js'

const opts = { year: 2025, zone: 'UTC' } as const

const syslog = fc.constantFrom(
  'Mar  1 12:09:05 mx1 postfix/qmgr[9001]: 4F1A2B3C01: removed',
  'Mar  1 12:00:01 mx1 amavis[3301]: (03301-07) Checking: Ab3dEf6hIj9k [192.0.2.9] <a@example.org> -> <b@example.com>',
  'Mar  1 12:00:02 mx1 sshd[77]: Accepted publickey for root',
)
const head = fc.constantFrom(
  '2025-03-01 12:00:01,123 INFO  [LmtpServer-7] [ip=10.0.0.2;] lmtp - Delivering message: size=10 bytes, nrcpts=1, sender=a@example.org, msgid=<m@example.org>',
  '2025-03-01 12:00:02,000 WARN  [qtp1-2:https://mail.example.com/service/soap/] [name=bob@example.com;] SoapEngine - handler exception',
  '2025-03-01 12:00:03,000 INFO  [qtp1-3] [] security - cmd=Auth; account=bob@example.com; protocol=imap;',
  '2025-03-01 12:00:04,000 ERROR [t] [name=a;ua=cut short (16.0>',
)
const continuation = fc.constantFrom(
  'java.lang.IllegalStateException: closed',
  '\tat com.zimbra.cs.mailbox.Mailbox.lock(Mailbox.java:1)',
  '        at com.zimbra.soap.SoapEngine.dispatch(SoapEngine.java:471) ~[zimbrastore.jar:10.0.5_GA_0423]',
  'Caused by: java.io.IOException: boom',
  '\t... 12 more',
  'ExceptionId:qtp1-2:1709547662481:5f1c0b2a',
  'Code:service.FAILURE',
  '<SearchRequest xmlns="urn:zimbraMail">',
  '',
)

/** Lines an event covers: `line` to `endLine`. */
const span = (e: MailEvent): number =>
  ('endLine' in e && e.endLine !== undefined ? e.endLine : e.line) - e.line + 1

describe('createEventStream with log4j records', () => {
  it('should cover every input line exactly once, in line order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(syslog, head, continuation, continuation), { maxLength: 40 }),
        (lines) => {
          const events: MailEvent[] = []
          const stream = createEventStream(opts, (e) => events.push(e))
          lines.forEach((l, i) => {
            stream.push(l, i + 1)
          })
          stream.end()
          expect(events.reduce((n, e) => n + span(e), 0)).toBe(lines.length)
          let next = 1
          for (const e of events) {
            expect(e.line).toBe(next)
            next = e.line + span(e)
          }
          expect(next).toBe(lines.length + 1)
        },
      ),
      { numRuns: runs(500) },
    )
  })
  it('should attach continuation lines to the record and keep them in its message', () => {
    const events = parseLines(
      [
        '2025-03-01 12:00:02,000 WARN  [qtp1-2] [name=bob@example.com;] SoapEngine - handler exception',
        'java.lang.IllegalStateException: closed',
        '\tat a.B.c(B.java:1)',
        'Mar  1 12:09:05 mx1 postfix/qmgr[9001]: 4F1A2B3C01: removed',
      ].join('\n'),
      opts,
    )
    expect(events.map((e) => e.type)).toEqual(['zimbra.mailbox.exception', 'postfix.qmgr.removed'])
    expect(events[0]).toMatchObject({
      line: 1,
      endLine: 3,
      message: 'handler exception\njava.lang.IllegalStateException: closed\n\tat a.B.c(B.java:1)',
      exception: { class: 'java.lang.IllegalStateException', message: 'closed', frames: ['a.B.c(B.java:1)'] },
    })
  })
  it('should hold a record until the next line and emit it at end()', () => {
    const events: MailEvent[] = []
    const stream = createEventStream(opts, (e) => events.push(e))
    stream.push('2025-03-01 12:00:02,000 WARN  [t] [] soap - Slow SOAP request (start=1):', 1)
    stream.push('<a/>', 2)
    expect(events).toHaveLength(0)
    stream.end()
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ type: 'zimbra.mailbox.record', line: 1, endLine: 2 })
  })
  it('should leave a continuation-looking line with no open record unknown', () => {
    const [e] = parseLines('\tat a.B.c(B.java:1)\n', opts)
    expect(e).toMatchObject({ type: 'unknown', reason: 'no-header', raw: '\tat a.B.c(B.java:1)' })
  })
  it('should end a record at a change of source and at a too-long line', () => {
    const events: MailEvent[] = []
    const stream = createEventStream({ ...opts, maxLineLength: 100 }, (e) => events.push(e))
    stream.push('2025-03-01 12:00:02,000 WARN  [t] [] soap - x', 1, 'a.log')
    stream.push('\tat a.B.c(B.java:1)', 1, 'b.log')
    stream.push('2025-03-01 12:00:03,000 WARN  [t] [] soap - y', 2, 'b.log')
    stream.push(`\tat ${'x'.repeat(200)}`, 3, 'b.log')
    stream.end()
    expect(events.map((e) => [e.type, e.source, e.line])).toEqual([
      ['zimbra.mailbox.record', 'a.log', 1],
      ['unknown', 'b.log', 1],
      ['zimbra.mailbox.record', 'b.log', 2],
      ['unknown', 'b.log', 3],
    ])
  })
  it('should parse a single-line record with LineParser.parse', () => {
    const e = createParser(opts).parse(
      '2025-03-01 12:00:03,000 INFO  [ImapSSLServer-4] [ip=10.0.0.3;oip=198.51.100.7;] security - cmd=Auth; account=bob@example.com; protocol=imap;',
      7,
    )
    expect(e).toMatchObject({
      type: 'zimbra.audit.auth',
      line: 7,
      time: '2025-03-01T12:00:03.000+00:00',
      stamp: '2025-03-01 12:00:03,000',
      account: 'bob@example.com',
      protocol: 'imap',
      clientIp: '198.51.100.7',
    })
    expect(JSON.parse(JSON.stringify(e))).not.toHaveProperty('endLine')
  })
})
