import { describe, expect, it } from 'vitest'
import { scanBsdStamp, scanIsoStamp } from '../../src/envelope/stamp.js'
import { createClock, createYearResolver } from '../../src/time/clock.js'

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
