/**
 * Relative years of one stream (one host of one source): the year-rollover state machine.
 *
 * Lines come with their wall-clock position in the 366-day calendar. The tracker keeps `high`,
 * the latest position of the current relative year `k`, and reads every surprising line both
 * ways, keeping the reading that makes the lesser jump in time:
 *
 * - A line more than `backStep` before `high` is a *candidate* rollover. It counts only once
 *   `confirm` more lines also lie before `high - backStep` *and* go on from the candidate —
 *   then they all start year `k + 1` and the first is flagged `rollover`. Of such a line's
 *   readings (goes on from the candidate; a late line of year `k`; the candidate was a late
 *   line and this one replaces it) the one with the least jump in time is taken.
 * - Any other line refutes the candidate (which becomes a late line, `outOfOrder`, year `k`)
 *   unless, read as a late line of year `k` after a rollover, it would be less late than the
 *   candidate is without one: `Dec 24` or the jitter `Dec 31 23:59:59` after a `Jan  1`
 *   candidate fit the rollover; `May  3` after an `Apr 11` candidate below `May  2` refutes it.
 * - Once the new year has begun, a line just before New Year (within `backStep`) belongs to the
 *   year before, `k - 1`.
 * - A line more than half a year *ahead* of `high` is held too: confirmed by `confirm` more
 *   such lines it is a real jump forward, otherwise a late line of the year before (`k - 1`,
 *   `outOfOrder`) — so a line a few weeks late across New Year (`Dec 21` among `Jan 10` lines)
 *   cannot push the stream a year on.
 * - A candidate still open at the end (or when the caller cannot hold lines any longer) is
 *   decided by the closer reading: a rollover when the back-step is more than half a year, a
 *   late line otherwise.
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
  /** Relative year, set when assigned (`NaN` before). */
  k: number
  /** Flag bits; the tracker sets `rollover` and `outOfOrder`. */
  bits: number
}

/** The rollover state machine of one stream. */
export interface RolloverTracker<E extends Tracked> {
  /** Current relative year. */
  readonly k: number
  /** Latest position per relative year that has lines (relative year -1 holds New Year jitter at the start). */
  readonly highByK: ReadonlyMap<number, number>
  /** Earliest in-order position of year 0 (`NaN` before the first line). */
  readonly low0: number
  /** Lines held at a candidate rollover. */
  readonly pending: readonly E[]
  /** Confirmed rollovers so far. */
  readonly rollovers: number
  /** Assigns a year-less line (or holds it at a candidate rollover). */
  push(line: E): void
  /**
   * Assigns a line whose relative year is known (a year-bearing line in a stream whose base came
   * from such a line). A line of the next year moves the stream on; others do not.
   */
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
 * for (const pos of [dec30, dec31, jan1, jan1b, jan2]) t.push({ pos, k: Number.NaN, bits: 0 })
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
  const highByK = new Map<number, number>()
  let pending: E[] = []
  /** -1: the pending lines are a candidate rollover; +1: they lie more than half a year ahead. */
  let direction = 0

  function assign(line: E, rel: number): void {
    line.k = rel
    onAssign(line)
  }

  function advance(line: E): void {
    if (line.pos > high) {
      high = line.pos
      highByK.set(k, high)
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
    highByK.set(k, high)
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

  /** A line of the year before (`k - 1`): New Year jitter, or a late line read as one. */
  function previousYear(line: E): void {
    const prev = highByK.get(k - 1)
    if (prev === undefined || line.pos > prev) highByK.set(k - 1, line.pos)
    assign(line, k - 1)
  }

  /** The lines far ahead were confirmed: a real jump forward within the year. */
  function acceptForward(): void {
    const list = pending
    pending = []
    for (const l of list) advance(l)
  }

  /** The lines far ahead were not confirmed: late lines of the year before. */
  function rejectForward(): void {
    const list = pending
    pending = []
    for (const l of list) {
      l.bits |= FLAG.outOfOrder
      previousYear(l)
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
        highByK.set(k, p)
        low0 = p
        assign(line, k)
        return
      }
      const below = p < high - backStepSec
      const ahead = p - high
      // More than half a year ahead, and not just New Year jitter: the year before, or a real jump?
      const farAhead = ahead > YEAR_SEC / 2 && YEAR_SEC - ahead > backStepSec
      if (pending.length > 0) {
        if (direction < 0) {
          if (below) {
            // Three readings, the least jump in time wins: it goes on from the candidate (a
            // confirmation), it is a late line of year k, or the candidate was a late line and
            // this is the new candidate (`Dec 16` late, then `Jan  1`).
            const goesOn = Math.abs(p - pending[pending.length - 1]!.pos)
            const lateHere = high - p
            const candidateLate = high - pending[0]!.pos
            if (goesOn <= lateHere && goesOn <= candidateLate) {
              pending.push(line)
              if (pending.length > confirm) commit()
            } else if (lateHere <= candidateLate) {
              line.bits |= FLAG.outOfOrder
              assign(line, k)
            } else {
              reject()
              pending.push(line)
            }
            return
          }
          // The line refutes the candidate only if, read as a late line of year k after a
          // rollover, it would be later than the candidate is late without one: `Dec 24` after a
          // `Jan  1` candidate (8 days vs 358) fits the rollover; `May  3` after an `Apr 11`
          // candidate below `May  2` (343 days vs 21) refutes it.
          // A line far ahead fits only a candidate that is itself better read as a rollover:
          // `Jan  1` 8 days below a `Jan  8` high, then `Dec 31`, are two late lines, not a
          // year of silence.
          const cand = pending[0]!.pos
          const candidateLate = high - cand
          if (YEAR_SEC - p + cand <= candidateLate && (!farAhead || candidateLate > YEAR_SEC / 2)) {
            advance(line)
            return
          }
          reject()
        } else {
          if (farAhead) {
            pending.push(line)
            if (pending.length > confirm) acceptForward()
            return
          }
          rejectForward()
        }
      }
      if (below || farAhead) {
        direction = below ? -1 : 1
        pending.push(line)
        if (confirm === 0) {
          if (below) commit()
          else acceptForward()
        }
        return
      }
      // Just before New Year while the stream is just after it: a late line of the year before.
      if (ahead > 0 && YEAR_SEC - ahead <= backStepSec) {
        previousYear(line)
        return
      }
      advance(line)
    },
    pushAt(line, rel) {
      if (pending.length > 0) {
        if (direction > 0) {
          if (rel === k) acceptForward()
          else rejectForward()
        } else if (rel > k) commit()
        else reject()
      }
      if (rel === k + 1) {
        k = rel
        high = line.pos
        highByK.set(k, high)
        assign(line, k)
      } else if (rel === k) advance(line)
      // Earlier years, and jumps of several years (a clock reset to 1970 or 2036), are taken for
      // the line itself but do not move the stream.
      else assign(line, rel)
    },
    settle() {
      if (pending.length === 0) return
      // The closer reading: less than half a year late beats more than half a year of silence.
      if (direction > 0) rejectForward()
      else if (high - pending[0]!.pos > YEAR_SEC / 2) commit()
      else reject()
    },
  }
}
