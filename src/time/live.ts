/**
 * Live resolution: one line at a time, received now. The year is the latest one that does not
 * put the line more than `maxFutureSkewMs` after `now` — which covers New Year in both
 * directions (a `Jan  1 00:00:05` line received at `Dec 31 23:59:58` is next year, flagged
 * `future`; a `Dec 31 23:59:59` line received on Jan 1 is last year) and works in the stamp's
 * zone, not UTC. A line that would lie only a little further ahead (by at most
 * `futureWindowMs`) most likely comes from a clock running fast: it keeps the previous year
 * at `low` confidence with the next year as the alternative, or is rejected with
 * `onFuture: 'reject'`. For files, use the timeline: it sees the whole stream.
 *
 * @module
 */

import type { StampParts } from '../envelope/stamp.js'
import { DAY_SEC, isLeapYear, nearestWeekdayYears, weekdayOf } from './calendar.js'
import { checkInstant, checkPolicy, checkZone, type TimeOptions } from './options.js'
import { buildResolved, FLAG, invalidTime, type ResolvedTime } from './resolved.js'
import { resolveWall, resolveWithOffset, subMsNanos, wallResult } from './wall-time.js'
import { sharedZoneResolver } from './zone.js'

/** Options of {@link resolveYearLive}. */
export interface LiveOptions extends Omit<TimeOptions, 'year' | 'referenceDate' | 'anchors'> {
  /** The time the line was received (Date, ISO text or epoch ms). Required: taken per call. */
  readonly now: Date | string | number
  /** How far after `now` a line may lie (ms; default 1 day). */
  readonly maxFutureSkewMs?: number
  /** Lines up to this far beyond the skew are taken as a fast clock (ms; default 30 days). */
  readonly futureWindowMs?: number
  /** A fast-clock line: keep the previous year at low confidence (default), or reject it. */
  readonly onFuture?: 'previousYear' | 'reject'
}

/**
 * Resolves one line received at `now`.
 *
 * @example
 * resolveYearLive(parseSyslogStamp('Jan  1 00:00:05')!.parts, { zone: 'UTC', now: '2024-12-31T23:59:58Z' })
 * //=> { iso: '2025-01-01T00:00:05+00:00', year: 2025, flags: ['future'], yearSource: 'now', … }
 * resolveYearLive(parseSyslogStamp('Oct  5 10:00:00')!.parts, { zone: 'UTC', now: '2023-03-08T12:00:00Z' }).year
 * //=> 2022
 */
export function resolveYearLive(parts: StampParts, options: LiveOptions): ResolvedTime {
  const { zone, zoneSource } = checkZone(options.zone)
  const now = checkInstant('now', options.now, zone)
  const policy = checkPolicy(options, 'earlier')
  const skew = options.maxFutureSkewMs ?? DAY_SEC * 1000
  const window = options.futureWindowMs ?? 30 * DAY_SEC * 1000
  const zr = sharedZoneResolver(zone)
  if (!parts.valid) return invalidTime(parts.text, zr.name, zoneSource)
  const out = wallResult()
  const sub = subMsNanos(parts.fraction)
  if (parts.year !== undefined) {
    const explicitZone = parts.offsetMinutes === undefined
    if (explicitZone) resolveWall(zr, parts, parts.year, policy, Number.NEGATIVE_INFINITY, out)
    else resolveWithOffset(parts, out)
    let bits = out.bits | (out.epochMs > now ? FLAG.future : 0)
    if (parts.weekday !== undefined && weekdayOf(parts.year, parts.month, parts.day) !== parts.weekday) {
      bits |= FLAG.conflict
    }
    return buildResolved(
      parts.text,
      out,
      sub,
      parts.year,
      explicitZone ? zr.name : '',
      explicitZone ? zoneSource : 'stamp',
      'explicit',
      (bits & FLAG.conflict) !== 0 ? 'low' : 'certain',
      bits,
      undefined,
    )
  }
  const feb29 = parts.month === 2 && parts.day === 29
  const nowYear = zr.wallClock(now).year
  const fits = (y: number): boolean => !feb29 || isLeapYear(y)
  let year = nowYear + 1
  let next: number | undefined
  let nextEpoch = Number.NaN
  for (; year > nowYear - 9; year--) {
    if (!fits(year)) continue
    resolveWall(zr, parts, year, policy, Number.NEGATIVE_INFINITY, out)
    // A rejected gap/overlap has no instant: compare by the wall time read as the zone's standard offset.
    const t =
      out.iso === undefined
        ? zr.minute(year, parts.month, parts.day, parts.hour, parts.minute).startMs
        : out.epochMs
    if (t <= now + skew) break
    next = year
    nextEpoch = t
  }
  // Redo the chosen year's wall time (the loop may have left another year's result in `out`).
  resolveWall(zr, parts, year, policy, Number.NEGATIVE_INFINITY, out)
  let bits = out.bits
  let confidence: 'high' | 'low' = 'high'
  let alternatives: readonly number[] | undefined
  if (out.iso !== undefined && out.epochMs > now) bits |= FLAG.future
  if (next !== undefined && nextEpoch <= now + skew + window) {
    if (options.onFuture === 'reject') {
      bits |= FLAG.future
      return buildResolved(
        parts.text,
        { epochMs: Number.NaN, iso: undefined, offsetMinutes: undefined, reason: 'future' },
        0,
        next,
        zr.name,
        zoneSource,
        'now',
        'low',
        bits,
        [year],
      )
    }
    confidence = 'low'
    alternatives = [next]
  }
  if (parts.weekday !== undefined && weekdayOf(year, parts.month, parts.day) !== parts.weekday) {
    bits |= FLAG.conflict
    confidence = 'low'
    alternatives = nearestWeekdayYears(year, parts.month, parts.day, parts.weekday)
  }
  return buildResolved(parts.text, out, sub, year, zr.name, zoneSource, 'now', confidence, bits, alternatives)
}
