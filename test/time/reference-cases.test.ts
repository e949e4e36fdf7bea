/**
 * The 24 required cases of `reference/year-inference.md` §6, one `describe` per case.
 */
import { Settings } from 'luxon'
import { afterEach, describe, expect, it } from 'vitest'
import { parseSyslogStamp } from '../../src/envelope/stamp.js'
import { mtimeAnchor, referenceAnchor } from '../../src/time/anchors.js'
import { resolveYearLive } from '../../src/time/live.js'
import { compareResolved } from '../../src/time/resolved.js'
import { anchorsFromFileName } from '../../src/time/rotated-name.js'
import { isos, run, stamp, years } from './helpers.js'

const NEW_YEAR = [
  'Dec 30 10:00:00',
  'Dec 31 23:59:58',
  'Jan  1 00:00:01',
  'Jan  1 08:00:00',
  'Jan  2 09:00:00',
].map((s) => ({ stamp: s, source: 'mail.log' }))
const MTIME = mtimeAnchor(Date.parse('2025-01-02T09:00:30Z'))
const NEW_YEAR_YEARS = [2024, 2024, 2025, 2025, 2025]
/** A reading time after every line of the tests that pin the year. */
const LATER = '2030-01-01T00:00:00Z'

describe('case 1: Dec 30 … Jan 2, mtime 2025-01-02', () => {
  it('should put Dec in 2024 and Jan in 2025', () => {
    const { times } = run(
      NEW_YEAR,
      { zone: 'UTC', now: '2025-01-02T10:00:00Z' },
      { 'mail.log': { anchors: [MTIME] } },
    )
    expect(years(times)).toEqual(NEW_YEAR_YEARS)
    expect(times.map((t) => t.flags.includes('rollover'))).toEqual([false, false, true, false, false])
    expect(times[0]).toMatchObject({
      yearSource: 'mtime',
      confidence: 'high',
      iso: '2024-12-30T10:00:00+00:00',
    })
  })
})

describe('case 2: the same file read in 2027, mtime kept', () => {
  it('should give the same years, from the mtime', () => {
    const { times } = run(
      NEW_YEAR,
      { zone: 'UTC', now: '2027-03-01T00:00:00Z' },
      { 'mail.log': { anchors: [MTIME] } },
    )
    expect(years(times)).toEqual(NEW_YEAR_YEARS)
    expect(times.every((t) => t.yearSource === 'mtime')).toBe(true)
  })
})

describe('case 3: mtime lost, rotated name mail.log-20250103.gz', () => {
  it('should give the same years, from the rotated name', () => {
    const lost = mtimeAnchor(Date.parse('2027-03-01T00:00:00Z')) // copied: mtime is the copy time
    const anchors = [lost, ...anchorsFromFileName('/backup/mail.log-20250103.gz', 'UTC')]
    const { times } = run(NEW_YEAR, { zone: 'UTC', now: '2027-03-01T00:00:00Z' }, { 'mail.log': { anchors } })
    expect(years(times)).toEqual(NEW_YEAR_YEARS)
    expect(times.every((t) => t.yearSource === 'rotatedName' && t.confidence === 'high')).toBe(true)
  })
})

describe('case 4: only now = 2027', () => {
  it('should give 2026/2027 at low confidence with the year before as alternative', () => {
    const { times } = run(NEW_YEAR, { zone: 'UTC', now: '2027-03-01T00:00:00Z' })
    expect(years(times)).toEqual([2026, 2026, 2027, 2027, 2027])
    expect(times.every((t) => t.yearSource === 'now' && t.confidence === 'low')).toBe(true)
    expect(times[0]!.alternatives).toEqual([2025])
    expect(times[4]!.alternatives).toEqual([2026])
  })
})

