/**
 * The result of resolving a stamp: an instant plus where its year and offset came from.
 * Every resolved time says how sure it is (`confidence`), why (`yearSource`, `zoneSource`),
 * what was odd about it (`flags`) and which other years were possible (`alternatives`), so a
 * caller can show or filter doubtful times instead of trusting a silent guess.
 *
 * @module
 */

import type { AnchorKind } from './anchors.js'

/**
 * Something worth knowing about one resolved time.
 *
 * - `rollover` — first line of a new year in its stream (a confirmed back-step, `Dec` → `Jan`).
 * - `outOfOrder` — more than `backStep` behind its stream but not a rollover: a late line.
 * - `future` — after the end bound (file mtime, rotated name date, reference date or now).
 * - `dstGap` — the wall time does not exist (spring forward); moved forward, or unresolved.
 * - `dstOverlap` — the wall time happens twice (fall back); the `overlap` policy chose one.
 * - `leapConstrained` — a `Feb 29` line in the stream restricted the year to leap years.
 * - `conflict` — hard evidence disagrees (explicit year vs `Feb 29`, wrong weekday, a
 *   reference event): reported, never shifted silently.
 * - `leapSecond` — `23:59:60`, clamped to `:59`.
 */
export type TimeFlag =
  | 'rollover'
  | 'outOfOrder'
  | 'future'
  | 'dstGap'
  | 'dstOverlap'
  | 'leapConstrained'
  | 'conflict'
  | 'leapSecond'

/** Flag bits, in the order of {@link TimeFlag}. */
export const FLAG = {
  rollover: 1,
  outOfOrder: 2,
  future: 4,
  dstGap: 8,
  dstOverlap: 16,
  leapConstrained: 32,
  conflict: 64,
  leapSecond: 128,
} as const satisfies Record<TimeFlag, number>

const NAMES = Object.keys(FLAG) as TimeFlag[]

/** One frozen array per combination of bits, built once: results share them. */
const FLAG_LISTS: readonly (readonly TimeFlag[])[] = Array.from({ length: 256 }, (_, bits) =>
  Object.freeze(NAMES.filter((_n, i) => (bits & (1 << i)) !== 0)),
)

/** The flag names of a bit set (a shared frozen array). */
export function flagList(bits: number): readonly TimeFlag[] {
  return FLAG_LISTS[bits & 255]!
}

/**
 * Where a year came from, strongest first.
 *
 * - `explicit` — the stamp itself carries the year (RFC 3339, log4j, `Dec  5 2024`).
 * - `year` — the caller's `year` option (year of the first line of each stream).
 * - `stream` — another line of the same stream carries a year.
 * - `reference` — a reference anchor: a year-less line matched to a year-bearing record.
 * - `referenceDate` — the caller's reference date bounds the stream's last line.
 * - `rotatedName`, `gzipMtime`, `mtime`, `bundle` — a file-level end bound.
 * - `now` — the clock, as a last resort.
 * - `none` — not resolved (invalid stamp, no stamp).
 */
export type YearSource = 'explicit' | 'year' | 'stream' | AnchorKind | 'none'

/** `certain`: the stamp says it; `high`: pinned or bounded by good evidence; `low`: a guess. */
export type Confidence = 'certain' | 'high' | 'low'

/** Where the offset came from: the stamp, the `zone` option, or the system zone (assumed). */
export type ZoneSource = 'stamp' | 'option' | 'assumed'

/** Why a stamp has no instant. */
export type UnresolvedReason = 'invalid' | 'conflict' | 'dstGap' | 'dstOverlap' | 'future' | 'leapSecond'

/**
 * A stamp resolved to an instant, with provenance. Immutable: lines of one stream with the
 * same stamp may be given the same object.
 */
export interface ResolvedTime {
  /** The stamp as written. */
  readonly stamp: string
  /**
   * ISO 8601 with offset (`2024-12-05T09:28:42.123456+01:00`), the fraction kept as written;
   * `undefined` when unresolved.
   */
  readonly iso: string | undefined
  /** Milliseconds since the epoch; `NaN` when unresolved. */
  readonly epochMs: number
  /** Nanoseconds below the millisecond, 0–999999, cut from the written fraction. */
  readonly subMsNanos: number
  /** The year used; `undefined` when no year could be given. */
  readonly year: number | undefined
  /** Offset used, minutes east of UTC; `undefined` when unresolved. */
  readonly offsetMinutes: number | undefined
  /** IANA zone (or `UTC±hh:mm`) the wall time was read in, `''` when the stamp had an offset. */
  readonly zone: string
  readonly zoneSource: ZoneSource
  readonly yearSource: YearSource
  readonly confidence: Confidence
  readonly flags: readonly TimeFlag[]
  /** Other years the evidence allowed, nearest first; absent when the year is certain or pinned. */
  readonly alternatives?: readonly number[]
  /** Why `iso` is `undefined`. */
  readonly reason?: UnresolvedReason
}

/**
 * Orders resolved times by instant, then sub-millisecond nanoseconds; unresolved times last.
 * `Array.prototype.sort` is stable, so equal instants keep their input order.
 *
 * @example
 * times.sort(compareResolved)
 */
export function compareResolved(a: ResolvedTime, b: ResolvedTime): number {
  const ua = Number.isNaN(a.epochMs)
  const ub = Number.isNaN(b.epochMs)
  if (ua || ub) return ua === ub ? 0 : ua ? 1 : -1
  return a.epochMs - b.epochMs || a.subMsNanos - b.subMsNanos
}

/** Fields of a {@link ResolvedTime} that come from wall-time resolution. */
export interface InstantFields {
  readonly epochMs: number
  readonly iso: string | undefined
  readonly offsetMinutes: number | undefined
  readonly reason: UnresolvedReason | undefined
}

/**
 * Assembles a {@link ResolvedTime} (one object per line, always the same shape).
 * `subMs` is the sub-millisecond part of the fraction; `bits` are {@link FLAG} bits.
 */
export function buildResolved(
  stamp: string,
  instant: InstantFields,
  subMs: number,
  year: number | undefined,
  zone: string,
  zoneSource: ZoneSource,
  yearSource: YearSource,
  confidence: Confidence,
  bits: number,
  alternatives: readonly number[] | undefined,
): ResolvedTime {
  const ok = instant.iso !== undefined
  return {
    stamp,
    iso: instant.iso,
    epochMs: ok ? instant.epochMs : Number.NaN,
    subMsNanos: ok ? subMs : 0,
    year,
    offsetMinutes: ok ? instant.offsetMinutes : undefined,
    zone,
    zoneSource,
    yearSource,
    confidence,
    flags: flagList(bits),
    alternatives,
    reason: ok ? undefined : instant.reason,
  }
}

/** A stamp that could not be read as a date at all (`Feb 30`, `24:00:00`). */
export function invalidTime(stamp: string, zone: string, zoneSource: ZoneSource): ResolvedTime {
  return buildResolved(
    stamp,
    { epochMs: Number.NaN, iso: undefined, offsetMinutes: undefined, reason: 'invalid' },
    0,
    undefined,
    zone,
    zoneSource,
    'none',
    'low',
    0,
    undefined,
  )
}
