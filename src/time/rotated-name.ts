/**
 * What a log file's name says about its place in a rotated set and about its dates:
 * `maillog.1`, `maillog.2.gz` (numbered: higher is older), `maillog-20250107.gz`,
 * `mail.log-20240101` (logrotate `dateext`: the rotation day), `mailbox.log.2020-09-29.gz`
 * (log4j `filePattern`: the day the lines were written). A date in the name is an end bound:
 * the file's last line is before the end of that day. Pure string work; the caller gives the
 * zone the date is read in.
 *
 * @module
 */

import { isValidParts } from '../envelope/stamp.js'
import type { Anchor } from './anchors.js'
import { sharedZoneResolver } from './zone.js'

/** A file name taken apart. */
export interface RotatedName {
  /** The live file's name (`maillog` for `/var/log/maillog-20250107.gz`). */
  readonly base: string
  /** Rotation number (`maillog.2.gz` → 2), higher is older. */
  readonly index?: number
  /** Date in the name (`maillog-20250107` → 2025-01-07; an hour when the name has one). */
  readonly date?: {
    readonly year: number
    readonly month: number
    readonly day: number
    readonly hour?: number
  }
  /** Compression suffix, without the dot. */
  readonly compression?: string
}

const COMPRESSION = /\.(gz|bz2|xz|zst|Z|lz4)$/
const COMPACT_DATE = /^(.+?)[-._](\d{4})(\d{2})(\d{2})(\d{2})?(?:\d{2}){0,2}$/
const DASHED_DATE = /^(.+?)[-._](\d{4})-(\d{2})-(\d{2})(?:[-_T.](\d{2})(?:[-:]?\d{2}){0,2})?$/
const NUMBERED = /^(.+)\.(\d{1,4})$/

function baseName(path: string): string {
  const k = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return k >= 0 ? path.slice(k + 1) : path
}

/**
 * Takes a (rotated) log file name apart.
 *
 * @example
 * parseRotatedName('/var/log/maillog-20250107.gz')
 * //=> { base: 'maillog', date: { year: 2025, month: 1, day: 7 }, compression: 'gz' }
 * parseRotatedName('maillog.2.gz') //=> { base: 'maillog', index: 2, compression: 'gz' }
 */
export function parseRotatedName(path: string): RotatedName {
  let name = baseName(path)
  const c = COMPRESSION.exec(name)
  const compression = c ? c[1] : undefined
  if (c) name = name.slice(0, c.index)
  const m = COMPACT_DATE.exec(name) ?? DASHED_DATE.exec(name)
  if (m) {
    const year = Number(m[2])
    const month = Number(m[3])
    const day = Number(m[4])
    const hour = m[5] === undefined ? undefined : Number(m[5])
    if (year >= 1970 && year <= 2200 && isValidParts(year, month, day, hour ?? 0, 0, 0)) {
      const date = hour === undefined ? { year, month, day } : { year, month, day, hour }
      return compression === undefined ? { base: m[1]!, date } : { base: m[1]!, date, compression }
    }
  }
  const n = NUMBERED.exec(name)
  if (n) {
    const index = Number(n[2])
    return compression === undefined ? { base: n[1]!, index } : { base: n[1]!, index, compression }
  }
  return compression === undefined ? { base: name } : { base: name, compression }
}

/**
 * End bound from a date in a file name: the last line is before the end of that day (or hour)
 * in `zone`. No date, no anchor.
 *
 * @example
 * anchorsFromFileName('maillog-20250107.gz', 'UTC')
 * //=> [{ kind: 'rotatedName', bound: 'notAfter', epochMs: 1736294400000, note: 'maillog-20250107.gz' }]
 */
export function anchorsFromFileName(path: string, zone = 'UTC'): Anchor[] {
  const { date } = parseRotatedName(path)
  if (!date) return []
  const zr = sharedZoneResolver(zone)
  const start = zr.minute(date.year, date.month, date.day, date.hour ?? 0, 0).startMs
  const epochMs = start + (date.hour === undefined ? 86_400_000 : 3_600_000)
  return [{ kind: 'rotatedName', bound: 'notAfter', epochMs, note: baseName(path) }]
}

/** Rank inside a set: dated and numbered files are rotated (older), the live file comes last. */
function age(r: RotatedName): [number, number] {
  if (r.date) {
    const d = r.date
    return [0, ((d.year * 13 + d.month) * 32 + d.day) * 24 + (d.hour ?? 0)]
  }
  if (r.index !== undefined) return [1, -r.index]
  return [2, 0]
}

/**
 * Orders file names of rotated sets oldest first: by base name, then dated files by date,
 * then numbered files by descending number, then the live file. Returns 0 when the names
 * cannot tell (the caller breaks ties, e.g. by mtime).
 *
 * @example
 * ['maillog', 'maillog.2.gz', 'maillog.1'].sort(compareRotatedNames) //=> ['maillog.2.gz', 'maillog.1', 'maillog']
 */
export function compareRotatedNames(a: string, b: string): number {
  const ra = parseRotatedName(a)
  const rb = parseRotatedName(b)
  if (ra.base !== rb.base) return ra.base < rb.base ? -1 : 1
  const [ka, va] = age(ra)
  const [kb, vb] = age(rb)
  return ka - kb || va - vb
}
