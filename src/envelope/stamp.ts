/**
 * Timestamp scanners for syslog headers. Hand-written `charCodeAt` code: the layouts are
 * positional (fixed columns, space-padded days) and this runs once per line, so neither a
 * regex nor a date library belongs here. Values are range-checked (`Feb 30`, `24:00:00` are
 * invalid) but not resolved: that is the job of `time/`.
 *
 * @module
 */

/** A timestamp split into its written parts. */
export interface StampParts {
  /** The stamp exactly as written. */
  readonly text: string
  /** Year, when the stamp carries one (RFC 3339, `Mmm dd yyyy`). */
  readonly year?: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  /** Fraction of a second as written, including the dot (`.123456`), or `''`. */
  readonly fraction: string
  /** UTC offset as written (`Z`, `+01:00`), when the stamp carries one. */
  readonly offset?: string
  /** `false` for an impossible date or time (`Feb 30`, `24:00:00`). */
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

/** Whether a year is a leap year in the proleptic Gregorian calendar. */
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

/** Reads `.123` or `,123` (log4j) fraction digits at `i`; returns the end index. */
function fractionEnd(s: string, i: number): number {
  const c = s.charCodeAt(i)
  if ((c !== 46 && c !== 44) || !isDigit(s.charCodeAt(i + 1))) return i
  let j = i + 1
  while (isDigit(s.charCodeAt(j))) j++
  return j
}

/** Reads `hh:mm:ss` at `i` into `out` (hour, minute, second); false when absent. */
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

/**
 * Scans an RFC 3164 stamp at `start`: `Mar  1 12:00:01` (space-padded day),
 * `Mar 01 12:00:01` (Postfix postlogd), `Mar 1 12:00:01`, with optional year
 * (`Mar  1 2025 12:00:01`) and fraction (`12:00:01.123456`).
 *
 * @example
 * scanBsdStamp('Mar  1 12:00:01 mx1 postfix/smtpd[1]: x', 0)?.parts.day //=> 1
 */
export function scanBsdStamp(s: string, start: number): StampScan | undefined {
  const month = MONTHS.get(s.slice(start, start + 3))
  if (month === undefined || s.charCodeAt(start + 3) !== 32) return undefined
  let i = start + 4
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
  const end = fractionEnd(s, i)
  const text = s.slice(start, end)
  const fraction = end > i ? '.' + s.slice(i + 1, end) : ''
  const valid = isValidParts(year, month, day, hour, minute, second)
  const parts: StampParts =
    year === undefined
      ? { text, month, day, hour, minute, second, fraction, valid }
      : { text, year, month, day, hour, minute, second, fraction, valid }
  return { parts, end }
}

/**
 * Scans an RFC 3339 stamp at `start`: `2025-03-01T12:00:01.123456+01:00` or `…Z`.
 * A stamp without offset is accepted (`offset` absent). With `sep` set to a space it reads
 * log4j stamps (`2020-09-29 10:00:01,123`).
 *
 * @example
 * scanIsoStamp('2025-03-01T12:00:01Z mx1 x', 0)?.parts.offset //=> 'Z'
 */
export function scanIsoStamp(s: string, start: number, sep = 84 /* T */): StampScan | undefined {
  const year = digits(s, start, 4)
  const month = digits(s, start + 5, 2)
  const day = digits(s, start + 8, 2)
  if (
    year < 0 ||
    month < 0 ||
    day < 0 ||
    s.charCodeAt(start + 4) !== 45 ||
    s.charCodeAt(start + 7) !== 45 ||
    s.charCodeAt(start + 10) !== sep
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
  const c = s.charCodeAt(end)
  if (c === 90 /* Z */) {
    offset = 'Z'
    end++
  } else if (
    (c === 43 || c === 45) &&
    digits(s, end + 1, 2) >= 0 &&
    s.charCodeAt(end + 3) === 58 &&
    digits(s, end + 4, 2) >= 0
  ) {
    offset = s.slice(end, end + 6)
    end += 6
  }
  const text = s.slice(start, end)
  const valid = isValidParts(year, month, day, hour, minute, second)
  const parts: StampParts =
    offset === undefined
      ? { text, year, month, day, hour, minute, second, fraction, valid }
      : { text, year, month, day, hour, minute, second, fraction, offset, valid }
  return { parts, end }
}
