/**
 * Calendar arithmetic without a date library: positions inside a year, weekdays, leap years.
 *
 * A *position* is the number of seconds since Jan 1 00:00:00 in a 366-day calendar, so that
 * `Feb 29` has a slot whatever the year and positions of year-less stamps can be compared before
 * their year is known. Zones are not involved: positions are wall-clock times as written.
 *
 * @module
 */

import { isLeapYear } from '../envelope/stamp.js'

export { isLeapYear }

/** Seconds in a day. */
export const DAY_SEC = 86400

/** Seconds in the 366-day calendar year that positions live in. */
export const YEAR_SEC = 366 * DAY_SEC

/** Days before the first of each month (1-based) in a leap year. */
const DAYS_BEFORE = [0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335]

/**
 * Wall-clock position of a month/day/time in the 366-day calendar, in seconds.
 *
 * @example
 * position(1, 1, 0, 0, 0)      //=> 0
 * position(3, 1, 0, 0, 0) / 86400 //=> 60 (Feb 29 has slot 59 in every year)
 */
export function position(month: number, day: number, hour: number, minute: number, second: number): number {
  return ((DAYS_BEFORE[month]! + day - 1) * 24 + hour) * 3600 + minute * 60 + second
}

/** Days in a month of a given year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2
    ? isLeapYear(year)
      ? 29
      : 28
    : [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!
}

/**
 * ISO weekday (1 = Monday … 7 = Sunday) of a date, in the proleptic Gregorian calendar.
 *
 * @example
 * weekdayOf(2024, 12, 5) //=> 4 (Thursday)
 */
export function weekdayOf(year: number, month: number, day: number): number {
  // Sakamoto's method; 0 = Sunday.
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
  const y = month < 3 ? year - 1 : year
  const w = (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[month - 1]! + day) % 7
  return w === 0 ? 7 : w
}

/** Milliseconds since the epoch of a wall-clock time read as UTC (no zone involved). */
export function wallMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const ms = Date.UTC(year, month - 1, day, hour, minute, second)
  // Date.UTC maps years 0–99 to 1900–1999.
  return year < 100 ? new Date(ms).setUTCFullYear(year) : ms
}

/** Leap years nearest to `year`, below and above (for alternatives of a `Feb 29` line). */
export function nearestLeapYears(year: number): number[] {
  let lo = year - 1
  while (!isLeapYear(lo)) lo--
  let hi = year + 1
  while (!isLeapYear(hi)) hi++
  return [lo, hi]
}

/** Years nearest to `year`, below and above, where month/day falls on `weekday`. */
export function nearestWeekdayYears(year: number, month: number, day: number, weekday: number): number[] {
  const out: number[] = []
  for (let y = year - 1; y >= year - 40; y--) {
    if ((month !== 2 || day !== 29 || isLeapYear(y)) && weekdayOf(y, month, day) === weekday) {
      out.push(y)
      break
    }
  }
  for (let y = year + 1; y <= year + 40; y++) {
    if ((month !== 2 || day !== 29 || isLeapYear(y)) && weekdayOf(y, month, day) === weekday) {
      out.push(y)
      break
    }
  }
  return out
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n))

/** `yyyy-MM-ddTHH:mm:` for a wall-clock minute: the cached head of an ISO string. */
export function isoMinutePrefix(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): string {
  const y = year >= 0 && year < 10000 ? String(year).padStart(4, '0') : String(year)
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:`
}

/** Two-digit seconds, from a table (hot path). */
export const SECONDS: readonly string[] = Array.from({ length: 61 }, (_, i) => pad2(i))

/**
 * Offset in minutes as ISO 8601 text.
 *
 * @example
 * formatOffset(60)   //=> '+01:00'
 * formatOffset(-210) //=> '-03:30'
 */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const a = Math.abs(minutes)
  return `${sign}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`
}
