/**
 * One stream (one host of one source) of the year inferrer: its rollover tracker, the evidence
 * it collects (Feb 29, weekdays, year-bearing lines, reference anchors), its base year once
 * settled, and the resolution of its lines into {@link ResolvedTime}s. The queue, emission
 * order and holding limits are `inferrer.ts`'s job.
 *
 * @module
 */

import type { StampParts } from '../envelope/stamp.js'
import { type Anchor, anchorPosition, latestStartBound, strongestEndBound } from './anchors.js'
import { isLeapYear, nearestLeapYears, nearestWeekdayYears, weekdayOf } from './calendar.js'
import {
  buildResolved,
  type Confidence,
  FLAG,
  type ResolvedTime,
  type YearSource,
  type ZoneSource,
} from './resolved.js'
import { createRolloverTracker, type RolloverTracker, type Tracked } from './rollover.js'
import { solveBaseYear, type WeekdayEvidence } from './solve.js'
import {
  resolveWall,
  resolveWithOffset,
  subMsNanos,
  type WallPolicy,
  type WallResult,
  wallResult,
} from './wall-time.js'
import type { ZoneResolver } from './zone.js'

/** Settings every stream of an inferrer shares. */
export interface StreamSettings {
  readonly policy: WallPolicy
  readonly backStepSec: number
  readonly confirm: number
  readonly skewSec: number
  /** The `year` option. */
  readonly year: number | undefined
}

/** A line in the queue. */
export interface Entry<T> extends Tracked {
  readonly payload: T
  readonly parts: StampParts | undefined
  readonly stream: Stream<T> | undefined
  time: ResolvedTime | undefined
  done: boolean
  alt: readonly number[] | undefined
}

/** One stream's state. */
export interface Stream<T> {
  readonly settings: StreamSettings
  /** Reused by every resolution of this stream. */
  readonly scratch: WallResult
  readonly source: string | undefined
  readonly host: string
  readonly zr: ZoneResolver
  readonly zoneSource: ZoneSource
  readonly tracker: RolloverTracker<Entry<T>>
  /** The strongest end bound (at least `now`). */
  readonly end: Anchor
  /** The latest start bound, if any. */
  readonly start: Anchor | undefined
  /** Exact (reference) anchors. */
  readonly refs: readonly Anchor[]
  /** The base year (of relative year 0), once settled. */
  base: number | undefined
  /** The base came from a year-bearing line: such lines then go by their year. */
  baseExplicit: boolean
  yearSource: YearSource
  confidence: Confidence
  /** The next-latest base year the evidence allowed (for `alternatives`). */
  altBase: number | undefined
  readonly altCache: Map<number, readonly number[]>
  /** Flags every year-less line of the stream carries (`leapConstrained`). */
  streamBits: number
  /** Relative years holding a `Feb 29` line. */
  readonly leapKs: number[]
  readonly weekdays: WeekdayEvidence[]
  readonly weekdayKeys: Set<number>
  /** Lines whose relative year is known, waiting for the base year. */
  waiting: Entry<T>[]
  /** Latest instant resolved (for the `monotonic` overlap policy). */
  maxEpoch: number
  lines: number
  conflicts: number
  /**
   * The stamp parts of the stream's last line when that line was plain (in order, at the
   * stream's latest position in the current year, no flags of its own), with its resolved
   * time: a next line with the very same parts object (stamp scanners reuse it for a repeated
   * stamp) resolves to the same time.
   */
  lastParts: StampParts | undefined
  lastTime: ResolvedTime | undefined
}

const LOWERING = FLAG.outOfOrder | FLAG.conflict | FLAG.future

/**
 * Creates a stream. `anchors` are the ones that apply to it (global and its source's, for its
 * host); `ends` adds the reference date and now, of which the strongest bounds the stream.
 */
