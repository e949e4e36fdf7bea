/**
 * The integration adapter: user-facing options in, a streaming {@link YearInferrer} out.
 * This is what a push parser calls — one `push` per line with the line's stream key, stamp
 * and the event as payload; events come back through `emit`, in input order, with their
 * resolved time. It reads the clock once, for `now`, when the caller does not pass it.
 *
 * @module
 */

import { DAY_SEC } from './calendar.js'
import { createYearInferrer, type YearInferrer } from './inferrer.js'
import { checkCount, checkInstant, checkPolicy, checkYear, checkZone, type TimeOptions } from './options.js'
import type { ResolvedTime } from './resolved.js'

/** Options of {@link createTimeline}. */
export interface TimelineOptions extends TimeOptions {
  /** The current time (Date, ISO text or epoch ms): the end bound of last resort. Default: read once at creation. */
  readonly now?: Date | string | number
  /** A step back of more than this is a candidate rollover (ms; default 7 days). */
  readonly backStepMs?: number
  /** Lines that must also step back before a candidate counts as a rollover (default 2). */
  readonly confirm?: number
  /** How far a line may lie after an end bound (ms; default 1 day). */
  readonly maxFutureSkewMs?: number
  /**
   * Most lines held at once while years are unsettled (default 100 000). When exceeded, the
   * stream at the head is settled with the evidence seen so far. `Infinity` holds a whole
   * source until its end, which gives the exact answer for any file.
   */
  readonly maxHold?: number
}

/** What {@link createTimeline} returns: a streaming {@link YearInferrer}. */
export type Timeline<T> = YearInferrer<T>

/** Default `maxHold`. */
export const DEFAULT_MAX_HOLD = 100_000

/**
 * Creates a timeline: a streaming year inferrer with checked options. Throws for bad options,
 * naming the option.
 *
 * @example
 * const events: string[] = []
 * const tl = createTimeline({ zone: 'Europe/Berlin', now: '2025-01-03T00:00:00Z' },
 *   (time, line: string) => events.push(`${time?.iso} ${line}`))
 * tl.source('maillog', { anchors: anchorsFromFileName('maillog-20250102', 'Europe/Berlin') })
 * tl.push({ source: 'maillog', host: 'mx1' }, parseSyslogStamp('Dec 31 23:59:59')!.parts, 'a')
 * tl.push({ source: 'maillog', host: 'mx1' }, parseSyslogStamp('Jan  1 00:00:01')!.parts, 'b')
 * tl.end()
 * events //=> ['2024-12-31T23:59:59+01:00 a', '2025-01-01T00:00:01+01:00 b']
 */
export function createTimeline<T>(
  options: TimelineOptions,
  emit: (time: ResolvedTime | undefined, payload: T) => void,
): Timeline<T> {
  const { zone, zoneSource } = checkZone(options.zone)
  return createYearInferrer<T>(
    {
      zone,
      zoneSource,
      now: options.now === undefined ? Date.now() : checkInstant('now', options.now, zone),
      year: checkYear(options.year),
      referenceDate:
        options.referenceDate === undefined
          ? undefined
          : checkInstant('referenceDate', options.referenceDate, zone),
      anchors: options.anchors ?? [],
      policy: checkPolicy(options, 'monotonic'),
      backStepMs: checkCount('backStepMs', options.backStepMs, 7 * DAY_SEC * 1000),
      confirm: checkCount('confirm', options.confirm, 2),
      maxFutureSkewMs: checkCount('maxFutureSkewMs', options.maxFutureSkewMs, DAY_SEC * 1000),
      maxHold: checkCount('maxHold', options.maxHold, DEFAULT_MAX_HOLD),
    },
    emit,
  )
}
