/**
 * Wall time + year → instant, under the gap, overlap and leap-second policies. Builds the ISO
 * text from the cached minute prefix, so a line costs a cache lookup and a few concatenations.
 * Writes into a caller-owned scratch object: no allocation per line besides the ISO string.
 *
 * @module
 */

import type { StampParts } from '../envelope/stamp.js'
import { isoMinutePrefix, SECONDS, wallMs } from './calendar.js'
import { FLAG, type UnresolvedReason } from './resolved.js'
import type { ZoneResolver } from './zone.js'

/** What to do with a wall time that does not exist (spring-forward). */
export type GapPolicy = 'forward' | 'reject'

/**
 * What to do with a wall time that happens twice (fall-back): take the `earlier` or `later`
 * instant, `reject` it, or stay `monotonic` — the earlier instant until the stream steps back
 * inside the repeated hour, then the later one.
 */
export type OverlapPolicy = 'earlier' | 'later' | 'reject' | 'monotonic'

/** What to do with `23:59:60`. */
export type LeapSecondPolicy = 'clamp' | 'reject'

/** The three policies together. */
export interface WallPolicy {
  readonly gap: GapPolicy
  readonly overlap: OverlapPolicy
  readonly leapSecond: LeapSecondPolicy
}

/**
 * Under `monotonic`, the earlier instant of an overlap is kept unless it lies more than this
 * before the latest instant already seen in the stream (a real back-step, not jitter).
 */
export const MONOTONIC_TOLERANCE_MS = 5 * 60_000

/** Scratch result of {@link resolveWall}. */
export interface WallResult {
  epochMs: number
  iso: string | undefined
  offsetMinutes: number | undefined
  /** {@link FLAG} bits: `dstGap`, `dstOverlap`, `leapSecond`. */
  bits: number
  reason: UnresolvedReason | undefined
  /**
   * The stamp parts and zone minute `iso` was last written from by {@link resolveWall}, for a
   * plain minute: the same parts object again (consecutive lines of one second share it) gets
   * the same string object back instead of a fresh concatenation per line.
   */
  isoParts: StampParts | undefined
  isoMinute: object | undefined
}

/** A fresh scratch object. */
export function wallResult(): WallResult {
  return {
    epochMs: Number.NaN,
    iso: undefined,
    offsetMinutes: undefined,
    bits: 0,
    reason: undefined,
    isoParts: undefined,
    isoMinute: undefined,
  }
}

function digitAt(f: string, i: number): number {
  const c = f.charCodeAt(i)
  return c >= 48 && c <= 57 ? c - 48 : 0
}

/**
 * Whole milliseconds of a written fraction (`.1` → 100, `.123456` → 123).
 *
 * @example
 * fractionMs('.5') //=> 500
 */
export function fractionMs(fraction: string): number {
  if (fraction === '') return 0
  return digitAt(fraction, 1) * 100 + digitAt(fraction, 2) * 10 + digitAt(fraction, 3)
}

/**
 * Nanoseconds below the millisecond of a written fraction, 0–999999; digits past the ninth are cut.
 *
 * @example
 * subMsNanos('.123456789') //=> 456789
 * subMsNanos('.123456')    //=> 456000
 */
export function subMsNanos(fraction: string): number {
  if (fraction.length <= 4) return 0
  let n = 0
  for (let i = 4; i <= 9; i++) n = n * 10 + digitAt(fraction, i)
  return n
}

function unresolved(out: WallResult, bits: number, reason: UnresolvedReason): void {
  out.epochMs = Number.NaN
  out.iso = undefined
  out.isoParts = undefined
  out.offsetMinutes = undefined
  out.bits = bits
  out.reason = reason
}