export function createStream<T>(
  settings: StreamSettings,
  source: string | undefined,
  host: string,
  zr: ZoneResolver,
  zoneSource: ZoneSource,
  anchors: readonly Anchor[],
  ends: readonly Anchor[],
): Stream<T> {
  const s: Stream<T> = {
    settings,
    scratch: wallResult(),
    source,
    host,
    zr,
    zoneSource,
    tracker: createRolloverTracker<Entry<T>>(settings.backStepSec, settings.confirm, (e) => assigned(s, e)),
    end: strongestEndBound(ends)!,
    start: latestStartBound(anchors),
    refs: anchors.filter((a) => a.bound === 'exact' && a.year !== undefined),
    base: undefined,
    baseExplicit: false,
    yearSource: 'none',
    confidence: 'low',
    altBase: undefined,
    altCache: new Map(),
    streamBits: 0,
    leapKs: [],
    weekdays: [],
    weekdayKeys: new Set(),
    waiting: [],
    maxEpoch: Number.NEGATIVE_INFINITY,
    lines: 0,
    conflicts: 0,
    lastParts: undefined,
    lastTime: undefined,
  }
  if (settings.year !== undefined) {
    s.base = settings.year
    s.yearSource = 'year'
    s.confidence = 'high'
  } else {
    const whole = s.refs.find((a) => a.at === undefined)
    if (whole) {
      s.base = whole.year
      s.yearSource = 'reference'
      s.confidence = 'high'
    }
  }
  return s
}

/** Feeds a line to its stream: a year-bearing line in a stream pinned by such lines goes by its year. */
export function pushLine<T>(s: Stream<T>, e: Entry<T>, parts: StampParts): void {
  s.lines++
  if (parts.year !== undefined && s.baseExplicit) s.tracker.pushAt(e, parts.year - s.base!)
  else s.tracker.push(e)
}

function pin<T>(
  s: Stream<T>,
  base: number,
  source: YearSource,
  explicit: boolean,
  confidence: Confidence,
): void {
  s.base = base
  s.yearSource = source
  s.confidence = confidence
  s.baseExplicit = explicit
  const waiting = s.waiting
  s.waiting = []
  for (const e of waiting) resolve(s, e)
}

/** Called by the tracker, in stream order, once a line's relative year is known. */
function assigned<T>(s: Stream<T>, e: Entry<T>): void {
  const p = e.parts!
  if (p.year === undefined) {
    if (p.month === 2 && p.day === 29 && !s.leapKs.includes(e.k)) s.leapKs.push(e.k)
    if (p.weekday !== undefined) {
      const key = ((e.k * 13 + p.month) * 32 + p.day) * 8 + p.weekday
      if (!s.weekdayKeys.has(key) && s.weekdayKeys.size < 512) {
        s.weekdayKeys.add(key)
        s.weekdays.push({ k: e.k, month: p.month, day: p.day, weekday: p.weekday })
      }
    }
    for (const ref of s.refs) {
      if (ref.at === undefined || anchorPosition(ref.at) !== e.pos) continue
      if (s.base === undefined) pin(s, ref.year! - e.k, 'reference', false, 'high')
      else if (s.base + e.k !== ref.year) {
        e.bits |= FLAG.conflict
        e.alt = [ref.year!]
      }
      break
    }
  } else if ((e.bits & FLAG.outOfOrder) !== 0) {
    // A late line's relative year is the stream's, not its own: it neither pins nor conflicts.
  } else if (s.base === undefined) {
    pin(s, p.year - e.k, 'stream', true, 'high')
  } else if (!s.baseExplicit && s.base + e.k !== p.year) {
    e.bits |= FLAG.conflict
    e.alt = [s.base + e.k]
  }
  if (s.base === undefined) s.waiting.push(e)
  else resolve(s, e)
}

function alternativesFor<T>(s: Stream<T>, k: number): readonly number[] | undefined {
  if (s.altBase === undefined) return undefined
  let a = s.altCache.get(k)
  if (!a) {
    a = Object.freeze([s.altBase + k])
    s.altCache.set(k, a)
  }
  return a
}

