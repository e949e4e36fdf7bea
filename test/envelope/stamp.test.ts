import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isValidParts,
  parseSyslogStamp,
  scanBsdStamp,
  scanIsoStamp,
  scanLog4jStamp,
} from '../../src/envelope/stamp.js'
import { runs } from '../fuzz.js'

describe('scanBsdStamp', () => {
  it('should read a leading weekday as ISO weekday', () => {
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
    days.forEach((d, i) => {
      expect(scanBsdStamp(`${d} Dec  5 09:28:42 mx1 x`, 0)?.parts).toMatchObject({ weekday: i + 1, day: 5 })
    })
    expect(scanBsdStamp('Thu Dec  5 09:28:42 mx1 x', 0)?.parts.text).toBe('Thu Dec  5 09:28:42')
  })
  it('should reject a weekday without a month, or an unknown word', () => {
    expect(scanBsdStamp('Thu  5 09:28:42 mx1 x', 0)).toBeUndefined()
    expect(scanBsdStamp('Thursday Dec  5 09:28:42', 0)).toBeUndefined()
    expect(scanBsdStamp('Foo  1 10:00:00 mx1', 0)).toBeUndefined()
  })
  it('should read the ctime year after the time only when a weekday leads', () => {
    expect(scanBsdStamp('Thu Dec  5 09:28:42 2024 mx1 x', 0)).toMatchObject({
      parts: { year: 2024, text: 'Thu Dec  5 09:28:42 2024' },
      end: 24,
    })
    expect(scanBsdStamp('Thu Dec  5 09:28:42 2024', 0)?.parts.year).toBe(2024)
    // Without a weekday, `2024` is a host name.
    expect(scanBsdStamp('Dec  5 09:28:42 2024 x: y', 0)?.parts.year).toBeUndefined()
    // Five digits are not a year.
    expect(scanBsdStamp('Thu Dec  5 09:28:42 20245 x', 0)?.parts.year).toBeUndefined()
  })
  it('should read a year before the time', () => {
    expect(scanBsdStamp('Dec  5 2024 09:28:42 mx1 x', 0)?.parts).toMatchObject({ year: 2024, hour: 9 })
  })
  it('should read fractions of 1 to 9 digits and the log4j comma', () => {
    for (const f of ['.1', '.12', '.123', '.123456', '.123456789']) {
      expect(scanBsdStamp(`Mar  1 12:00:01${f} mx1`, 0)?.parts.fraction).toBe(f)
    }
    expect(scanBsdStamp('Mar  1 12:00:01,123 mx1', 0)?.parts.fraction).toBe('.123')
    expect(scanBsdStamp('Mar  1 12:00:01. mx1', 0)?.parts.fraction).toBe('')
  })
  it('should mark impossible dates invalid instead of rolling them over', () => {
    for (const s of [
      'Feb 30 10:00:00',
      'Jun 31 10:00:00',
      'Apr 31 10:00:00',
      'Mar  1 24:00:00',
      'Mar  1 10:60:00',
    ]) {
      expect(scanBsdStamp(s, 0)?.parts.valid, s).toBe(false)
    }
    expect(scanBsdStamp('Feb 29 10:00:00', 0)?.parts.valid).toBe(true)
    expect(scanBsdStamp('Feb 29 2023 10:00:00', 0)?.parts.valid).toBe(false)
    expect(scanBsdStamp('Dec 31 23:59:60', 0)?.parts.valid).toBe(true)
  })
  it('should give every parts object the same keys', () => {
    const a = Object.keys(scanBsdStamp('Mar  1 12:00:01', 0)!.parts)
    const b = Object.keys(scanIsoStamp('2025-03-01T12:00:01Z', 0)!.parts)
    expect(a).toEqual(b)
  })
})