describe('case 5: Feb 27 … Mar 2 with a Feb 29 line, mtime 2025-03-05', () => {
  it('should put every line in 2024, flagged leapConstrained', () => {
    const lines = [
      'Feb 27 10:00:00',
      'Feb 28 10:00:00',
      'Feb 29 10:00:00',
      'Mar  1 10:00:00',
      'Mar  2 10:00:00',
    ]
    const { times } = run(lines, {
      zone: 'UTC',
      now: '2025-03-06T00:00:00Z',
      anchors: [mtimeAnchor(Date.parse('2025-03-05T00:00:00Z'))],
    })
    expect(years(times)).toEqual([2024, 2024, 2024, 2024, 2024])
    expect(times.every((t) => t.flags.includes('leapConstrained'))).toBe(true)
    expect(times[2]!.iso).toBe('2024-02-29T10:00:00+00:00')
    expect(times[0]!.alternatives).toEqual([2020])
  })
})

describe('case 6: Feb 29 with an explicit year 2023 in the stream', () => {
  it('should report a conflict and never give Mar 1', () => {
    const { times, summary } = run(['Feb 28 2023 10:00:00', 'Feb 29 10:00:00', 'Mar  1 10:00:00'], {
      zone: 'UTC',
      now: '2025-01-01T00:00:00Z',
    })
    expect(times[0]).toMatchObject({ year: 2023, yearSource: 'explicit', confidence: 'certain' })
    expect(times[1]).toMatchObject({ iso: undefined, reason: 'conflict', confidence: 'low', year: 2023 })
    expect(times[1]!.flags).toContain('conflict')
    expect(times[1]!.alternatives).toEqual([2020, 2024])
    expect(Number.isNaN(times[1]!.epochMs)).toBe(true)
    expect(times[2]).toMatchObject({ iso: '2023-03-01T10:00:00+00:00', yearSource: 'stream' })
    expect(summary.conflicts).toHaveLength(1)
  })
})

describe('case 7: live, now Dec 31 23:59:58, line Jan  1 00:00:05', () => {
  it('should take next year, flagged future', () => {
    const t = resolveYearLive(stamp('Jan  1 00:00:05'), { zone: 'UTC', now: '2024-12-31T23:59:58Z' })
    expect(t).toMatchObject({ year: 2025, iso: '2025-01-01T00:00:05+00:00', yearSource: 'now' })
    expect(t.flags).toEqual(['future'])
  })
})

describe('case 8: live, now Jan 1 00:00:03, line Dec 31 23:59:59', () => {
  it('should take the previous year', () => {
    const t = resolveYearLive(stamp('Dec 31 23:59:59'), { zone: 'UTC', now: '2025-01-01T00:00:03Z' })
    expect(t).toMatchObject({ year: 2024, confidence: 'high', flags: [] })
  })
})

describe('case 9: live, now 2023-03-08, line Oct  5 (beats#34779)', () => {
  it('should take 2022', () => {
    expect(resolveYearLive(stamp('Oct  5 10:00:00'), { zone: 'UTC', now: '2023-03-08T12:00:00Z' }).year).toBe(
      2022,
    )
  })
})

describe('case 10: live in Asia/Shanghai at 2024-01-01 03:00 (UTC still 2023)', () => {
  it('should put Jan  1 02:59 in 2024', () => {
    const t = resolveYearLive(stamp('Jan  1 02:59:00'), {
      zone: 'Asia/Shanghai',
      now: '2023-12-31T19:00:00Z',
    })
    expect(t).toMatchObject({ year: 2024, iso: '2024-01-01T02:59:00+08:00', flags: [] })
  })
})

describe('case 11: a device clock 3 days ahead', () => {
  const now = '2025-06-10T12:00:00Z'
  it('should take the previous year at low confidence with the next year as alternative', () => {
    const t = resolveYearLive(stamp('Jun 13 12:00:00'), { zone: 'UTC', now })
    expect(t).toMatchObject({ year: 2024, confidence: 'low', alternatives: [2025] })
  })
  it('should reject the line with onFuture: reject', () => {
    const t = resolveYearLive(stamp('Jun 13 12:00:00'), { zone: 'UTC', now, onFuture: 'reject' })
    expect(t).toMatchObject({ iso: undefined, reason: 'future', alternatives: [2024] })
    expect(t.flags).toContain('future')
  })
})

