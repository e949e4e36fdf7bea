import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scanBsdStamp, scanIsoStamp } from '../../src/envelope/stamp.js'
import { readSyslogHeader } from '../../src/envelope/syslog.js'

describe('readSyslogHeader', () => {
  it('should read an RFC 3164 header with a space-padded day', () => {
    const h = readSyslogHeader('Mar  1 12:00:01 mx1 postfix/smtpd[4321]: connect from a[192.0.2.1]')
    expect(h).toMatchObject({
      host: 'mx1',
      program: 'postfix/smtpd',
      pid: 4321,
      message: 'connect from a[192.0.2.1]',
    })
    expect(h?.stamp).toMatchObject({ text: 'Mar  1 12:00:01', month: 3, day: 1, hour: 12, valid: true })
  })
  it('should read the postlogd zero-padded day and a single-digit day', () => {
    expect(readSyslogHeader('Mar 01 12:00:01 mx1 postfix/qmgr[1]: x')?.stamp.day).toBe(1)
    expect(readSyslogHeader('Mar 1 12:00:01 mx1 postfix/qmgr[1]: x')?.stamp.day).toBe(1)
  })
  it('should read RFC 3339 stamps with fraction and offset', () => {
    const h = readSyslogHeader('2025-03-01T12:00:01.123456+01:00 mx1 postfix/qmgr[1]: x')
    expect(h?.stamp).toMatchObject({ year: 2025, fraction: '.123456', offset: '+01:00' })
  })
  it('should read RFC 5424 with structured data', () => {
    const h = readSyslogHeader('<34>1 2025-03-01T12:00:01Z mx1 postfix/smtpd 42 ID7 [x@1 a="b\\]c"] hello')
    expect(h).toMatchObject({
      priority: 34,
      host: 'mx1',
      program: 'postfix/smtpd',
      pid: 42,
      message: 'hello',
    })
  })
  it('should skip a <PRI> prefix and a Solaris message id', () => {
    const h = readSyslogHeader(
      '<22>Mar  1 12:00:01 mx1 postfix/qmgr[7]: [ID 197553 mail.info] 3F4A92C1B: removed',
    )
    expect(h).toMatchObject({ priority: 22, message: '3F4A92C1B: removed' })
  })
  it('should keep a tag-less message whole', () => {
    const h = readSyslogHeader('Mar  1 12:00:01 mx1 last message repeated 3 times')
    expect(h).toMatchObject({ program: '', message: 'last message repeated 3 times' })
  })
  it('should reject lines without a header', () => {
    expect(readSyslogHeader('hello world')).toBeUndefined()
    expect(readSyslogHeader('')).toBeUndefined()
    expect(readSyslogHeader('Mar  1 12:00:01')).toBeUndefined()
  })
  it('should mark impossible dates invalid', () => {
    expect(scanBsdStamp('Feb 30 12:00:00', 0)?.parts.valid).toBe(false)
    expect(scanBsdStamp('Mar  1 24:00:00', 0)?.parts.valid).toBe(false)
    expect(scanIsoStamp('2025-02-29T00:00:00Z', 0)?.parts.valid).toBe(false)
    expect(scanIsoStamp('2024-02-29T00:00:00Z', 0)?.parts.valid).toBe(true)
  })
  it('should never throw, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        readSyslogHeader(s)
      }),
    )
  })
  it('should agree with a regex reference on BSD stamps', () => {
    const ref =
      /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( \d|\d\d|\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? /
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
    const stamp = fc
      .tuple(
        fc.constantFrom(...months, 'Foo'),
        fc.constantFrom(' 1', '01', '1', '31', '9 ', 'x1'),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.option(fc.integer({ min: 0, max: 999999 })),
      )
      .map(
        ([m, d, h, s, f]) =>
          `${m} ${d} ${String(h).padStart(2, '0')}:00:${String(s).padStart(2, '0')}${f === null ? '' : `.${f}`} host x: y`,
      )
    fc.assert(
      fc.property(stamp, (line) => {
        const m = ref.exec(line)
        const scan = scanBsdStamp(line, 0)
        if (!m) {
          expect(scan === undefined || line.charCodeAt(scan.end) !== 32).toBe(true)
          return
        }
        expect(scan?.parts.text).toBe(m[0].trimEnd())
        expect(scan?.parts.day).toBe(Number(m[2]))
        expect(scan?.parts.fraction).toBe(m[6] === undefined ? '' : `.${m[6]}`)
      }),
    )
  })
})
