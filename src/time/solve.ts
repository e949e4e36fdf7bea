/**
 * The base year of a stream: the year of relative year 0, chosen once its evidence is in.
 *
 * Hard constraints: `Feb 29` in relative year k needs a leap year B+k; a weekday must match.
 * (Explicit years and reference events pin the base directly and never get here.)
 * Bounds: the strongest end bound (its wall clock in the stream's zone) caps the latest line
 * of every relative year, plus `skew`; a start bound, when given, floors the first line.
 * The answer is the **latest** base meeting every hard constraint and the bounds ("most recent
 * past"). Hard evidence beats bounds: when no base up to the bound meets the constraints, the
 * year after is tried, and failing that the base meeting the most constraints is taken and
 * the misfits are reported as conflicts by the caller. Pure: no zone math, no clock.
 *
 * @module
 */

import { isLeapYear, weekdayOf, YEAR_SEC } from './calendar.js'

/** A weekday written on a year-less line of relative year `k`. */
export interface WeekdayEvidence {
  readonly k: number
  readonly month: number
  readonly day: number
  readonly weekday: number
}

/** What a stream's lines say, without years. */
export interface YearEvidence {
  /** Latest position per relative year (seconds, 366-day calendar). */
  readonly highByK: ReadonlyMap<number, number>
  /** Earliest position of relative year 0. */
  readonly low0: number
  /** Relative years holding a `Feb 29` line. */
  readonly leapKs: readonly number[]
  /** Weekdays written on year-less lines. */
  readonly weekdays: readonly WeekdayEvidence[]
}

/** A bound as a wall clock in the stream's zone. */
export interface WallBound {
  readonly year: number
  readonly position: number
}

/** The chosen base year. */
export interface BaseYearChoice {
  readonly base: number
  /** The next-latest base meeting the same constraints (for `alternatives`), if any within 40 years. */
  readonly alternative: number | undefined
  /** A `Feb 29` line restricted the choice. */
  readonly leapConstrained: boolean
  /** Hard evidence forced a base whose lines pass the end bound. */
  readonly beyondBound: boolean
  /** Number of hard constraints the base does not meet (0 normally). */
  readonly unmet: number
}

const SEARCH_YEARS = 40

function unmetCount(ev: YearEvidence, b: number): number {
  let n = 0
  for (const k of ev.leapKs) if (!isLeapYear(b + k)) n++
  for (const w of ev.weekdays) {
    const y = b + w.k
    if ((w.month === 2 && w.day === 29 && !isLeapYear(y)) || weekdayOf(y, w.month, w.day) !== w.weekday) n++
  }
  return n
}

/**
 * Chooses the base year.
 *
 * @example
 * // Dec 30 … Jan 2 (one rollover), last line Jan 2 10:00, mtime 2025-01-02 12:00
 * solveBaseYear({ highByK: new Map([[0, dec31], [1, jan2]]), low0: dec30, leapKs: [], weekdays: [] },
 *   { year: 2025, position: jan2noon }, undefined, 86400).base //=> 2024
 */
export function solveBaseYear(
  ev: YearEvidence,
  end: WallBound,
  start: WallBound | undefined,
  skewSec: number,
): BaseYearChoice {
  let maxRel = Number.NEGATIVE_INFINITY
  for (const [k, h] of ev.highByK) if (k * YEAR_SEC + h > maxRel) maxRel = k * YEAR_SEC + h
  if (maxRel === Number.NEGATIVE_INFINITY) maxRel = 0
  const bMax = Math.floor((end.year * YEAR_SEC + end.position + skewSec - maxRel) / YEAR_SEC)
  const startOk = (b: number): boolean =>
    start === undefined ||
    Number.isNaN(ev.low0) ||
    b * YEAR_SEC + ev.low0 >= start.year * YEAR_SEC + start.position - skewSec
  const hard = ev.leapKs.length > 0 || ev.weekdays.length > 0
  const leapConstrained = ev.leapKs.length > 0

  const find = (from: number, useStart: boolean): number | undefined => {
    for (let b = from; b >= bMax - SEARCH_YEARS; b--) {
      if ((!hard || unmetCount(ev, b) === 0) && (!useStart || startOk(b))) return b
    }
    return undefined
  }

  let base = find(bMax, true) ?? find(bMax, false)
  let beyondBound = false
  if (base === undefined && hard && unmetCount(ev, bMax + 1) === 0) {
    base = bMax + 1
    beyondBound = true
  }
  if (base === undefined) {
    // Contradictory hard evidence: the base meeting most constraints, latest first.
    let best = bMax
    let bestUnmet = Number.POSITIVE_INFINITY
    for (let b = bMax; b >= bMax - SEARCH_YEARS; b--) {
      const u = unmetCount(ev, b)
      if (u < bestUnmet) {
        best = b
        bestUnmet = u
      }
    }
    return { base: best, alternative: undefined, leapConstrained, beyondBound: false, unmet: bestUnmet }
  }
  const alternative = find(base - 1, true) ?? find(base - 1, false)
  return { base, alternative, leapConstrained, beyondBound, unmet: 0 }
}
