/**
 * The line-at-a-time clock behind `createParser`: resolves each stamp at once, holding nothing.
 *
 * Year-less stamps get their year per host: the first line takes the `year` option, or the
 * latest year that does not put it after the strongest end bound (reference date, then file
 * anchors such as a rotated name or mtime, then now) by more than a day — a `Feb 29` or a
 * weekday on that first line must fit too. Afterwards a step back of more than 7 days *and*
 * more than half a year is a new year (`Dec` → `Jan`); smaller steps back are late lines, and a
 * line from just before New Year after the new year began is jitter from the year before.
 * A jump forward is always taken (it cannot be confirmed without holding lines).
 * (The streaming timeline, which may hold lines, confirms rollovers and weighs a whole
 * stream's evidence; this clock cannot, and is kept for synchronous callers.)
 * Zone offsets come from the per-minute cache of `zone.ts`; DST gaps and overlaps follow the
 * `gap`/`overlap` options (default `forward`/`monotonic`), never luxon's default choice.
 * Reads the clock only when neither `year` nor `referenceDate` is given, once, at creation.
 *
 * @module
 */

import type { StampParts } from '../envelope/stamp.js'
import { type Anchor, strongestEndBound } from './anchors.js'
import { DAY_SEC, isLeapYear, position, weekdayOf, YEAR_SEC } from './calendar.js'
import { checkInstant, checkPolicy, checkYear, checkZone, type TimeOptions } from './options.js'
import {
  buildResolved,
  type Confidence,
  FLAG,
  invalidTime,
  type ResolvedTime,
  type YearSource,
} from './resolved.js'
import { resolveWall, resolveWithOffset, subMsNanos, wallResult } from './wall-time.js'
import { createZoneResolver, sharedZoneResolver } from './zone.js'

export { systemZone } from './zone.js'

/** How to resolve stamps that carry no year or no offset. */
export interface ClockOptions extends TimeOptions {}

/** Turns stamp parts into ISO 8601 text; keeps per-host year state. */
export interface Clock {
  /** The zone in use (IANA name, `UTC` or `UTC±h`). */
  readonly zone: string
  /** ISO 8601 with offset, or `undefined` when the stamp cannot be resolved. */
  resolve(host: string, parts: StampParts): string | undefined
  /** The same, with provenance (year source, confidence, flags). */
  resolveTime(host: string, parts: StampParts): ResolvedTime
}

interface HostYear {
  year: number
  high: number
  maxEpoch: number
  source: YearSource
}

const BACK_STEP_SEC = 7 * DAY_SEC

/**
 * Creates a clock. Throws for an unknown zone, a bad year or an unparsable reference date
 * (caller errors, named in the message).
 *
 * @example
 * const clock = createClock({ year: 2024, zone: 'Europe/Paris' })
 * clock.resolve('mx1', scanBsdStamp('Dec 31 23:59:59', 0)!.parts) //=> '2024-12-31T23:59:59+01:00'
 * clock.resolve('mx1', scanBsdStamp('Jan  1 00:00:01', 0)!.parts) //=> '2025-01-01T00:00:01+01:00'
 */
