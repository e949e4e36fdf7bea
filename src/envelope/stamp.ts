/**
 * Timestamp scanners for syslog and log4j headers. Hand-written `charCodeAt` code: the layouts
 * are positional (fixed columns, space-padded days) and this runs once per line, so neither a
 * regex nor a date library belongs here. Values are range-checked (`Feb 30`, `Jun 31`,
 * `24:00:00` are invalid, never rolled over) but not resolved: years, zones and DST are the job
 * of `time/`.
 *
 * Layouts read:
 * - RFC 3164 `Dec  5 09:28:42`, postlogd `Dec 05 09:28:42`, `Dec 5 09:28:42`;
 * - with a weekday `Thu Dec  5 09:28:42` (and the ctime form `Thu Dec  5 09:28:42 2024`);
 * - with a year `Dec  5 2024 09:28:42` (Cisco, rsyslog `date-rfc3164-buggyday` variants);
 * - fractions `.1` … `.123456789` and log4j's `,123`;
 * - RFC 3339 / RFC 5424 `2024-12-05T09:28:42.123456+01:00`, `…Z`, `…+0100`;
 * - log4j `2024-12-05 09:28:42,123` (no offset).
 *
 * @module
 */

/** A timestamp split into its written parts. */
export interface StampParts {
  /** The stamp exactly as written. */
  readonly text: string
  /** Year, when the stamp carries one (RFC 3339, log4j, `Mmm dd yyyy`, ctime). */
  readonly year?: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  /** 0–60; 60 is a leap second, kept for `time/` to clamp or reject. */
  readonly second: number
  /** Fraction of a second as written, with `.` for `.` or `,` (`.123456`), or `''`. */
  readonly fraction: string
  /** UTC offset as written (`Z`, `+01:00`, `+0100`), when the stamp carries one. */
  readonly offset?: string
  /** The offset in minutes east of UTC, when the stamp carries one. */
  readonly offsetMinutes?: number
  /** ISO weekday (1 = Monday … 7 = Sunday), when the stamp starts with one (`Thu Dec  5`). */
  readonly weekday?: number
  /** `false` for an impossible date or time (`Feb 30`, `24:00:00`, offset `+25:00`). */
  readonly valid: boolean
}

/** Result of a scan: the parts and the index just past the stamp. */
export interface StampScan {
  readonly parts: StampParts
  readonly end: number
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['Jan', 1],
  ['Feb', 2],
  ['Mar', 3],
  ['Apr', 4],
  ['May', 5],
  ['Jun', 6],
  ['Jul', 7],
  ['Aug', 8],
  ['Sep', 9],
  ['Oct', 10],
  ['Nov', 11],
  ['Dec', 12],
])

const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['Mon', 1],
  ['Tue', 2],
  ['Wed', 3],
  ['Thu', 4],
  ['Fri', 5],
  ['Sat', 6],
  ['Sun', 7],
])

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isDigit = (c: number): boolean => c >= 48 && c <= 57

/** Reads `n` digits at `i`, or -1. */
function digits(s: string, i: number, n: number): number {
  let v = 0
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k)
    if (!isDigit(c)) return -1
    v = v * 10 + c - 48
  }
  return v
}

/**
 * Whether a year is a leap year in the proleptic Gregorian calendar.
 *
 * @example
 * isLeapYear(2024) //=> true
 * isLeapYear(2100) //=> false
 */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

/** Day, hour, minute and second in range; Feb 29 needs a leap year only when the year is known. */
export function isValidParts(
  year: number | undefined,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false
  if (day > (DAYS_IN_MONTH[month] ?? 0)) return false
  return !(month === 2 && day === 29 && year !== undefined && !isLeapYear(year))
}

/**
 * Reads `.123` or `,123` (log4j) fraction digits at `i`; returns the end index.
 *   09:28:42.123456 host
 *           ^ i
 */
function fractionEnd(s: string, i: number): number {
  const c = s.charCodeAt(i)
  if ((c !== 46 && c !== 44) || !isDigit(s.charCodeAt(i + 1))) return i
  let j = i + 1
  while (isDigit(s.charCodeAt(j))) j++
  return j
}

/**
 * Reads `hh:mm:ss` at `i` into `out` (hour, minute, second); false when absent.
 *   Dec  5 09:28:42
 *          ^ i
 */
function clock(s: string, i: number, out: number[]): boolean {
  const h = digits(s, i, 2)
  const m = digits(s, i + 3, 2)
  const sec = digits(s, i + 6, 2)
  if (h < 0 || m < 0 || sec < 0 || s.charCodeAt(i + 2) !== 58 || s.charCodeAt(i + 5) !== 58) return false
  out[0] = h
  out[1] = m
  out[2] = sec
  return true
}

