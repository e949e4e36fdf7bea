/**
 * Anchors: evidence about the year that does not come from the lines of a stream.
 *
 * An anchor is either *exact* — a reference event fixing the year of one line (a Zimbra
 * `mailbox.log` record with a full date matched to a year-less `zimbra.log` line, a Sendmail
 * queue-id date) — or a *bound*: the stream's last line is not after it (`notAfter`: a rotated
 * file name date, the gzip header MTIME, the file mtime, a bundle time, the reference date,
 * now) or its first line not before it (`notBefore`: the previous rotation).
 * Only the strongest `notAfter` bound is used, in the order of {@link END_BOUND_PRIORITY}.
 * Reading files is not done here (see `maillog/node` `fileAnchors`).
 *
 * @module
 */

import type { StampParts } from '../envelope/stamp.js'
import { isLeapYear, position } from './calendar.js'
import { resolveWall, wallResult } from './wall-time.js'
import { sharedZoneResolver } from './zone.js'

/** The kinds of anchor, by where they come from. */
export type AnchorKind =
  | 'reference'
  | 'referenceDate'
  | 'rotatedName'
  | 'record'
  | 'gzipMtime'
  | 'mtime'
  | 'bundle'
  | 'now'

/** End-bound kinds, strongest first: only the strongest present is used. */
export const END_BOUND_PRIORITY: readonly AnchorKind[] = [
  'referenceDate',
  'record',
  'rotatedName',
  'gzipMtime',
  'mtime',
  'bundle',
  'now',
]

/** A wall-clock stamp position an exact anchor belongs to. */
export interface AnchorLine {
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
}

/** Evidence about the year from outside the stream's lines. */
export interface Anchor {
  readonly kind: AnchorKind
  /** `exact`: `year` is the year of the line at `at`; `notAfter`/`notBefore`: `epochMs` bounds the stream. */
  readonly bound: 'exact' | 'notAfter' | 'notBefore'
  /** The bounding instant (`notAfter`, `notBefore`). */
  readonly epochMs?: number
  /** The year (`exact`). */
  readonly year?: number
  /** The line whose year `year` is (`exact`); without it, the year of the stream's first line. */
  readonly at?: AnchorLine
  /** Only for this host of the source (default: every host). */
  readonly host?: string
  /** Where it came from, for diagnostics (`maillog-20250107.gz`). */
  readonly note?: string
}

/**
 * An end bound from a modification time (file mtime, gzip header MTIME, bundle time).
 *
 * @example
 * mtimeAnchor(Date.parse('2025-01-02T08:00:00Z'))
 * //=> { kind: 'mtime', bound: 'notAfter', epochMs: 1735804800000 }
 */
export function mtimeAnchor(
  epochMs: number,
  kind: 'mtime' | 'gzipMtime' | 'bundle' | 'record' = 'mtime',
  note?: string,
): Anchor {
  if (!Number.isFinite(epochMs)) throw new Error(`${kind}: expected a time in ms, got ${epochMs}`)
  return note === undefined
    ? { kind, bound: 'notAfter', epochMs }
    : { kind, bound: 'notAfter', epochMs, note }
}

/**
 * A reference anchor: `line` (a year-less stamp, read in `zone`) is the same event as a record
 * with a full date at `record` (epoch ms, or a luxon DateTime). The anchor fixes the year of
 * that line: the year putting it nearest to the record (so a UTC `Dec 31 23:30` line matched to
 * a Berlin `2025-01-01 00:30` record is in 2024).
 *
 * @example
 * referenceAnchor(parseSyslogStamp('Dec 31 23:30:00')!.parts, Date.parse('2024-12-31T23:30:00Z'), 'UTC')
 * //=> { kind: 'reference', bound: 'exact', year: 2024, at: { month: 12, day: 31, hour: 23, minute: 30, second: 0 } }
 */
export function referenceAnchor(
  line: StampParts,
  record: number | { toMillis(): number },
  zone: string,
  host?: string,
): Anchor {
  const target = typeof record === 'number' ? record : record.toMillis()
  const zr = sharedZoneResolver(zone)
  const guess = new Date(target).getUTCFullYear()
  const out = wallResult()
  const policy = { gap: 'forward', overlap: 'earlier', leapSecond: 'clamp' } as const
  let best = guess
  let bestDist = Number.POSITIVE_INFINITY
  for (let y = guess - 1; y <= guess + 1; y++) {
    if (line.month === 2 && line.day === 29 && !isLeapYear(y)) continue
    resolveWall(zr, line, y, policy, Number.NEGATIVE_INFINITY, out)
    const dist = Math.abs(out.epochMs - target)
    if (dist < bestDist) {
      bestDist = dist
      best = y
    }
  }
  const at = { month: line.month, day: line.day, hour: line.hour, minute: line.minute, second: line.second }
  return host === undefined
    ? { kind: 'reference', bound: 'exact', year: best, at }
    : { kind: 'reference', bound: 'exact', year: best, at, host }
}

/** The strongest `notAfter` anchor, by {@link END_BOUND_PRIORITY} (latest instant on a tie). */
export function strongestEndBound(anchors: readonly Anchor[]): Anchor | undefined {
  let best: Anchor | undefined
  let rank = Number.POSITIVE_INFINITY
  for (const a of anchors) {
    if (a.bound !== 'notAfter' || a.epochMs === undefined) continue
    const r = END_BOUND_PRIORITY.indexOf(a.kind)
    if (r < rank || (r === rank && a.epochMs > (best?.epochMs ?? 0))) {
      best = a
      rank = r
    }
  }
  return best
}

/** The latest `notBefore` anchor. */
export function latestStartBound(anchors: readonly Anchor[]): Anchor | undefined {
  let best: Anchor | undefined
  for (const a of anchors) {
    if (a.bound === 'notBefore' && a.epochMs !== undefined && a.epochMs > (best?.epochMs ?? -Infinity))
      best = a
  }
  return best
}

/** Position (366-day calendar seconds) of an exact anchor's line. */
export function anchorPosition(at: AnchorLine): number {
  return position(at.month, at.day, at.hour, at.minute, at.second)
}
