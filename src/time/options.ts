/**
 * User-facing time options, checked and normalized once. Bad options are caller errors: they
 * throw with the option's name first (`zone: unknown time zone "Mars/Olympus"`), which the CLI
 * turns into `--zone: …`. Nothing here reads the clock: `now` is the caller's.
 *
 * @module
 */

import { DateTime } from 'luxon'
import type { Anchor } from './anchors.js'
import type { ZoneSource } from './resolved.js'
import type { GapPolicy, LeapSecondPolicy, OverlapPolicy, WallPolicy } from './wall-time.js'
import { parseZone, systemZone } from './zone.js'

/** Options every resolver shares (clock, timeline). */
export interface TimeOptions {
  /** Year of the first year-less line of each stream (host); beats all other evidence. */
  readonly year?: number
  /** IANA zone (or `UTC`, `UTC-5`) of stamps without offset; default: the system zone, reported as assumed. */
  readonly zone?: string
  /**
   * The date the logs are read at (ISO text in `zone`, a Date or epoch ms): no line is after
   * it (plus `maxFutureSkewMs`). Beats file anchors; default: now.
   */
  readonly referenceDate?: Date | string | number
  /** Anchors for every stream (file dates, bundle time, reference events). */
  readonly anchors?: readonly Anchor[]
  /** Skipped wall times (spring-forward): `forward` (default) or `reject`. */
  readonly gap?: GapPolicy
  /** Repeated wall times (fall-back): `monotonic` (default), `earlier`, `later` or `reject`. */
  readonly overlap?: OverlapPolicy
  /** `23:59:60`: `clamp` to `:59` (default) or `reject`. */
  readonly leapSecond?: LeapSecondPolicy
}

const GAPS: readonly string[] = ['forward', 'reject']
const OVERLAPS: readonly string[] = ['earlier', 'later', 'reject', 'monotonic']
const LEAPS: readonly string[] = ['clamp', 'reject']

/** Checks `year`; throws `year: …`. */
export function checkYear(year: number | undefined): number | undefined {
  if (year !== undefined && !(Number.isInteger(year) && year > 0 && year < 10000)) {
    throw new Error(`year: expected a four-digit year, got ${year}`)
  }
  return year
}

/** The zone name to use and whether the caller chose it; throws `zone: …`. */
export function checkZone(zone: string | undefined): {
  readonly zone: string
  readonly zoneSource: ZoneSource
} {
  if (zone === undefined) return { zone: systemZone(), zoneSource: 'assumed' }
  return { zone: parseZone(zone).name, zoneSource: 'option' }
}

/**
 * An instant option (ISO text read in `zone` when it has no offset, Date, or epoch ms) as epoch
 * ms; throws `<name>: cannot read …`.
 */
export function checkInstant(name: string, value: Date | string | number, zone: string): number {
  const ms =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? DateTime.fromISO(value, { zone }).toMillis()
        : value.getTime()
  if (!Number.isFinite(ms)) throw new Error(`${name}: cannot read "${String(value)}"`)
  return ms
}

/** The three wall-time policies, checked; throws `gap: …`, `overlap: …`, `leapSecond: …`. */
export function checkPolicy(options: TimeOptions, defaultOverlap: OverlapPolicy): WallPolicy {
  const gap = options.gap ?? 'forward'
  const overlap = options.overlap ?? defaultOverlap
  const leapSecond = options.leapSecond ?? 'clamp'
  if (!GAPS.includes(gap)) throw new Error(`gap: expected forward or reject, got "${gap}"`)
  if (!OVERLAPS.includes(overlap)) {
    throw new Error(`overlap: expected earlier, later, reject or monotonic, got "${overlap}"`)
  }
  if (!LEAPS.includes(leapSecond))
    throw new Error(`leapSecond: expected clamp or reject, got "${leapSecond}"`)
  return { gap, overlap, leapSecond }
}

/** Checks a non-negative number option; throws `<name>: …`. */
export function checkCount(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!(value >= 0) || (!Number.isInteger(value) && value !== Number.POSITIVE_INFINITY)) {
    throw new Error(`${name}: expected a non-negative integer, got ${value}`)
  }
  return value
}
