/**
 * Zone math: wall-clock minute → instant(s), with the per-minute cache that keeps luxon off the
 * hot path. luxon is asked once per distinct local minute, through `getPossibleOffsets()`, so a
 * repeated hour (DST fall-back) yields both instants and a skipped hour (spring-forward) is
 * detected — luxon's own overlap choice, which depends on `Settings.now`, is never used, and no
 * luxon `Settings` is read or written. Policies (which instant to take) live in `wall-time.ts`.
 *
 * @module
 */

import { DateTime, Info, type Zone } from 'luxon'
import { isoMinutePrefix, position, wallMs } from './calendar.js'

/** What a local minute is in a zone. */
export interface MinuteInfo {
  /** 0: one instant; 1: overlap (two instants, DST fall-back); 2: gap (none, spring-forward). */
  readonly kind: 0 | 1 | 2
  /** `yyyy-MM-ddTHH:mm:` of the wall time shown (for a gap: the minute moved forward). */
  readonly prefix: string
  /** Epoch ms of the minute's start: the earlier instant of an overlap, the moved-forward one of a gap. */
  readonly startMs: number
  /** Offset (minutes east of UTC) of `startMs`. */
  readonly offset: number
  /** `offset` as `+hh:mm`. */
  readonly offsetText: string
  /** The later instant of an overlap (same as `startMs` otherwise). */
  readonly laterStartMs: number
  readonly laterOffset: number
  readonly laterOffsetText: string
}

/** A wall-clock reading of an instant: year and 366-day-calendar position in seconds. */
export interface WallClock {
  readonly year: number
  readonly position: number
}

/** Wall clock ↔ instant conversion in one zone, cached per local minute. */
export interface ZoneResolver {
  /** Canonical zone name (`Europe/Berlin`, `UTC`, `UTC-5`). */
  readonly name: string
  /** `true` for fixed-offset zones (no DST). */
  readonly fixed: boolean
  /** The instant(s) of a local minute. */
  minute(year: number, month: number, day: number, hour: number, minute: number): MinuteInfo
  /** Offset in minutes at an instant. */
  offsetAt(epochMs: number): number
  /** The wall clock at an instant. */
  wallClock(epochMs: number): WallClock
}

/**
 * The system's IANA zone, as the runtime reports it. The only place the host zone is read.
 *
 * @example
 * systemZone() //~> 'Europe/Berlin'
 */
export function systemZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/**
 * Checks a zone option and returns the luxon zone. Accepts IANA names, `UTC` and fixed offsets
 * (`UTC-5`, `UTC+05:30`); `local`/`system` mean {@link systemZone}. Throws `zone: …` otherwise.
 */
export function parseZone(name: string): Zone {
  const lowered = name.toLowerCase()
  const input = lowered === 'local' || lowered === 'system' ? systemZone() : name
  const zone = lowered === 'default' ? undefined : Info.normalizeZone(input)
  if (!zone?.isValid) throw new Error(`zone: unknown time zone "${name}"`)
  return zone
}

const CACHE_LIMIT = 200_000

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0')
}

