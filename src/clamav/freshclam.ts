/**
 * freshclam lines: the verdict per database (`updated` / `up-to-date`, with version, signature
 * count, functionality level and builder) and, before 0.102, the summary naming the mirror;
 * every other non-empty line is `clamav.freshclam.message`.
 *
 * @module
 */

import type { ClamavEvent, FreshclamUpdate } from '../events/index.js'
import { build, type Specific } from '../grammar/build.js'
import { type Base, int } from './base.js'

type Fields = { -readonly [K in keyof Specific<'clamav.freshclam.update', Base>]: FreshclamUpdate[K] }

/** Reads `version: 27561, sigs: 2071522, f-level: 90, builder: raynman` into `f`. */
function details(list: string, f: Fields): void {
  let custom = false
  for (const item of list.split(', ')) {
    const sep = item.indexOf(': ')
    if (sep < 0) continue
    const value = item.slice(sep + 2)
    switch (item.slice(0, sep)) {
      case 'version':
        if (value === 'custom database') custom = true
        else f.version = int(value)
        break
      case 'sigs':
        f.signatures = int(value)
        break
      case 'f-level':
        f.fLevel = int(value)
        break
      case 'builder':
        f.builder = value
        break
    }
  }
  // After the counts, in the order of the event's fields.
  if (custom) f.custom = true
}

/** Verdict markers after the database name, longest first where one contains another. */
const VERDICTS: readonly (readonly [marker: string, status: FreshclamUpdate['status']])[] = [
  [' database is up-to-date', 'up-to-date'],
  [' is up-to-date', 'up-to-date'],
  [' is up to date', 'up-to-date'],
  [' updated', 'updated'],
]

/**
 * `daily.cld updated (version: …)`, `daily database is up-to-date (version: …)`,
 * `daily.cvd is up-to-date.` (libfreshclam/libfreshclam_internal.c:1501,2300,2727,2842,2957;
 * manager.c:1740,1995,2090).
 */
function verdict(text: string, b: Base): ClamavEvent | undefined {
  const space = text.indexOf(' ')
  if (space <= 0) return undefined
  for (const [marker, status] of VERDICTS) {
    if (!text.startsWith(marker, space)) continue
    const rest = space + marker.length
    const f: Fields = { status, database: text.slice(0, space) }
    if (text.startsWith(' (', rest) && text.endsWith(')')) details(text.slice(rest + 2, -1), f)
    else if (rest !== text.length && !(rest === text.length - 1 && text.endsWith('.'))) return undefined
    return build(b, 'clamav.freshclam.update', f)
  }
  return undefined
}

/** `Database updated (2071522 signatures) from db.local.clamav.net (IP: 198.51.100.7)` (manager.c:2484-2487). */
function summary(text: string, b: Base): ClamavEvent | undefined {
  const close = text.indexOf(' signatures) from ', 18)
  if (close < 0) return undefined
  const f: Fields = { status: 'updated', signatures: int(text.slice(18, close)) }
  const from = close + 18
  const ip = text.indexOf(' (IP: ', from)
  if (ip > 0 && text.endsWith(')')) {
    f.mirror = text.slice(from, ip)
    f.mirrorIp = text.slice(ip + 6, -1)
  } else {
    f.mirror = text.slice(from)
  }
  return build(b, 'clamav.freshclam.update', f)
}

/**
 * Parses the text of a freshclam line (after any level and time prefix).
 *
 * @example
 * parseFreshclam('main.cvd database is up-to-date (version: 62, sigs: 6647427, f-level: 90, builder: sigmgr)', base, raw, message)
 * //=> { type: 'clamav.freshclam.update', status: 'up-to-date', database: 'main.cvd', version: 62, signatures: 6647427, fLevel: 90, builder: 'sigmgr', … }
 */
export function parseFreshclam(text: string, b: Base, raw: string, message: string): ClamavEvent {
  const event = text.startsWith('Database updated (') ? summary(text, b) : verdict(text, b)
  if (event) return event
  if (text === '') return build(b, 'clamav.unrecognized', { raw, message })
  return build(b, 'clamav.freshclam.message', { text })
}