/**
 * Resolves a zone-less wall time in `year`. `streamMaxEpoch` is the latest instant already
 * resolved in the same stream (for `monotonic`; `-Infinity` when none).
 *
 * @example
 * const out = wallResult()
 * resolveWall(createZoneResolver('America/New_York'), parseSyslogStamp('Nov  3 01:30:00')!.parts, 2024,
 *   { gap: 'forward', overlap: 'later', leapSecond: 'clamp' }, -Infinity, out)
 * out.iso //=> '2024-11-03T01:30:00-05:00'
 */
export function resolveWall(
  zr: ZoneResolver,
  parts: StampParts,
  year: number,
  policy: WallPolicy,
  streamMaxEpoch: number,
  out: WallResult,
): void {
  let second = parts.second
  let bits = 0
  if (second === 60) {
    if (policy.leapSecond === 'reject') {
      unresolved(out, FLAG.leapSecond, 'leapSecond')
      return
    }
    second = 59
    bits = FLAG.leapSecond
  }
  const m = zr.minute(year, parts.month, parts.day, parts.hour, parts.minute)
  const within = second * 1000 + fractionMs(parts.fraction)
  let start = m.startMs
  let offset = m.offset
  let offsetText = m.offsetText
  if (m.kind === 1) {
    bits |= FLAG.dstOverlap
    const p = policy.overlap
    if (p === 'reject') {
      unresolved(out, bits, 'dstOverlap')
      return
    }
    if (p === 'later' || (p === 'monotonic' && start + within < streamMaxEpoch - MONOTONIC_TOLERANCE_MS)) {
      start = m.laterStartMs
      offset = m.laterOffset
      offsetText = m.laterOffsetText
    }
  } else if (m.kind === 2) {
    bits |= FLAG.dstGap
    if (policy.gap === 'reject') {
      unresolved(out, bits, 'dstGap')
      return
    }
  }
  out.epochMs = start + within
  if (m.kind !== 0 || out.iso === undefined || out.isoParts !== parts || out.isoMinute !== m) {
    out.iso = m.prefix + SECONDS[second] + parts.fraction + offsetText
    out.isoParts = m.kind === 0 ? parts : undefined
    out.isoMinute = m
  }
  out.offsetMinutes = offset
  out.bits = bits
  out.reason = undefined
}

/**
 * Resolves a stamp that carries its own year and offset (RFC 3339): no zone involved.
 *
 * @example
 * const out = wallResult()
 * resolveWithOffset(parseSyslogStamp('2024-12-05T09:28:42.5+0100')!.parts, out)
 * out.iso //=> '2024-12-05T09:28:42.5+01:00'
 */
export function resolveWithOffset(parts: StampParts, out: WallResult): void {
  const year = parts.year!
  const offset = parts.offsetMinutes!
  let second = parts.second
  let bits = 0
  if (second === 60) {
    second = 59
    bits = FLAG.leapSecond
  }
  const local = wallMs(year, parts.month, parts.day, parts.hour, parts.minute, second)
  out.epochMs = local - offset * 60000 + fractionMs(parts.fraction)
  const t = parts.text
  const o = parts.offset!
  // Already canonical (`T`, `.` fraction, `Z` or `±hh:mm`): the text is the ISO form.
  out.iso =
    bits === 0 &&
    t.charCodeAt(10) === 84 &&
    t.charCodeAt(19) !== 44 &&
    (o === 'Z' || (o.length === 6 && o.charCodeAt(3) === 58 && o !== '-00:00'))
      ? t
      : isoMinutePrefix(year, parts.month, parts.day, parts.hour, parts.minute) +
        SECONDS[second] +
        parts.fraction +
        (o === 'Z' || o === 'z' ? 'Z' : formatOffsetFast(offset))
  out.offsetMinutes = offset
  out.bits = bits
  out.reason = undefined
  out.isoParts = undefined
}

function formatOffsetFast(minutes: number): string {
  const a = Math.abs(minutes)
  const h = Math.floor(a / 60)
  const m = a % 60
  return `${minutes < 0 ? '-' : '+'}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`
}