describe('case 12: Apr 10 → May 2 → Apr 11 → May 3', () => {
  it('should not roll over; Apr 11 is outOfOrder', () => {
    const { times } = run(['Apr 10 10:00:00', 'May  2 10:00:00', 'Apr 11 10:00:00', 'May  3 10:00:00'], {
      zone: 'UTC',
      now: '2025-06-01T00:00:00Z',
    })
    expect(years(times)).toEqual([2025, 2025, 2025, 2025])
    expect(times.map((t) => t.flags)).toEqual([[], [], ['outOfOrder'], []])
    expect(times[2]!.confidence).toBe('low')
  })
})

describe('case 13: two interleaved hosts, one 3 h behind, across New Year', () => {
  it('should roll over once per host', () => {
    const lines: { stamp: string; host: string }[] = []
    for (let h = 20; h < 24 + 6; h++) {
      const a =
        h < 24
          ? `Dec 31 ${String(h).padStart(2, '0')}:00:00`
          : `Jan  1 ${String(h - 24).padStart(2, '0')}:00:00`
      const hb = h - 3
      const b =
        hb < 24
          ? `Dec 31 ${String(hb).padStart(2, '0')}:30:00`
          : `Jan  1 ${String(hb - 24).padStart(2, '0')}:30:00`
      lines.push({ stamp: a, host: 'a' }, { stamp: b, host: 'b' })
    }
    const { times, summary, order } = run(lines, { zone: 'UTC', now: '2025-01-01T12:00:00Z' })
    expect(order).toEqual(lines.map((_l, i) => i))
    expect(summary.streams.map((s) => [s.host, s.rollovers, s.baseYear])).toEqual([
      ['a', 1, 2024],
      ['b', 1, 2024],
    ])
    times.forEach((t, i) => {
      expect(t.year).toBe(lines[i]!.stamp.startsWith('Dec') ? 2024 : 2025)
    })
    expect(times.filter((t) => t.flags.includes('rollover'))).toHaveLength(2)
  })
})

describe('case 14: a single line 20 days back', () => {
  it('should be outOfOrder, no rollover, in the middle of a stream', () => {
    const { times, summary } = run(
      ['Jun 20 10:00:00', 'Jun 21 10:00:00', 'Jun  1 10:00:00', 'Jun 21 11:00:00', 'Jun 22 10:00:00'],
      {
        zone: 'UTC',
        now: '2025-07-01T00:00:00Z',
      },
    )
    expect(years(times)).toEqual([2025, 2025, 2025, 2025, 2025])
    expect(times[2]!.flags).toEqual(['outOfOrder'])
    expect(summary.streams[0]!.rollovers).toBe(0)
  })
  it('should be outOfOrder at the end of a stream too', () => {
    const { times } = run(['Jun 20 10:00:00', 'Jun 21 10:00:00', 'Jun  1 10:00:00'], {
      zone: 'UTC',
      now: '2025-07-01T00:00:00Z',
    })
    expect(years(times)).toEqual([2025, 2025, 2025])
    expect(times[2]!.flags).toEqual(['outOfOrder'])
  })
})

describe('case 15: Jul 1, a 9-month gap, then Apr 2 (mtime April)', () => {
  it('should roll over', () => {
    const lines = [
      'Jul  1 10:00:00',
      'Jul  1 11:00:00',
      'Apr  2 10:00:00',
      'Apr  2 11:00:00',
      'Apr  3 09:00:00',
    ]
    const { times } = run(lines, {
      zone: 'UTC',
      now: '2026-01-01T00:00:00Z',
      anchors: [mtimeAnchor(Date.parse('2025-04-03T09:00:01Z'))],
    })
    expect(years(times)).toEqual([2024, 2024, 2025, 2025, 2025])
    expect(times[2]!.flags).toContain('rollover')
  })
})

