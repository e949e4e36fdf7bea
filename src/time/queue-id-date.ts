/**
 * The date inside a Sendmail queue id, as a year anchor. Since 8.12 `assign_queueid()`
 * (`sendmail/queue.c`) builds ids as `YMDhmsS` + a 5-digit pid from `gmtime()` of the time the
 * envelope was created, each field one character of
 * `0-9A-Za-x` (60 symbols): year since 1900 modulo 60, month 0–11, day, hour, minute, second,
 * then a sequence character — `u0TGhZEe012345` was created 2016-01-29T16:43:35Z. The line
 * that logs the id was written at or after that moment, so the id dates the line's year.
 * Older Sendmail versions used other layouts; ids that do not decode give no anchor.
 *
 * @module
 */

import type { StampParts } from '../envelope/stamp.js'
import { type Anchor, referenceAnchor } from './anchors.js'

const SYMBOLS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx'

/**
 * The creation instant (epoch ms) encoded in a Sendmail queue id, taking the year (known only
 * modulo 60) nearest to `nearYear`; `undefined` when the id does not decode.
 *
 * @example
 * new Date(sendmailQueueIdTime('u0TGhZEe012345', 2025)!).toISOString() //=> '2016-01-29T16:43:35.000Z'
 */
export function sendmailQueueIdTime(queueId: string, nearYear: number): number | undefined {
  if (!/^[0-9A-Za-x]{8}\d{5,6}$/.test(queueId)) return undefined
  const v = [...queueId.slice(0, 6)].map((c) => SYMBOLS.indexOf(c))
  const [y, mo, d, h, mi, s] = v as [number, number, number, number, number, number]
  if (mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined
  const base = 1900 + y
  const year = base + 60 * Math.round((nearYear - base) / 60)
  const ms = Date.UTC(year, mo, d, h, mi, s)
  return new Date(ms).getUTCDate() === d ? ms : undefined
}

/**
 * A reference anchor from a Sendmail queue id on a year-less line read in `zone`: the line's
 * year is the one putting it nearest after the id's creation time.
 *
 * @example
 * sendmailQueueIdAnchor('u0TGhZEe012345', parseSyslogStamp('Jan 29 17:43:36')!.parts, 'Europe/Berlin', 2025)
 * //=> { kind: 'reference', bound: 'exact', year: 2016, at: { month: 1, day: 29, hour: 17, minute: 43, second: 36 } }
 */
export function sendmailQueueIdAnchor(
  queueId: string,
  line: StampParts,
  zone: string,
  nearYear: number,
  host?: string,
): Anchor | undefined {
  const created = sendmailQueueIdTime(queueId, nearYear)
  return created === undefined ? undefined : referenceAnchor(line, created, zone, host)
}