export function createClock(options: ClockOptions = {}): Clock {
  const { zone, zoneSource } = checkZone(options.zone)
  const zr = createZoneResolver(zone)
  const fixedYear = checkYear(options.year)
  const policy = checkPolicy(options, 'monotonic')
  const anchors: Anchor[] = [...(options.anchors ?? [])]
  if (options.referenceDate !== undefined) {
    const epochMs = checkInstant('referenceDate', options.referenceDate, zr.name)
    anchors.push({ kind: 'referenceDate', bound: 'notAfter', epochMs })
  }
  if (fixedYear === undefined && strongestEndBound(anchors) === undefined) {
    anchors.push({ kind: 'now', bound: 'notAfter', epochMs: Date.now() })
  }
  const end = strongestEndBound(anchors)
  const endWall = end === undefined ? undefined : zr.wallClock(end.epochMs!)
  // An anchor's kind names the year source it gives.
  const endSource: YearSource = end === undefined ? 'year' : end.kind
  const hosts = new Map<string, HostYear>()
  const out = wallResult()
  const stamped = wallResult()
  let bits = 0
  // `out` still holds the result for this stamp text and year (a plain minute: no DST, no leap second).
  let lastText = ''
  let lastYear = 0

  /** The latest year putting the first line of a host before the end bound (plus a day). */
  function firstYear(parts: StampParts, pos: number): number {
    const limit = endWall!.year * YEAR_SEC + endWall!.position + DAY_SEC
    let y = Math.floor((limit - pos) / YEAR_SEC)
    for (let k = 0; k < 40; k++, y--) {
      if (parts.month === 2 && parts.day === 29 && !isLeapYear(y)) continue
      if (parts.weekday !== undefined && weekdayOf(y, parts.month, parts.day) !== parts.weekday) continue
      return y
    }
    return Math.floor((limit - pos) / YEAR_SEC)
  }

  function hostYear(host: string, parts: StampParts): HostYear {
    const pos = position(parts.month, parts.day, parts.hour, parts.minute, parts.second)
    let st = hosts.get(host)
    if (parts.year !== undefined) {
      if (st) {
        st.year = parts.year
        st.high = pos
      } else {
        st = { year: parts.year, high: pos, maxEpoch: Number.NEGATIVE_INFINITY, source: 'stream' }
        hosts.set(host, st)
      }
      return st
    }
    if (!st) {
      const year = fixedYear ?? firstYear(parts, pos)
      st = {
        year,
        high: pos,
        maxEpoch: Number.NEGATIVE_INFINITY,
        source: fixedYear === undefined ? endSource : 'year',
      }
      hosts.set(host, st)
    } else if (pos < st.high - BACK_STEP_SEC) {
      if (st.high - pos > YEAR_SEC / 2) {
        st.year++
        st.high = pos
        bits |= FLAG.rollover
      } else bits |= FLAG.outOfOrder
    } else if (pos > st.high) {
      // Just before New Year once the new year began (jitter): the year before, for this line only.
      if (YEAR_SEC - (pos - st.high) <= BACK_STEP_SEC) return { ...st, year: st.year - 1 }
      st.high = pos
    }
    return st
  }

  /** Resolves into `out` (or `stamped` for stamps with an offset); returns the year used. */
  function run(host: string, parts: StampParts): number {
    bits = 0
    const st = hostYear(host, parts)
    const y = parts.year ?? st.year
    if (parts.offsetMinutes !== undefined) {
      resolveWithOffset(parts, stamped)
      return y
    }
    if (parts.text === lastText && y === lastYear) {
      if (out.epochMs > st.maxEpoch) st.maxEpoch = out.epochMs
      return y
    }
    lastText = ''
    if (parts.month === 2 && parts.day === 29 && !isLeapYear(y)) {
      out.iso = undefined
      out.epochMs = Number.NaN
      out.reason = 'conflict'
      bits |= FLAG.conflict
      return y
    }
    resolveWall(zr, parts, y, policy, st.maxEpoch, out)
    if (out.iso !== undefined && out.epochMs > st.maxEpoch) st.maxEpoch = out.epochMs
    if (out.bits === 0) {
      lastText = parts.text
      lastYear = y
    }
    return y
  }

  return {
    zone: zr.name,
    resolve(host, parts) {
      if (!parts.valid) return undefined
      run(host, parts)
      return parts.offsetMinutes === undefined ? out.iso : stamped.iso
    },
    resolveTime(host, parts) {
      if (!parts.valid) return invalidTime(parts.text, zr.name, zoneSource)
      const y = run(host, parts)
      const st = hosts.get(host)!
      const r = parts.offsetMinutes === undefined ? out : stamped
      let b = bits | r.bits
      if (parts.weekday !== undefined && weekdayOf(y, parts.month, parts.day) !== parts.weekday)
        b |= FLAG.conflict
      if (end !== undefined && r.iso !== undefined && r.epochMs > end.epochMs!) b |= FLAG.future
      const explicit = parts.year !== undefined
      const hasOffset = parts.offsetMinutes !== undefined
      const base: Confidence = explicit ? 'certain' : st.source === 'now' ? 'low' : 'high'
      const confidence: Confidence =
        (b & FLAG.conflict) !== 0 || (!explicit && (b & (FLAG.outOfOrder | FLAG.future)) !== 0) ? 'low' : base
      return buildResolved(
        parts.text,
        r,
        subMsNanos(parts.fraction),
        y,
        hasOffset ? '' : zr.name,
        hasOffset ? 'stamp' : zoneSource,
        explicit ? 'explicit' : st.source,
        confidence,
        b,
        undefined,
      )
    },
  }
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n))

/**
 * Resolves stamps that carry their year but no offset (log4j: `2024-03-04 10:15:02,481`) in
 * `zone`. Unlike {@link Clock.resolve} it keeps no per-host year state: the year is written.
 * Local times a DST change repeats take the earlier offset; times it skips, the offset before
 * the change.
 *
 * @example
 * const resolve = createYearResolver('Europe/Paris')
 * resolve(scanIsoStamp('2024-03-04 10:15:02,481', 0, 32)!.parts) //=> '2024-03-04T10:15:02.481+01:00'
 */
export function createYearResolver(zone: string): (parts: StampParts) => string | undefined {
  const zr = sharedZoneResolver(zone)
  return (parts) => {
    const y = parts.year
    if (!parts.valid || y === undefined) return undefined
    if (parts.offset !== undefined) return parts.text
    const off = zr.minute(y, parts.month, parts.day, parts.hour, parts.minute).offsetText
    return (
      String(y).padStart(4, '0') +
      '-' +
      pad2(parts.month) +
      '-' +
      pad2(parts.day) +
      'T' +
      pad2(parts.hour) +
      ':' +
      pad2(parts.minute) +
      ':' +
      pad2(parts.second) +
      parts.fraction +
      off
    )
  }
}