describe('case 16: two rollovers in one file', () => {
  it('should take the base year from the end anchor', () => {
    const lines = [
      'Nov 20 10:00:00',
      'Dec 31 10:00:00',
      'Jan  1 10:00:00',
      'Jan  2 10:00:00',
      'Jan  3 10:00:00',
    ]
    lines.push('Apr  1 10:00:00', 'Jul  1 10:00:00', 'Oct  1 10:00:00', 'Dec 30 10:00:00')
    lines.push('Jan  1 09:00:00', 'Jan  5 10:00:00', 'Mar  1 10:00:00')
    const { times, summary } = run(lines, {
      zone: 'UTC',
      now: '2026-06-01T00:00:00Z',
      anchors: [mtimeAnchor(Date.parse('2024-03-05T00:00:00Z'))],
    })
    expect(years(times)).toEqual([2022, 2022, 2023, 2023, 2023, 2023, 2023, 2023, 2023, 2024, 2024, 2024])
    expect(summary.streams[0]).toMatchObject({ rollovers: 2, baseYear: 2022, yearSource: 'mtime' })
  })
})

describe('case 17: New York 2024-03-10 02:30 (spring forward)', () => {
  it('should move forward to 03:30-04:00 with gap: forward', () => {
    const { times } = run(['Mar 10 02:30:00'], { zone: 'America/New_York', year: 2024, now: LATER })
    expect(times[0]).toMatchObject({ iso: '2024-03-10T03:30:00-04:00', offsetMinutes: -240 })
    expect(times[0]!.epochMs).toBe(Date.parse('2024-03-10T07:30:00Z'))
    expect(times[0]!.flags).toEqual(['dstGap'])
  })
  it('should leave it unresolved with gap: reject', () => {
    const { times } = run(['Mar 10 02:30:00'], {
      zone: 'America/New_York',
      year: 2024,
      now: LATER,
      gap: 'reject',
    })
    expect(times[0]).toMatchObject({ iso: undefined, reason: 'dstGap', flags: ['dstGap'] })
  })
})

describe('case 18: New York 2024-11-03 01:10, 01:50, 01:05, 01:40 under monotonic', () => {
  const saved = Settings.now
  afterEach(() => {
    Settings.now = saved
  })
  for (const now of ['2024-07-01T00:00:00Z', '2024-01-15T00:00:00Z', '2030-12-01T00:00:00Z']) {
    it(`should give -04, -04, -05, -05 with luxon Settings.now at ${now}`, () => {
      Settings.now = () => Date.parse(now)
      const { times } = run(['Nov  3 01:10:00', 'Nov  3 01:50:00', 'Nov  3 01:05:00', 'Nov  3 01:40:00'], {
        zone: 'America/New_York',
        year: 2024,
        now: LATER,
      })
      expect(times.map((t) => t.offsetMinutes)).toEqual([-240, -240, -300, -300])
      expect(times.every((t) => t.flags.includes('dstOverlap'))).toBe(true)
      const ms = times.map((t) => t.epochMs)
      expect([...ms].sort((a, b) => a - b)).toEqual(ms)
    })
  }
})

