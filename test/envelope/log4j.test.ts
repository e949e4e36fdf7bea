import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { looksLikeLog4j, readLog4jBody, readLog4jHeader, readLog4jLead } from '../../src/envelope/log4j.js'
import { runs } from '../fuzz.js'

/** The reference card's regex (zimbra-amavis.md §1.1), used as the slow reference. */
const REFERENCE =
  /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (TRACE|DEBUG|INFO |WARN |ERROR|FATAL) \[(.*?)\] \[((?:[\w.-]+=(?:;;|[^;])*;)*)\] (\S+) - (.*)$/

function referenceContext(s: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of s.matchAll(/([\w.-]+)=((?:;;|[^;])*);/g)) out[m[1]!] = m[2]!.replaceAll(';;', ';')
  return out
}

describe('readLog4jHeader', () => {
  it('should split a mailbox.log line', () => {
    const h = readLog4jHeader(
      '2024-03-04 10:15:02,481 INFO  [LmtpServer-7] [name=bob@example.com;mid=12;ip=10.0.0.2;] mailop - Adding Message: id=4711',
    )
    expect(h).toMatchObject({
      level: 'INFO',
      thread: 'LmtpServer-7',
      context: { name: 'bob@example.com', mid: '12', ip: '10.0.0.2' },
      category: 'mailop',
      message: 'Adding Message: id=4711',
    })
    expect(h?.stamp).toMatchObject({ year: 2024, month: 3, day: 4, hour: 10, fraction: '.481', valid: true })
  })
  it('should read every level, padded or not, and an empty context', () => {
    for (const lvl of ['TRACE', 'DEBUG', 'INFO ', 'WARN ', 'ERROR', 'FATAL']) {
      const h = readLog4jHeader(`2024-03-04 10:15:02,481 ${lvl} [main] [] system - x`)
      expect(h?.level).toBe(lvl.trim())
      expect(h?.context).toEqual({})
    }
    expect(readLog4jHeader('2024-03-04 10:15:02,481 INFO [main] [] soap - x')?.category).toBe('soap')
  })
  it('should read thread names with spaces, colons and request URIs', () => {
    expect(
      readLog4jHeader('2024-03-04 10:15:02,481 DEBUG [IMAP IDLE thread] [] imap-client - x')?.thread,
    ).toBe('IMAP IDLE thread')
    const h = readLog4jHeader(
      '2024-03-04 10:15:02,481 WARN  [qtp1-2:https://[2001:db8::1]/service/soap/] [oip=192.0.2.1;] SoapEngine - handler exception',
    )
    expect(h?.thread).toBe('qtp1-2:https://[2001:db8::1]/service/soap/')
  })
  it('should unescape ;; and keep ] and " - " inside context values', () => {
    const h = readLog4jHeader(
      '2024-03-04 10:15:02,481 INFO  [t] [ua=Agent/1.0 [build 7] - test;;mode;oip=198.51.100.7, 10.0.0.1;] soap - x',
    )
    expect(h?.context).toEqual({ ua: 'Agent/1.0 [build 7] - test;mode', oip: '198.51.100.7, 10.0.0.1' })
    expect(Object.getPrototypeOf(h?.context)).toBeNull()
  })
  it('should reject lines without a complete header', () => {
    expect(readLog4jHeader('Mar  4 10:15:02 mx1 postfix/qmgr[1]: x')).toBeUndefined()
    expect(readLog4jHeader('2024-03-04T10:15:02,481 INFO  [t] [] c - m')).toBeUndefined()
    expect(readLog4jHeader('2024-03-04 10:15:02,481 NOTICE [t] [] c - m')).toBeUndefined()
    expect(readLog4jHeader('2024-03-04 10:15:02,481 INFO  [t] [name=a;ua=Outlook (16.0>')).toBeUndefined()
    expect(readLog4jLead('2024-03-04 10:15:02,481 INFO  [t] [name=a;ua=Outlook (16.0>')).toMatchObject({
      level: 'INFO',
      rest: '[t] [name=a;ua=Outlook (16.0>',
    })
  })
  it('should read the syslog copy, which has no stamp', () => {
    expect(readLog4jBody('WARN  [ImapServer-3] [ip=192.0.2.1;] imap - x')).toMatchObject({
      level: 'WARN',
      thread: 'ImapServer-3',
      category: 'imap',
    })
  })
  it('should tell log4j stamps from syslog and RFC 3339 ones cheaply', () => {
    expect(looksLikeLog4j('2024-03-04 10:15:02,481 INFO  [t] [] c - m')).toBe(true)
    expect(looksLikeLog4j('2024-03-04T10:15:02Z mx1 postfix/qmgr[1]: x')).toBe(false)
    expect(looksLikeLog4j('\tat com.example.A.b(A.java:1)')).toBe(false)
  })

  const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,12}$/)
  const thread = fc.stringMatching(/^[A-Za-z0-9 :/.=?&_-]{1,40}$/)
  const value = fc.stringMatching(/^[^;\n\r]{0,20}$/).chain((v) => fc.constantFrom(v, `${v};;x`))
  const line = fc
    .record({
      level: fc.constantFrom('TRACE', 'DEBUG', 'INFO ', 'WARN ', 'ERROR', 'FATAL'),
      thread,
      context: fc.array(fc.tuple(word, value), { maxLength: 5 }),
      category: word,
      message: fc.stringMatching(/^[^\n\r]{0,60}$/),
    })
    .map(
      (r) =>
        `2024-03-04 10:15:02,481 ${r.level} [${r.thread}] [${r.context.map(([k, v]) => `${k}=${v};`).join('')}] ${r.category} - ${r.message}`,
    )

  it('should agree with the reference regex on generated lines', () => {
    fc.assert(
      fc.property(line, (s) => {
        const ref = REFERENCE.exec(s)
        const h = readLog4jHeader(s)
        expect(ref).not.toBeNull()
        expect(h).toBeDefined()
        expect(h!.level).toBe(ref![2]!.trim())
        expect(h!.thread).toBe(ref![3])
        expect({ ...h!.context }).toEqual(referenceContext(ref![4]!))
        expect(h!.category).toBe(ref![5])
        expect(h!.message).toBe(ref![6])
      }),
      { numRuns: runs(500) },
    )
  })
  it('should never throw, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        readLog4jHeader(`2024-03-04 10:15:02,481 INFO  ${s}`)
        readLog4jHeader(s)
        readLog4jLead(s)
      }),
    )
  })
})