const hms = [0, 0, 0]

/** All parts objects share one shape (one hidden class for the hot path). */
function makeParts(
  text: string,
  year: number | undefined,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string,
  offset: string | undefined,
  offsetMinutes: number | undefined,
  weekday: number | undefined,
  valid: boolean,
): StampParts {
  return { text, year, month, day, hour, minute, second, fraction, offset, offsetMinutes, weekday, valid }
}

/**
 * Reads a trailing ` yyyy` after the time of a ctime stamp (`Thu Dec  5 09:28:42 2024`); only
 * asked when the stamp began with a weekday, so a host named `2024` is not taken for a year.
 *   Thu Dec  5 09:28:42 2024 host
 *                      ^ i
 */
function ctimeYear(s: string, i: number): number {
  if (s.charCodeAt(i) !== 32) return -1
  const y = digits(s, i + 1, 4)
  if (y < 0) return -1
  const after = s.charCodeAt(i + 5)
  return after === 32 || Number.isNaN(after) ? y : -1
}

/**
 * Scans an RFC 3164 stamp at `start`: `Mar  1 12:00:01` (space-padded day),
 * `Mar 01 12:00:01` (Postfix postlogd), `Mar 1 12:00:01`, with an optional weekday
 * (`Sat Mar  1 12:00:01`), year (`Mar  1 2025 12:00:01`, or after the time when a weekday
 * leads) and fraction (`12:00:01.123456`, `12:00:01,123`).
 *
 * @example
 * scanBsdStamp('Mar  1 12:00:01 mx1 postfix/smtpd[1]: x', 0)?.parts.day //=> 1
 * scanBsdStamp('Thu Dec  5 09:28:42 mx1 x: y', 0)?.parts.weekday      //=> 4
 * scanBsdStamp('Feb 30 12:00:00 mx1 x: y', 0)?.parts.valid            //=> false
 */
export function scanBsdStamp(s: string, start: number): StampScan | undefined {
  let i = start
  let month = MONTHS.get(s.slice(i, i + 3))
  let weekday: number | undefined
  if (month === undefined) {
    weekday = WEEKDAYS.get(s.slice(i, i + 3))
    if (weekday === undefined || s.charCodeAt(i + 3) !== 32) return undefined
    i += 4
    month = MONTHS.get(s.slice(i, i + 3))
    if (month === undefined) return undefined
  }
  if (s.charCodeAt(i + 3) !== 32) return undefined
  i += 4
  let day: number
  const c0 = s.charCodeAt(i)
  if (c0 === 32) {
    day = digits(s, i + 1, 1)
    i += 2
  } else if (isDigit(c0) && isDigit(s.charCodeAt(i + 1))) {
    day = digits(s, i, 2)
    i += 2
  } else {
    day = digits(s, i, 1)
    i += 1
  }
  if (day < 0 || s.charCodeAt(i) !== 32) return undefined
  i++
  let year: number | undefined
  if (s.charCodeAt(i + 4) === 32 && isDigit(s.charCodeAt(i + 3))) {
    const y = digits(s, i, 4)
    if (y < 0) return undefined
    year = y
    i += 5
  }
  if (!clock(s, i, hms)) return undefined
  const hour = hms[0]!
  const minute = hms[1]!
  const second = hms[2]!
  i += 8
  let end = fractionEnd(s, i)
  const fraction = end > i ? '.' + s.slice(i + 1, end) : ''
  if (weekday !== undefined && year === undefined) {
    const y = ctimeYear(s, end)
    if (y >= 0) {
      year = y
      end += 5
    }
  }
  const text = s.slice(start, end)
  const valid = isValidParts(year, month, day, hour, minute, second)
  return {
    parts: makeParts(
      text,
      year,
      month,
      day,
      hour,
      minute,
      second,
      fraction,
      undefined,
      undefined,
      weekday,
      valid,
    ),
    end,
  }
}

/**
 * Reads an RFC 3339 offset at `i` into `off` ([minutes, end]); `Z`, `z`, `+hh:mm`, `+hhmm`.
 *   2025-03-01T12:00:01.5+01:00 host
 *                        ^ i
 */
