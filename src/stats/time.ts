/**
 * When and where a fact happened: the run's host/time filter, and the hour and date a line's
 * time falls in (in the zone it was resolved in — the text is read, not converted).
 *
 * @module
 */

import { createEventMs } from '../time/event-ms.js'
import type { Stats } from './state.js'
import { bump } from './table.js'

/** Log time in ms; NaN when unresolved. */
export const timeMs: (time: string) => number = createEventMs()

/** Whether a fact at `time` on `host` passes the run's filters. */
export function selected(stats: Stats, host: string | undefined, time: string | undefined): boolean {
  if (stats.host !== undefined && host !== stats.host) return false
  if (stats.since === undefined && stats.until === undefined) return true
  if (time === undefined) return false
  const ms = timeMs(time)
  if (Number.isNaN(ms)) return false
  if (stats.since !== undefined && ms < stats.since) return false
  if (stats.until !== undefined && ms > stats.until) return false
  return true
}

/**
 * Hour of day (0–23) of a time as written: the hour of the zone the line was resolved in, or
 * of the raw stamp when unresolved; -1 when there is none.
 */
export function hourOf(time: string): number {
  const i = time.indexOf(':')
  if (i < 2) return -1
  const h = (time.charCodeAt(i - 2) - 48) * 10 + (time.charCodeAt(i - 1) - 48)
  return h >= 0 && h < 24 ? h : -1
}

/** Date (`YYYY-MM-DD`) of a resolved ISO time, undefined for raw stamps. */
export function dateOf(time: string): string | undefined {
  return time.length >= 10 && time.charCodeAt(4) === 45 && time.charCodeAt(7) === 45
    ? time.slice(0, 10)
    : undefined
}

/** Adds 1 to an hourly and a daily column for a time. */
export function perTime(stats: Stats, time: string, column: number): void {
  const h = hourOf(time)
  if (h >= 0) stats.hourly[h]![column]!++
  const d = dateOf(time)
  if (d !== undefined) bump(stats.tables.daily, d, column, 1)
}