describe('case 19: overlap earlier/later, and a fixed offset', () => {
  it('should give -04 for earlier and -05 for later at 01:30', () => {
    const opts = { zone: 'America/New_York', year: 2024, now: LATER } as const
    expect(run(['Nov  3 01:30:00'], { ...opts, overlap: 'earlier' }).times[0]!.iso).toBe(
      '2024-11-03T01:30:00-04:00',
    )
    expect(run(['Nov  3 01:30:00'], { ...opts, overlap: 'later' }).times[0]!.iso).toBe(
      '2024-11-03T01:30:00-05:00',
    )
    expect(run(['Nov  3 01:30:00'], { ...opts, overlap: 'reject' }).times[0]).toMatchObject({
      reason: 'dstOverlap',
    })
  })
  it('should raise no DST flag in a fixed UTC-5 zone', () => {
    const opts = { zone: 'UTC-5', year: 2024, now: LATER } as const
    const times = [run(['Mar 10 02:30:00'], opts).times[0]!, run(['Nov  3 01:30:00'], opts).times[0]!]
    expect(isos(times)).toEqual(['2024-03-10T02:30:00-05:00', '2024-11-03T01:30:00-05:00'])
    expect(times.map((t) => t.flags)).toEqual([[], []])
  })
})

describe('case 20: fractions', () => {
  const cases: [string, number, string][] = [
    ['Mar  1 12:00:01.1', 0, '2025-03-01T12:00:01.1+00:00'],
    ['Mar  1 12:00:01.123', 0, '2025-03-01T12:00:01.123+00:00'],
    ['Mar  1 12:00:01,123', 0, '2025-03-01T12:00:01.123+00:00'],
    ['Mar  1 12:00:01.123456', 456000, '2025-03-01T12:00:01.123456+00:00'],
    ['Mar  1 12:00:01.123456789', 456789, '2025-03-01T12:00:01.123456789+00:00'],
  ]
  it('should cut sub-millisecond nanoseconds and keep the fraction as written', () => {
    const { times } = run(
      cases.map((c) => c[0]),
      { zone: 'UTC', year: 2025, now: LATER },
    )
    expect(times.map((t) => t.subMsNanos)).toEqual(cases.map((c) => c[1]))
    expect(isos(times)).toEqual(cases.map((c) => c[2]))
    expect(times[0]!.epochMs - Date.parse('2025-03-01T12:00:01Z')).toBe(100)
  })
  it('should sort by instant, then nanoseconds, keeping input order for equal times', () => {
    const lines = [
      'Mar  1 12:00:01.123456789',
      'Mar  1 12:00:01.123456',
      'Mar  1 12:00:01,123',
      'Mar  1 12:00:01.123',
      'Mar  1 12:00:01.1',
    ]
    const { times } = run(lines, { zone: 'UTC', year: 2025, now: LATER })
    const sorted = times.map((t, i) => ({ t, i })).sort((a, b) => compareResolved(a.t, b.t))
    expect(sorted.map((x) => x.i)).toEqual([4, 2, 3, 1, 0])
  })
})

describe('case 21: stamp layouts and weekdays', () => {
  it('should parse every layout to the same date', () => {
    for (const s of [
      'Dec  5 09:28:42',
      'Dec 05 09:28:42',
      'Dec 5 09:28:42',
      '<34>Dec  5 09:28:42',
      'Dec  5 2024 09:28:42',
      'Thu Dec  5 09:28:42',
      'Thu Dec  5 09:28:42 2024',
    ]) {
      const scan = parseSyslogStamp(s)
      expect(scan?.parts, s).toMatchObject({ month: 12, day: 5, hour: 9, minute: 28, second: 42 })
    }
    expect(parseSyslogStamp('Thu Dec  5 09:28:42')?.parts.weekday).toBe(4)
  })
  it('should choose the year the weekday fits', () => {
    // Dec 5 is a Friday in 2025 and a Thursday in 2024.
    const { times } = run(['Thu Dec  5 09:28:42'], { zone: 'UTC', now: '2026-06-01T00:00:00Z' })
    expect(times[0]).toMatchObject({ year: 2024, flags: [] })
  })
  it('should report a wrong weekday as a conflict', () => {
    const pinned = run(['Fri Dec  5 09:28:42'], { zone: 'UTC', year: 2024, now: LATER }).times[0]!
    expect(pinned).toMatchObject({ year: 2024, confidence: 'low', iso: '2024-12-05T09:28:42+00:00' })
    expect(pinned.flags).toContain('conflict')
    expect(pinned.alternatives).toEqual([2014, 2025])
    const explicit = run(['Fri Dec  5 09:28:42 2024'], { zone: 'UTC', now: LATER }).times[0]!
    expect(explicit.flags).toContain('conflict')
  })
})