function offsetAt(s: string, i: number, off: number[]): boolean {
  const c = s.charCodeAt(i)
  if (c === 90 /* Z */ || c === 122 /* z */) {
    off[0] = 0
    off[1] = i + 1
    return true
  }
  if (c !== 43 && c !== 45) return false
  const h = digits(s, i + 1, 2)
  if (h < 0) return false
  const colon = s.charCodeAt(i + 3) === 58 ? 1 : 0
  const m = digits(s, i + 3 + colon, 2)
  if (m < 0) return false
  // An out-of-range offset (`+25:00`) is read, so the stamp ends in the right place, and marked NaN.
  off[0] = h <= 23 && m <= 59 ? (c === 45 ? -1 : 1) * (h * 60 + m) : Number.NaN
  off[1] = i + 5 + colon
  return true
}

const off = [0, 0]

/**
 * Scans an RFC 3339 stamp at `start`: `2025-03-01T12:00:01.123456+01:00`, `…Z`, `…+0100`.
 * A stamp without offset is accepted (`offset` absent). With `sep` set to a space (32) it reads
 * log4j stamps (`2020-09-29 10:00:01,123`; see {@link scanLog4jStamp}).
 *
 * @example
 * scanIsoStamp('2025-03-01T12:00:01Z mx1 x', 0)?.parts.offset            //=> 'Z'
 * scanIsoStamp('2025-03-01T12:00:01.5-05:00 mx1 x', 0)?.parts.offsetMinutes //=> -300
 */
export function scanIsoStamp(s: string, start: number, sep = 84 /* T */): StampScan | undefined {
  const year = digits(s, start, 4)
  const month = digits(s, start + 5, 2)
  const day = digits(s, start + 8, 2)
  const c10 = s.charCodeAt(start + 10)
  if (
    year < 0 ||
    month < 0 ||
    day < 0 ||
    s.charCodeAt(start + 4) !== 45 ||
    s.charCodeAt(start + 7) !== 45 ||
    (c10 !== sep && !((sep === 84 && c10 === 116) /* t */))
  ) {
    return undefined
  }
  if (!clock(s, start + 11, hms)) return undefined
  const hour = hms[0]!
  const minute = hms[1]!
  const second = hms[2]!
  const i = start + 19
  let end = fractionEnd(s, i)
  const fraction = end > i ? '.' + s.slice(i + 1, end) : ''
  let offset: string | undefined
  let offsetMinutes: number | undefined
  if (offsetAt(s, end, off)) {
    offset = s.slice(end, off[1]!)
    offsetMinutes = off[0]!
    end = off[1]!
  }
  const text = s.slice(start, end)
  const valid =
    isValidParts(year, month, day, hour, minute, second) &&
    (offsetMinutes === undefined || !Number.isNaN(offsetMinutes))
  return {
    parts: makeParts(
      text,
      year,
      month,
      day,
      hour,
      minute,
      second,
      fraction,
      offset,
      offsetMinutes,
      undefined,
      valid,
    ),
    end,
  }
}

/**
 * Scans a log4j stamp at `start` (Zimbra `mailbox.log`, `audit.log`): `2024-12-05 09:28:42,123`.
 * It carries a year but no zone: the JVM's zone applies.
 *
 * @example
 * scanLog4jStamp('2024-12-05 09:28:42,123 INFO  [main] x', 0)?.parts.fraction //=> '.123'
 */
export function scanLog4jStamp(s: string, start: number): StampScan | undefined {
  return scanIsoStamp(s, start, 32)
}

/**
 * Reads the stamp at the start of a line or a bare stamp: an optional `<PRI>` (and RFC 5424
 * version `1 `), then any layout above. Returns `null` when there is no stamp, when it is
 * followed by something other than a space or the end, or when it is impossible
 * (`Feb 30`, `Jun 31`, `24:00:00`) — never a rolled-over date.
 *
 * @example
 * parseSyslogStamp('<34>Dec  5 09:28:42 mx1 x: y')?.parts.day //=> 5
 * parseSyslogStamp('Jun 31 10:00:00')                       //=> null
 * parseSyslogStamp('Foo  1 10:00:00')                       //=> null
 */
export function parseSyslogStamp(s: string): StampScan | null {
  let i = 0
  if (s.charCodeAt(0) === 60 /* < */) {
    let j = 1
    while (j < 5 && isDigit(s.charCodeAt(j))) j++
    if (j === 1 || s.charCodeAt(j) !== 62) return null
    i = j + 1
    if (s.charCodeAt(i) === 49 && s.charCodeAt(i + 1) === 32) i += 2
  }
  const scan = isDigit(s.charCodeAt(i)) ? (scanIsoStamp(s, i) ?? scanLog4jStamp(s, i)) : scanBsdStamp(s, i)
  if (!scan?.parts.valid) return null
  if (scan.end < s.length && s.charCodeAt(scan.end) !== 32) return null
  return scan
}
