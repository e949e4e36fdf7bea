import { describe, expect, it } from 'vitest'
import { scanBsdStamp, scanIsoStamp } from '../../src/envelope/stamp.js'
import { mtimeAnchor } from '../../src/time/anchors.js'
import { createClock, createYearResolver } from '../../src/time/clock.js'
import { anchorsFromFileName } from '../../src/time/rotated-name.js'

const stamp = (s: string) => scanBsdStamp(s, 0)!.parts

describe('createClock', () => {
  it('should use the given year for the first line and roll over when the month goes back', () => {
    const c = createClock({ year: 2024, zone: 'UTC' })
    expect(c.resolve('mx1', stamp('Dec 31 23:59:59'))).toBe('2024-12-31T23:59:59+00:00')
    expect(c.resolve('mx1', stamp('Jan  1 00:00:01'))).toBe('2025-01-01T00:00:01+00:00')
  })
  it('should not roll over for a one-month step back (out-of-order lines)', () => {
    const c = createClock({ year: 2025, zone: 'UTC' })
    c.resolve('mx1', stamp('Apr  1 00:00:00'))
    expect(c.resolve('mx1', stamp('Mar 31 23:59:59'))).toBe('2025-03-31T23:59:59+00:00')
  })
  it('should track the year per host', () => {
    const c = createClock({ year: 2024, zone: 'UTC' })
    c.resolve('a', stamp('Dec 31 23:59:59'))
    c.resolve('a', stamp('Jan  1 00:00:01'))
    expect(c.resolve('b', stamp('Dec 31 23:59:58'))).toBe('2024-12-31T23:59:58+00:00')
  })
  it('should take the year from the reference date, the previous year for later months', () => {
    const c = createClock({ referenceDate: '2026-03-01', zone: 'UTC' })
    expect(c.resolve('a', stamp('Feb 28 10:00:00'))).toBe('2026-02-28T10:00:00+00:00')
    expect(c.resolve('b', stamp('Dec 31 10:00:00'))).toBe('2025-12-31T10:00:00+00:00')
  })
  it('should apply zone offsets, summer and winter', () => {
    const c = createClock({ year: 2025, zone: 'Europe/Berlin' })
    expect(c.resolve('a', stamp('Mar  1 12:00:00'))).toBe('2025-03-01T12:00:00+01:00')
    expect(c.resolve('a', stamp('Jul  1 12:00:00.25'))).toBe('2025-07-01T12:00:00.25+02:00')
  })
  it('should not resolve Feb 29 in a common year', () => {
    const c = createClock({ year: 2025, zone: 'UTC' })
    expect(c.resolve('a', stamp('Feb 29 12:00:00'))).toBeUndefined()
    expect(createClock({ year: 2024, zone: 'UTC' }).resolve('a', stamp('Feb 29 12:00:00'))).toBe(
      '2024-02-29T12:00:00+00:00',
    )
  })
  it('should throw for bad options, naming them', () => {
    expect(() => createClock({ zone: 'Mars/Olympus' })).toThrow(/^zone:/)
    expect(() => createClock({ year: 20250 })).toThrow(/^year:/)
    expect(() => createClock({ referenceDate: 'yesterday' })).toThrow(/^referenceDate:/)
  })
  it('should treat a step back of less than half a year as late lines, not a rollover', () => {
    const c = createClock({ year: 2025, zone: 'UTC' })
    c.resolve('a', stamp('Jul  1 10:00:00'))
    expect(c.resolve('a', stamp('Apr  2 10:00:00'))).toBe('2025-04-02T10:00:00+00:00')
    expect(c.resolveTime('a', stamp('Apr  3 10:00:00')).flags).toEqual(['outOfOrder'])
    c.resolve('a', stamp('Aug 20 10:00:00'))
    expect(c.resolve('a', stamp('Jan  2 10:00:00'))).toBe('2026-01-02T10:00:00+00:00')
  })
  it('should take the first year from file anchors when no year or reference date is given', () => {
    const c = createClock({ zone: 'UTC', anchors: anchorsFromFileName('maillog-20250103.gz') })
    expect(c.resolveTime('a', stamp('Dec 30 10:00:00'))).toMatchObject({
      year: 2024,
      yearSource: 'rotatedName',
    })
    expect(c.resolve('a', stamp('Jan  2 10:00:00'))).toBe('2025-01-02T10:00:00+00:00')
    const m = createClock({ zone: 'UTC', anchors: [mtimeAnchor(Date.parse('2020-06-01T00:00:00Z'))] })
    expect(m.resolveTime('a', stamp('May 30 10:00:00'))).toMatchObject({
      year: 2020,
      yearSource: 'mtime',
      confidence: 'high',
    })
  })
  it('should fit Feb 29 and a weekday on the first line', () => {
    const c = createClock({ zone: 'UTC', referenceDate: '2026-06-01' })
    expect(c.resolve('a', stamp('Feb 29 10:00:00'))).toBe('2024-02-29T10:00:00+00:00')
    expect(c.resolve('b', stamp('Thu Dec  5 10:00:00'))).toBe('2024-12-05T10:00:00+00:00')
  })
  it('should keep RFC 3339 stamps as written when canonical and normalize the others', () => {
    const c = createClock({ year: 2025, zone: 'UTC' })
    const iso = (s: string) => c.resolve('a', scanIsoStamp(s, 0)!.parts)
    expect(iso('2025-03-01T12:00:01.123456+01:00')).toBe('2025-03-01T12:00:01.123456+01:00')
    expect(iso('2025-03-01T12:00:01Z')).toBe('2025-03-01T12:00:01Z')
    expect(iso('2025-03-01t12:00:01+0100')).toBe('2025-03-01T12:00:01+01:00')
  })
  it('should resolve a DST overlap monotonically per host and a gap forward', () => {
    const c = createClock({ year: 2024, zone: 'America/New_York' })
    const got = ['Nov  3 01:10:00', 'Nov  3 01:50:00', 'Nov  3 01:05:00', 'Nov  3 01:40:00'].map((s) =>
      c.resolve('a', stamp(s)),
    )
    expect(got.map((g) => g!.slice(-6))).toEqual(['-04:00', '-04:00', '-05:00', '-05:00'])
    expect(c.resolve('b', stamp('Nov  3 01:40:00'))).toBe('2024-11-03T01:40:00-04:00')
    expect(c.resolveTime('c', stamp('Mar 10 02:30:00'))).toMatchObject({
      iso: '2024-03-10T03:30:00-04:00',
      flags: ['dstGap'],
    })
    const later = createClock({ year: 2024, zone: 'America/New_York', overlap: 'later' })
    expect(later.resolve('a', stamp('Nov  3 01:10:00'))).toBe('2024-11-03T01:10:00-05:00')
  })
  it('should give provenance with resolveTime', () => {
    const c = createClock({ zone: 'Europe/Berlin', referenceDate: '2025-01-02' })
    expect(c.resolveTime('a', stamp('Dec 31 23:59:59.123456'))).toMatchObject({
      iso: '2024-12-31T23:59:59.123456+01:00',
      epochMs: Date.parse('2024-12-31T22:59:59.123Z'),
      subMsNanos: 456000,
      year: 2024,
      zone: 'Europe/Berlin',
      zoneSource: 'option',
      yearSource: 'referenceDate',
      confidence: 'high',
      flags: [],
    })
    expect(c.resolveTime('a', stamp('Jan  1 00:00:01')).flags).toEqual(['rollover'])
  })
})

describe('createYearResolver', () => {
  const log4j = (s: string) => scanIsoStamp(s, 0, 32)!.parts
  it('should resolve log4j stamps in the zone, millis kept, across DST', () => {
    const r = createYearResolver('Europe/Berlin')
    expect(r(log4j('2024-03-04 10:15:02,481'))).toBe('2024-03-04T10:15:02.481+01:00')
    expect(r(log4j('2024-07-04 10:15:02,481'))).toBe('2024-07-04T10:15:02.481+02:00')
  })
  it('should not resolve impossible dates or stamps without a year', () => {
    const r = createYearResolver('UTC')
    expect(r(log4j('2025-02-29 10:00:00,000'))).toBeUndefined()
    expect(r(scanBsdStamp('Mar  1 12:00:01', 0)!.parts)).toBeUndefined()
  })
})