describe('case 22: Zimbra mailbox.log (Europe/Berlin) and zimbra.log (UTC)', () => {
  it('should fix the base year from a matched reference event', () => {
    // mailbox.log: `2025-01-01 00:30:00,123 INFO [LmtpServer-1] … lmtp - Delivering message: … msgid=<x@y>`
    const record = parseSyslogStamp('2025-01-01 00:30:00,123')!.parts
    expect(record.year).toBe(2025)
    // The same message in zimbra.log (UTC, year-less): `Dec 31 23:30:00 mail postfix/lmtp[1]: …`
    const recordMs = Date.parse('2024-12-31T23:30:00.123Z') // 00:30:00,123 in Berlin (UTC+1)
    const anchor = referenceAnchor(stamp('Dec 31 23:30:00'), recordMs, 'UTC')
    expect(anchor).toMatchObject({ kind: 'reference', bound: 'exact', year: 2024 })
    const lines = ['Dec 31 22:00:00', 'Dec 31 23:30:00', 'Jan  1 00:10:00'].map((s) => ({
      stamp: s,
      source: 'zimbra.log',
    }))
    // Without the anchor, a reading in 2026 with no file evidence guesses 2025/2026.
    expect(years(run(lines, { zone: 'UTC', now: '2026-06-01T00:00:00Z' }).times)).toEqual([2025, 2025, 2026])
    const { times } = run(
      lines,
      { zone: 'UTC', now: '2026-06-01T00:00:00Z' },
      { 'zimbra.log': { anchors: [anchor] } },
    )
    expect(years(times)).toEqual([2024, 2024, 2025])
    expect(times.every((t) => t.yearSource === 'reference' && t.confidence === 'high')).toBe(true)
  })
})

describe('case 23: impossible stamps and leap seconds', () => {
  it('should return null for impossible dates and unknown months', () => {
    for (const s of [
      'Feb 30 10:00:00',
      'Jun 31 10:00:00',
      'Mar  1 24:00:00',
      'Foo  1 10:00:00',
      'Mar  1 10:60:00',
    ]) {
      expect(parseSyslogStamp(s), s).toBeNull()
    }
  })
  it('should clamp 23:59:60 to :59 by default, or reject it by option', () => {
    const clamped = run(['Dec 31 23:59:60'], { zone: 'UTC', year: 2016, now: LATER }).times[0]!
    expect(clamped).toMatchObject({ iso: '2016-12-31T23:59:59+00:00', flags: ['leapSecond'] })
    const rejected = run(['Dec 31 23:59:60'], { zone: 'UTC', year: 2016, now: LATER, leapSecond: 'reject' })
      .times[0]!
    expect(rejected).toMatchObject({ iso: undefined, reason: 'leapSecond' })
  })
})

describe('case 24: no dependence on the host zone, luxon Settings or chunking', () => {
  it('should give the same output whatever luxon Settings.now and defaultZone say', () => {
    const lines = [...NEW_YEAR.map((l) => l.stamp), 'Nov  3 01:30:00']
    const base = run(lines, { zone: 'America/New_York', now: '2025-01-02T10:00:00Z' }).times
    const savedNow = Settings.now
    const savedZone = Settings.defaultZone
    try {
      Settings.now = () => Date.parse('2031-07-04T00:00:00Z')
      Settings.defaultZone = 'Asia/Tokyo'
      expect(run(lines, { zone: 'America/New_York', now: '2025-01-02T10:00:00Z' }).times).toEqual(base)
    } finally {
      Settings.now = savedNow
      Settings.defaultZone = savedZone
    }
  })
  // Host TZ and chunking are fast-check properties in properties.test.ts.
})