function resolve<T>(s: Stream<T>, e: Entry<T>): void {
  const scratch = s.scratch
  const p = e.parts!
  let bits = e.bits
  let year: number
  let yearSource: YearSource
  let confidence: Confidence
  let alternatives: readonly number[] | undefined
  if (p.year !== undefined) {
    year = p.year
    yearSource = 'explicit'
    confidence = 'certain'
    alternatives = e.alt
  } else {
    year = s.base! + e.k
    yearSource = s.yearSource
    confidence = s.confidence
    bits |= s.streamBits
    alternatives = e.alt ?? alternativesFor(s, e.k)
    if (p.month === 2 && p.day === 29 && !isLeapYear(year)) {
      s.conflicts++
      e.time = buildResolved(
        p.text,
        { epochMs: Number.NaN, iso: undefined, offsetMinutes: undefined, reason: 'conflict' },
        0,
        year,
        s.zr.name,
        s.zoneSource,
        yearSource,
        'low',
        bits | FLAG.conflict,
        nearestLeapYears(year),
      )
      e.done = true
      return
    }
  }
  if (p.weekday !== undefined && weekdayOf(year, p.month, p.day) !== p.weekday) {
    bits |= FLAG.conflict
    if (p.year === undefined) alternatives = nearestWeekdayYears(year, p.month, p.day, p.weekday)
  }
  let zone = s.zr.name
  let zoneSource = s.zoneSource
  if (p.offsetMinutes !== undefined) {
    resolveWithOffset(p, scratch)
    zone = ''
    zoneSource = 'stamp'
  } else {
    resolveWall(s.zr, p, year, s.settings.policy, s.maxEpoch, scratch)
  }
  bits |= scratch.bits
  if (scratch.iso !== undefined) {
    if (scratch.epochMs > s.maxEpoch) s.maxEpoch = scratch.epochMs
    if (scratch.epochMs > s.end.epochMs!) bits |= FLAG.future
  }
  if ((bits & FLAG.conflict) !== 0) s.conflicts++
  if ((bits & LOWERING) !== 0 && (confidence !== 'certain' || (bits & FLAG.conflict) !== 0))
    confidence = 'low'
  e.time = buildResolved(
    p.text,
    scratch,
    subMsNanos(p.fraction),
    year,
    zone,
    zoneSource,
    yearSource,
    confidence,
    bits,
    alternatives,
  )
  e.done = true
  // Only what the stream gives every line may be shared: no flag or alternative of this line's own.
  const plain =
    p.year === undefined &&
    e.alt === undefined &&
    (bits & ~s.streamBits) === 0 &&
    e.k === s.tracker.k &&
    s.tracker.highByK.get(e.k) === e.pos &&
    scratch.iso !== undefined
  s.lastParts = plain ? p : undefined
  s.lastTime = plain ? e.time : undefined
}

/**
 * The time of a line whose stamp parts are those of the stream's last line, when that line was
 * plain: the same instant, year and flags, without a pass through the tracker (a repeated
 * stamp neither moves nor questions the year). `undefined` when the line needs the full path.
 * The caller must emit in order: only when no line is held.
 */
export function repeatedTime<T>(s: Stream<T>, parts: StampParts): ResolvedTime | undefined {
  if (parts !== s.lastParts) return undefined
  s.lines++
  return s.lastTime
}

/** Decides what the stream still holds: an open rollover candidate, then the base year. */
export function settleStream<T>(s: Stream<T>): void {
  s.tracker.settle()
  if (s.base !== undefined) return
  const c = solveBaseYear(
    { highByK: s.tracker.highByK, low0: s.tracker.low0, leapKs: s.leapKs, weekdays: s.weekdays },
    s.zr.wallClock(s.end.epochMs!),
    s.start === undefined ? undefined : s.zr.wallClock(s.start.epochMs!),
    s.settings.skewSec,
  )
  if (c.leapConstrained) s.streamBits |= FLAG.leapConstrained
  s.altBase = c.alternative
  // An anchor's kind names the year source it gives.
  pin(s, c.base, s.end.kind, false, s.end.kind === 'now' || c.unmet > 0 ? 'low' : 'high')
}
