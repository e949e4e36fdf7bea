/**
 * Relative years of one stream (one host of one source): the year-rollover state machine.
 *
 * Lines come with their wall-clock position in the 366-day calendar. The tracker keeps `high`,
 * the latest position of the current relative year `k`. A line more than `backStep` before
 * `high` is a *candidate* rollover: it counts only when the next `confirm` lines also lie more
 * than `backStep` before `high` — then all of them start year `k + 1` and the first one is
 * flagged `rollover`. A line that does not confirm turns the candidates into late lines
 * (`outOfOrder`, year `k`). Lines within `backStep` of the year end (`Dec 31 23:59:59` just
 * after `Jan  1 00:00:01`) neither confirm nor refute: jitter at New Year. A candidate still
 * open at the end (or when the caller cannot hold lines any longer) is decided by the closer
 * reading: a rollover when the back-step is more than half a year, a late line otherwise.
 *
 * This leaves out years themselves: `k` is relative; the base year is chosen by `solve.ts`.
 *
 * @module
 */

import { YEAR_SEC } from './calendar.js'
import { FLAG } from './resolved.js'

/** What the tracker needs of a line. */
export interface Tracked {
  /** Wall-clock position, seconds in the 366-day calendar. */
  readonly pos: number
  /** Relative year, -1 until assigned. */
  k: number
  /** Flag bits; the tracker sets `rollover` and `outOfOrder`. */
  bits: number
}

/** The rollover state machine of one stream. */
export interface RolloverTracker<E extends Tracked> {
  /** Current relative year. */
  readonly k: number
  /** Latest position per relative year (`NaN` for a year with no line of its own). */
  readonly highByK: readonly number[]
  /** Earliest in-order position of year 0 (`NaN` before the first line). */
  readonly low0: number
  /** Lines held at a candidate rollover. */
  readonly pending: readonly E[]
  /** Confirmed rollovers so far. */
  readonly rollovers: number
  /** Assigns a year-less line (or holds it at a candidate rollover). */
  push(line: E): void
  /** Assigns a line whose relative year is known (a year-bearing line in a stream with a known base). */
  pushAt(line: E, k: number): void
  /** Decides an open candidate now, by the closer reading. */
  settle(): void
}

/**
 * Creates a tracker. `onAssign` is called once per line, in the stream's input order, when its
 * relative year is decided.
 *
 * @example
 * const t = createRolloverTracker(7 * 86400, 2, (l) => years.push(l.k))
 * for (const pos of [dec30, dec31, jan1, jan1b, jan2]) t.push({ pos, k: -1, bits: 0 })
 * years //=> [0, 0, 1, 1, 1]
 */
export function createRolloverTracker<E extends Tracked>(
  backStepSec: number,
  confirm: number,
  onAssign: (line: E) => void,
): RolloverTracker<E> {
  let k = 0
  let high = Number.NaN
  let low0 = Number.NaN
  let rollovers = 0
  const highByK: number[] = []
  let pending: E[] = []

  function assign(line: E, rel: number): void {
    line.k = rel
    onAssign(line)
  }

  function advance(line: E): void {
    if (line.pos > high) {
      high = line.pos
      highByK[k] = high
    }
    if (k === 0 && !(line.pos >= low0)) low0 = line.pos
    assign(line, k)
  }

  function commit(): void {
    k++
    rollovers++
    const list = pending
    pending = []
    high = Number.NEGATIVE_INFINITY
    for (const l of list) if (l.pos > high) high = l.pos
    highByK[k] = high
    list[0]!.bits |= FLAG.rollover
    for (const l of list) assign(l, k)
  }

  function reject(): void {
    const list = pending
    pending = []
    for (const l of list) {
      l.bits |= FLAG.outOfOrder
      assign(l, k)
    }
  }

  return {
    get k() {
      return k
    },
    highByK,
    get low0() {
      return low0
    },
    get pending() {
      return pending
    },
    get rollovers() {
      return rollovers
    },
    push(line) {
      const p = line.pos
      if (Number.isNaN(high)) {
        high = p
        highByK[k] = p
        low0 = p
        assign(line, k)
        return
      }
      const below = p < high - backStepSec
      if (pending.length > 0) {
        if (below) {
          pending.push(line)
          if (pending.length > confirm) commit()
          return
        }
        // Just before New Year while the candidate is just after it: jitter, not a refutation.
        if (YEAR_SEC - p + pending[0]!.pos <= backStepSec) {
          advance(line)
          return
        }
        reject()
      }
      if (below) {
        pending.push(line)
        if (confirm === 0) commit()
        return
      }
      advance(line)
    },
    pushAt(line, rel) {
      if (pending.length > 0) {
        if (rel > k) commit()
        else reject()
      }
      if (rel > k) {
        k = rel
        high = line.pos
        highByK[k] = high
        assign(line, k)
      } else if (rel === k) advance(line)
      else assign(line, rel)
    },
    settle() {
      if (pending.length === 0) return
      if (high - pending[0]!.pos > YEAR_SEC / 2) commit()
      else reject()
    },
  }
}