function offsetText(minutes: number): string {
  const a = Math.abs(minutes)
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`
}

function info(
  kind: 0 | 1 | 2,
  prefix: string,
  startMs: number,
  offset: number,
  laterStartMs: number,
  laterOffset: number,
): MinuteInfo {
  return {
    kind,
    prefix,
    startMs,
    offset,
    offsetText: offsetText(offset),
    laterStartMs,
    laterOffset,
    laterOffsetText: offsetText(laterOffset),
  }
}

/**
 * Creates a resolver for one zone. Throws for an unknown zone (a caller error).
 *
 * @example
 * const ny = createZoneResolver('America/New_York')
 * ny.minute(2024, 11, 3, 1, 30).kind   //=> 1 (overlap)
 * ny.minute(2024, 3, 10, 2, 30).kind   //=> 2 (gap)
 * ny.minute(2024, 3, 10, 2, 30).prefix //=> '2024-03-10T03:30:'
 */
export function createZoneResolver(zoneName: string): ZoneResolver {
  const zone = parseZone(zoneName)
  const fixed = zone.isUniversal
  const fixedOffset = fixed ? zone.offset(0) : 0
  const cache = new Map<number, MinuteInfo>()
  /** Per local hour: its offset when no transition lies within a day of it, else NaN. */
  const hours = new Map<number, number>()
  let lastKey = -1
  let last: MinuteInfo | undefined

  /** The offset of a whole local hour, or NaN near a transition (then each minute asks luxon). */
  function plainHourOffset(hourKey: number, local: number): number {
    let o = hours.get(hourKey)
    if (o === undefined) {
      const before = zone.offset(local - 86_400_000)
      const after = zone.offset(local + 86_400_000)
      o = before === after && zone.offset(local - before * 60000) === before ? before : Number.NaN
      if (hours.size >= CACHE_LIMIT) hours.clear()
      hours.set(hourKey, o)
    }
    return o
  }

  function compute(key: number, y: number, mo: number, d: number, h: number, mi: number): MinuteInfo {
    const local = wallMs(y, mo, d, h, mi, 0)
    const prefix = isoMinutePrefix(y, mo, d, h, mi)
    const plain = fixed ? fixedOffset : plainHourOffset(key - mi, local - mi * 60000)
    if (!Number.isNaN(plain)) {
      const s = local - plain * 60000
      return info(0, prefix, s, plain, s, plain)
    }
    const dt = DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi }, { zone })
    const possible = dt.getPossibleOffsets()
    if (possible.length >= 2) {
      const [a, b] = [...possible].sort((p, q) => p.toMillis() - q.toMillis())
      return info(1, prefix, a!.toMillis(), a!.offset, b!.toMillis(), b!.offset)
    }
    if (dt.minute !== mi || dt.hour !== h || dt.day !== d || dt.month !== mo || dt.year !== y) {
      // Skipped wall time: luxon resolves it with the offset in force before the gap, which
      // shows as the same minute moved forward by the gap (02:30 → 03:30 EDT).
      const shifted = isoMinutePrefix(dt.year, dt.month, dt.day, dt.hour, dt.minute)
      return info(2, shifted, dt.toMillis(), dt.offset, dt.toMillis(), dt.offset)
    }
    const s = local - dt.offset * 60000
    return info(0, prefix, s, dt.offset, s, dt.offset)
  }

  function offsetAt(epochMs: number): number {
    return fixed ? fixedOffset : zone.offset(epochMs)
  }

  return {
    name: zone.name,
    fixed,
    minute(y, mo, d, h, mi) {
      const key = (((y * 13 + mo) * 32 + d) * 24 + h) * 60 + mi
      if (key === lastKey) return last!
      let m = cache.get(key)
      if (m === undefined) {
        if (cache.size >= CACHE_LIMIT) cache.clear()
        m = compute(key, y, mo, d, h, mi)
        cache.set(key, m)
      }
      lastKey = key
      last = m
      return m
    },
    offsetAt,
    wallClock(epochMs) {
      const d = new Date(epochMs + offsetAt(epochMs) * 60000)
      return {
        year: d.getUTCFullYear(),
        position: position(
          d.getUTCMonth() + 1,
          d.getUTCDate(),
          d.getUTCHours(),
          d.getUTCMinutes(),
          d.getUTCSeconds(),
        ),
      }
    },
  }
}

const shared = new Map<string, ZoneResolver>()

/** A resolver shared by one-off calls (live resolution, reference anchors); at most 64 zones. */
export function sharedZoneResolver(zoneName: string): ZoneResolver {
  let r = shared.get(zoneName)
  if (!r) {
    if (shared.size >= 64) shared.clear()
    r = createZoneResolver(zoneName)
    shared.set(zoneName, r)
  }
  return r
}