describe('scanIsoStamp', () => {
  it('should read offsets Z, z, ±hh:mm and ±hhmm', () => {
    expect(scanIsoStamp('2025-03-01T12:00:01Z x', 0)?.parts).toMatchObject({ offset: 'Z', offsetMinutes: 0 })
    expect(scanIsoStamp('2025-03-01t12:00:01z x', 0)?.parts).toMatchObject({ offset: 'z', offsetMinutes: 0 })
    expect(scanIsoStamp('2025-03-01T12:00:01.5-03:30 x', 0)?.parts).toMatchObject({
      offset: '-03:30',
      offsetMinutes: -210,
      fraction: '.5',
    })
    expect(scanIsoStamp('2025-03-01T12:00:01+0100 x', 0)).toMatchObject({
      parts: { offset: '+0100', offsetMinutes: 60 },
      end: 24,
    })
  })
  it('should mark an out-of-range offset invalid', () => {
    expect(scanIsoStamp('2025-03-01T12:00:01+25:00 x', 0)?.parts.valid).toBe(false)
  })
  it('should read a stamp without offset', () => {
    expect(scanIsoStamp('2025-03-01T12:00:01.123456 x', 0)?.parts).toMatchObject({
      year: 2025,
      offset: undefined,
      fraction: '.123456',
    })
  })
})

describe('scanLog4jStamp', () => {
  it('should read Zimbra log4j stamps', () => {
    expect(scanLog4jStamp('2024-12-05 09:28:42,123 INFO  [main] x', 0)).toMatchObject({
      parts: { year: 2024, month: 12, day: 5, hour: 9, fraction: '.123', offset: undefined, valid: true },
      end: 23,
    })
    expect(scanLog4jStamp('2024-12-05T09:28:42,123 INFO', 0)).toBeUndefined()
  })
})

describe('parseSyslogStamp', () => {
  it('should skip <PRI> and the RFC 5424 version', () => {
    expect(parseSyslogStamp('<34>Dec  5 09:28:42 mx1 x')?.parts.day).toBe(5)
    expect(parseSyslogStamp('<165>1 2024-12-05T09:28:42.003Z mx1 app - - - x')?.parts.offset).toBe('Z')
    expect(parseSyslogStamp('<34 Dec  5 09:28:42')).toBeNull()
  })
  it('should read bare stamps of every layout', () => {
    expect(parseSyslogStamp('2024-12-05 09:28:42,123')?.parts.year).toBe(2024)
    expect(parseSyslogStamp('2024-12-05T09:28:42+01:00')?.parts.offsetMinutes).toBe(60)
    expect(parseSyslogStamp('Dec  5 09:28:42')?.parts.text).toBe('Dec  5 09:28:42')
  })
  it('should return null when the stamp runs into other text, or is impossible', () => {
    expect(parseSyslogStamp('Dec  5 09:28:42x')).toBeNull()
    expect(parseSyslogStamp('Feb 29 2023 10:00:00')).toBeNull()
    expect(parseSyslogStamp('')).toBeNull()
  })
  it('should agree with a slow regex reference on BSD stamps with weekdays and fractions', () => {
    const ref =
      /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun) )?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( \d|\d\d|\d) (?:(\d{4}) )?(\d\d):(\d\d):(\d\d)(?:[.,](\d+))?(?= |$)/
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
    const line = fc
      .tuple(
        fc.constantFrom('', 'Thu ', 'Sun ', 'Xyz '),
        fc.constantFrom(...months, 'Foo'),
        fc.constantFrom(' 1', '01', '1', '31', '29', '30'),
        fc.constantFrom('', '2024 ', '2023 '),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.option(fc.tuple(fc.constantFrom('.', ','), fc.integer({ min: 0, max: 999999999 }))),
        fc.constantFrom('', ' mx1 x: y'),
      )
      .map(
        ([w, m, d, y, h, s, f, rest]) =>
          `${w}${m} ${d} ${y}${String(h).padStart(2, '0')}:07:${String(s).padStart(2, '0')}${f === null ? '' : f[0] + f[1]}${rest}`,
      )
    fc.assert(
      fc.property(line, (l) => {
        const m = ref.exec(l)
        const got = parseSyslogStamp(l)
        if (!m) {
          expect(got).toBeNull()
          return
        }
        const year = m[4] === undefined ? undefined : Number(m[4])
        const valid = isValidParts(
          year,
          months.indexOf(m[2]!) + 1,
          Number(m[3]),
          Number(m[5]),
          Number(m[6]),
          Number(m[7]),
        )
        if (!valid) {
          expect(got).toBeNull()
          return
        }
        expect(got?.parts).toMatchObject({
          text: m[0],
          day: Number(m[3]),
          second: Number(m[7]),
          fraction: m[8] === undefined ? '' : `.${m[8]}`,
          weekday:
            m[1] === undefined
              ? undefined
              : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(m[1]) + 1,
          year,
        })
      }),
      { numRuns: runs(2000) },
    )
  })
})
