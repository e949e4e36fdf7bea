/**
 * Resolves header stamps to ISO 8601 instants with an offset.
 *
 * Year-less stamps get their year per host: the first line takes the caller's year, or the
 * year of the reference date (the previous year when its month lies after the reference
 * month); afterwards a month that goes back by two or more is a new year (`Dec` → `Jan`),
 * while a step back of one month is taken as out-of-order lines, not a rollover.
 * The world comes in as arguments (zone, reference date): nothing reads the clock here.
 * Zone offsets come from luxon, cached per local minute, so luxon runs a few thousand times
 * per day of log, not once per line.
 *
 * @module
 */

import { DateTime, IANAZone } from 'luxon'
import { isLeapYear, type StampParts } from '../envelope/stamp.js'

/** How to resolve stamps that carry no year or no offset. */
export interface ClockOptions {
  /** Year of the first year-less line of each host. */
  readonly year?: number
  /** IANA zone of year-less and offset-less stamps; default: the system zone. */
  readonly zone?: string
  /** Date the log is read relative to (default: now); the first line is not after it. */
  readonly referenceDate?: Date | string
}

/** Turns stamp parts into ISO 8601 text; keeps per-host year state. */
export interface Clock {
  /** The IANA zone in use. */
  readonly zone: string
  /** ISO 8601 with offset, or `undefined` when the stamp is invalid. */
  resolve(host: string, parts: StampParts): string | undefined
}

interface HostYear {
  year: number
  month: number
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n))

/** The system's IANA zone, as the runtime reports it. */
export function systemZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/**
 * Creates a clock. Throws for an unknown zone, a bad year or an unparsable reference date
 * (caller errors, named in the message).
 *
 * @example
 * const clock = createClock({ year: 2024, zone: 'Europe/Paris' })
 * clock.resolve('mx1', scanBsdStamp('Dec 31 23:59:59', 0)!.parts) //=> '2024-12-31T23:59:59+01:00'
 * clock.resolve('mx1', scanBsdStamp('Jan  1 00:00:01', 0)!.parts) //=> '2025-01-01T00:00:01+01:00'
 */
export function createClock(options: ClockOptions = {}): Clock {
  const zone = options.zone ?? systemZone()
  if (zone !== 'UTC' && !IANAZone.isValidZone(zone)) throw new Error(`zone: unknown time zone "${zone}"`)
  if (
    options.year !== undefined &&
    !(Number.isInteger(options.year) && options.year > 0 && options.year < 10000)
  ) {
    throw new Error(`year: expected a four-digit year, got ${options.year}`)
  }
  const ref =
    options.referenceDate === undefined
      ? DateTime.now().setZone(zone)
      : typeof options.referenceDate === 'string'
        ? DateTime.fromISO(options.referenceDate, { zone })
        : DateTime.fromJSDate(options.referenceDate, { zone })
  if (!ref.isValid) throw new Error(`referenceDate: cannot read "${String(options.referenceDate)}"`)
  const hosts = new Map<string, HostYear>()
  const offsets = new Map<number, string>()

  function offsetAt(y: number, mo: number, d: number, h: number, mi: number): string {
    const key = (((y * 13 + mo) * 32 + d) * 24 + h) * 60 + mi
    let off = offsets.get(key)
    if (off === undefined) {
      off = DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi }, { zone }).toFormat('ZZ')
      offsets.set(key, off)
    }
    return off
  }

  function yearFor(host: string, parts: StampParts): number {
    let st = hosts.get(host)
    if (parts.year !== undefined) {
      if (st) {
        st.year = parts.year
        st.month = parts.month
      } else hosts.set(host, { year: parts.year, month: parts.month })
      return parts.year
    }
    if (!st) {
      const year = options.year ?? (parts.month > ref.month ? ref.year - 1 : ref.year)
      st = { year, month: parts.month }
      hosts.set(host, st)
    } else if (st.month - parts.month >= 2) {
      st.year++
      st.month = parts.month
    } else if (parts.month > st.month) {
      st.month = parts.month
    }
    return st.year
  }

  let lastText = ''
  let lastYear = 0
  let lastIso = ''

  return {
    zone,
    resolve(host, parts) {
      if (!parts.valid) return undefined
      if (parts.offset !== undefined) return parts.text
      const y = yearFor(host, parts)
      if (parts.text === lastText && y === lastYear) return lastIso
      if (parts.month === 2 && parts.day === 29 && !isLeapYear(y)) {
        return undefined
      }
      const iso =
        String(y).padStart(4, '0') +
        '-' +
        pad2(parts.month) +
        '-' +
        pad2(parts.day) +
        'T' +
        pad2(parts.hour) +
        ':' +
        pad2(parts.minute) +
        ':' +
        pad2(parts.second) +
        parts.fraction +
        offsetAt(y, parts.month, parts.day, parts.hour, parts.minute)
      lastText = parts.text
      lastYear = y
      lastIso = iso
      return iso
    },
  }
}

/**
 * Resolves stamps that carry their year but no offset (log4j: `2024-03-04 10:15:02,481`) in
 * `zone`. Unlike {@link Clock.resolve} it keeps no per-host year state: the year is written. Local
 * times that a DST change skips or repeats get the offset luxon chooses. Offsets are cached per
 * local minute, like the clock's.
 *
 * @example
 * const resolve = createYearResolver('Europe/Paris')
 * resolve(scanIsoStamp('2024-03-04 10:15:02,481', 0, 32)!.parts) //=> '2024-03-04T10:15:02.481+01:00'
 */
export function createYearResolver(zone: string): (parts: StampParts) => string | undefined {
  const offsets = new Map<number, string>()
  return (parts) => {
    const y = parts.year
    if (!parts.valid || y === undefined) return undefined
    if (parts.offset !== undefined) return parts.text
    const key = (((y * 13 + parts.month) * 32 + parts.day) * 24 + parts.hour) * 60 + parts.minute
    let off = offsets.get(key)
    if (off === undefined) {
      off = DateTime.fromObject(
        { year: y, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute },
        { zone },
      ).toFormat('ZZ')
      if (offsets.size > 100_000) offsets.clear()
      offsets.set(key, off)
    }
    return (
      String(y).padStart(4, '0') +
      '-' +
      pad2(parts.month) +
      '-' +
      pad2(parts.day) +
      'T' +
      pad2(parts.hour) +
      ':' +
      pad2(parts.minute) +
      ':' +
      pad2(parts.second) +
      parts.fraction +
      off
    )
  }
}
