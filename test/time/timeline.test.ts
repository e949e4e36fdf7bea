import { describe, expect, it } from 'vitest'
import { mtimeAnchor } from '../../src/time/anchors.js'
import type { ResolvedTime } from '../../src/time/resolved.js'
import { createTimeline } from '../../src/time/timeline.js'
import { isos, run, stamp, years } from './helpers.js'

const LATER = '2030-01-01T00:00:00Z'

describe('createTimeline', () => {
  it('should emit every line in input order, across streams, with lines without stamps in place', () => {
    const got: [string, ResolvedTime | undefined][] = []
    const tl = createTimeline<string>({ zone: 'UTC', now: '2025-01-05T00:00:00Z' }, (t, p) =>
      got.push([p, t]),
    )
    tl.push({ host: 'a' }, stamp('Dec 31 23:00:00'), 'a1')
    tl.push({ host: 'b' }, stamp('Dec 31 22:00:00'), 'b1')
    tl.push({ host: 'a' }, undefined, 'no stamp')
    tl.push({ host: 'a' }, stamp('Jan  1 00:10:00'), 'a2')
    tl.push({ host: 'b' }, stamp('Jan  1 00:20:00'), 'b2')
    expect(got).toEqual([])
    expect(tl.held).toBe(5)
    tl.end()
    expect(got.map((g) => g[0])).toEqual(['a1', 'b1', 'no stamp', 'a2', 'b2'])
    expect(got[2]![1]).toBeUndefined()
    expect(got.map((g) => g[1]?.year)).toEqual([2024, 2024, undefined, 2025, 2025])
  })
  it('should emit at once when the year is pinned and nothing is pending', () => {
    const got: string[] = []
    const tl = createTimeline<string>({ zone: 'UTC', year: 2025, now: LATER }, (_t, p) => got.push(p))
    tl.push({ host: 'a' }, stamp('Mar  1 10:00:00'), 'x')
    expect(got).toEqual(['x'])
    // A candidate rollover is held until it is confirmed or refuted …
    tl.push({ host: 'a' }, stamp('Jan 10 10:00:00'), 'y')
    tl.push({ host: 'b' }, stamp('Mar  1 10:00:01'), 'z')
    expect(got).toEqual(['x'])
    tl.push({ host: 'a' }, stamp('Mar  1 10:00:02'), 'w')
    expect(got).toEqual(['x', 'y', 'z', 'w'])
  })
  it('should settle the head stream when more than maxHold lines are held', () => {
    const got: (number | undefined)[] = []
    const tl = createTimeline<number>({ zone: 'UTC', now: '2025-06-01T00:00:00Z', maxHold: 2 }, (t) =>
      got.push(t?.year),
    )
    tl.push({ host: 'a' }, stamp('May  1 10:00:00'), 0)
    tl.push({ host: 'a' }, stamp('May  2 10:00:00'), 1)
    expect(got).toEqual([])
    tl.push({ host: 'a' }, stamp('May  3 10:00:00'), 2)
    expect(got).toEqual([2025, 2025, 2025])
    expect(tl.held).toBe(0)
  })
  it('should flag later evidence against a forced base year as a conflict', () => {
    const { times } = run(['Feb 27 10:00:00', 'Feb 28 10:00:00', 'Feb 29 10:00:00'], {
      zone: 'UTC',
      now: '2025-03-05T00:00:00Z',
      maxHold: 0,
    })
    expect(years(times)).toEqual([2025, 2025, 2025])
    expect(times[2]).toMatchObject({ iso: undefined, reason: 'conflict', alternatives: [2024, 2028] })
  })
  it('should settle a source at endSource, before the input ends', () => {
    const got: string[] = []
    const tl = createTimeline<string>({ zone: 'UTC', now: '2025-06-01T00:00:00Z' }, (t) => got.push(t!.iso!))
    tl.push({ host: 'a', source: 'f1' }, stamp('May  1 10:00:00'), '')
    expect(got).toEqual([])
    tl.endSource('f1')
    expect(got).toEqual(['2025-05-01T10:00:00+00:00'])
  })
  it('should use a source zone and source anchors', () => {
    const { times } = run(
      [
        { stamp: 'Jul  1 10:00:00', source: 'mailbox.log' },
        { stamp: 'Jul  1 10:00:00', source: 'zimbra.log' },
      ],
      { zone: 'UTC', now: LATER },
      {
        'mailbox.log': { zone: 'Europe/Berlin', anchors: [mtimeAnchor(Date.parse('2021-07-02T00:00:00Z'))] },
      },
    )
    expect(isos(times)).toEqual(['2021-07-01T10:00:00+02:00', '2029-07-01T10:00:00+00:00'])
    expect(times.map((t) => [t.zone, t.zoneSource, t.yearSource])).toEqual([
      ['Europe/Berlin', 'option', 'mtime'],
      ['UTC', 'option', 'now'],
    ])
  })
  it('should refuse source information after the source has lines', () => {
    const tl = createTimeline({ zone: 'UTC', now: LATER }, () => {})
    tl.push({ host: 'a', source: 'f' }, stamp('May  1 10:00:00'), undefined)
    expect(() => tl.source('f', {})).toThrow(/^source:/)
  })
  it('should report the system zone as assumed', () => {
    const tl = createTimeline({ now: LATER }, () => {})
    expect(tl.zoneSource).toBe('assumed')
  })
  it('should emit invalid stamps unresolved, in place', () => {
    const got: ResolvedTime[] = []
    const tl = createTimeline<number>({ zone: 'UTC', year: 2025, now: LATER }, (t) => got.push(t!))
    const bad = { ...stamp('Mar  1 10:00:00'), text: 'Feb 30 10:00:00', month: 2, day: 30, valid: false }
    tl.push({ host: 'a' }, bad, 0)
    expect(got[0]).toMatchObject({
      iso: undefined,
      reason: 'invalid',
      yearSource: 'none',
      stamp: 'Feb 30 10:00:00',
    })
  })
  it('should pin the base year from an RFC 3339 line and resolve held lines with it', () => {
    const { times } = run(
      ['Dec 31 23:00:00', 'Jan  1 00:30:00', '2020-01-01T00:40:00+01:00', 'Jan  1 00:50:00'],
      {
        zone: 'UTC',
        now: LATER,
      },
    )
    expect(years(times)).toEqual([2019, 2020, 2020, 2020])
    expect(times.map((t) => t.yearSource)).toEqual(['stream', 'stream', 'explicit', 'stream'])
    expect(times[2]).toMatchObject({
      iso: '2020-01-01T00:40:00+01:00',
      zone: '',
      zoneSource: 'stamp',
      confidence: 'certain',
    })
  })
  it('should not pin the base year from a late line that carries its year', () => {
    const { times } = run(['Jun 10 10:00:00', 'Jun 20 10:00:00', '2024-06-01T10:00:00Z', 'Jun 21 10:00:00'], {
      zone: 'UTC',
      now: '2025-07-01T00:00:00Z',
    })
    expect(years(times)).toEqual([2025, 2025, 2024, 2025])
    expect(times.map((t) => t.yearSource)).toEqual(['now', 'now', 'explicit', 'now'])
    expect(times[2]!.flags).toEqual(['outOfOrder'])
  })
  it('should not let a year-bearing line from a reset clock move the stream', () => {
    const { times } = run(
      [
        '2024-12-31T10:00:00Z',
        'Dec 31 11:00:00',
        '2036-02-07T06:28:16Z',
        'Dec 31 12:00:00',
        '2025-01-01T00:10:00Z',
        'Jan  1 00:20:00',
      ],
      { zone: 'UTC', now: LATER },
    )
    expect(times.map((t) => t.year)).toEqual([2024, 2024, 2036, 2024, 2025, 2025])
  })
  it('should flag an explicit year that disagrees with the year option', () => {
    const { times } = run(['Mar  1 10:00:00', '2023-03-01T10:00:01Z'], {
      zone: 'UTC',
      year: 2025,
      now: LATER,
    })
    expect(times[1]).toMatchObject({ year: 2023, alternatives: [2025], confidence: 'low' })
    expect(times[1]!.flags).toContain('conflict')
  })
  it('should flag lines after the end bound as future', () => {
    const { times } = run(['May 31 23:00:00', 'Jun  1 00:30:00'], {
      zone: 'UTC',
      now: '2025-06-01T00:00:00Z',
    })
    expect(years(times)).toEqual([2025, 2025])
    expect(times.map((t) => t.flags)).toEqual([[], ['future']])
  })
  it('should throw for bad options, naming them', () => {
    expect(() => createTimeline({ zone: 'Mars/Olympus' }, () => {})).toThrow(/^zone:/)
    expect(() => createTimeline({ year: 0 }, () => {})).toThrow(/^year:/)
    expect(() => createTimeline({ now: 'soon' }, () => {})).toThrow(/^now:/)
    expect(() => createTimeline({ referenceDate: 'yesterday' }, () => {})).toThrow(/^referenceDate:/)
    expect(() => createTimeline({ confirm: -1 }, () => {})).toThrow(/^confirm:/)
    expect(() => createTimeline({ overlap: 'first' as never }, () => {})).toThrow(/^overlap:/)
    expect(() => createTimeline({ gap: 'skip' as never }, () => {})).toThrow(/^gap:/)
  })
  it('should let the reference date beat file anchors', () => {
    const { times } = run(['Dec 30 10:00:00'], {
      zone: 'UTC',
      now: LATER,
      referenceDate: '2022-01-01',
      anchors: [mtimeAnchor(Date.parse('2025-01-01T00:00:00Z'))],
    })
    expect(times[0]).toMatchObject({ year: 2021, yearSource: 'referenceDate', confidence: 'high' })
  })
})
