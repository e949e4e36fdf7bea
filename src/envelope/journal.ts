/**
 * systemd journal entries exported as JSON, one object per line (`journalctl -o json`): the
 * syslog fields of an entry read as a syslog header. Hosts without a syslog daemon keep mail
 * logs only in the journal, and this export is the one that keeps every field exactly. The
 * entry's time is its `__REALTIME_TIMESTAMP` (microseconds since the epoch), an exact instant:
 * the stamp is written as RFC 3339 in UTC, so no year has to be inferred.
 *
 * @module
 */

import { type StampParts, scanIsoStamp } from './stamp.js'
import type { SyslogHeader } from './syslog.js'

const decoder = new TextDecoder('utf-8')

/**
 * Whether a line may be a journal JSON entry (a cheap test before `JSON.parse`).
 *
 * @example
 * looksLikeJournal('{"__REALTIME_TIMESTAMP":"1740830401123456","MESSAGE":"…"}') //=> true
 * looksLikeJournal('Mar  1 12:00:01 mx1 postfix/qmgr[7]: 3F4A92C1B: removed')     //=> false
 */
export function looksLikeJournal(s: string): boolean {
  return s.charCodeAt(0) === 123 /* { */ && s.includes('"__REALTIME_TIMESTAMP"')
}

/** A string field; the journal writes numbers as strings too. */
function field(o: Record<string, unknown>, name: string): string | undefined {
  const v = o[name]
  return typeof v === 'string' ? v : undefined
}

/** `MESSAGE`: a string, or an array of bytes when the message is not valid UTF-8 (or binary). */
function messageOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (Array.isArray(v) && v.every((b) => typeof b === 'number' && b >= 0 && b <= 255))
    return decoder.decode(Uint8Array.from(v as number[]))
  return undefined
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/**
 * RFC 3339 text in UTC of a time in microseconds since the epoch, with the microseconds unless
 * they are zero.
 *
 * @example
 * journalStamp(1740830401123456n) //=> '2025-03-01T12:00:01.123456+00:00'
 */
export function journalStamp(micros: bigint): string {
  const ms = Number(micros / 1000n)
  const d = new Date(ms)
  const us = Number(micros % 1_000_000n)
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` +
    `T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}` +
    `${us === 0 ? '' : `.${pad(us, 6)}`}+00:00`
  )
}

/**
 * Reads a journal JSON entry as a syslog header: `_HOSTNAME`, `SYSLOG_IDENTIFIER` (else
 * `_COMM`), `SYSLOG_PID` (else `_PID`), `MESSAGE`, and the priority from `PRIORITY` and
 * `SYSLOG_FACILITY`. `undefined` when the line is not such an entry (no valid JSON object, no
 * `__REALTIME_TIMESTAMP` or no `MESSAGE`).
 *
 * @example
 * const h = readJournalHeader('{"__REALTIME_TIMESTAMP":"1740830401123456","_HOSTNAME":"mx1","SYSLOG_IDENTIFIER":"postfix/qmgr","SYSLOG_PID":"7","MESSAGE":"3F4A92C1B: removed"}')
 * h?.stamp.text //=> '2025-03-01T12:00:01.123456+00:00'
 * h?.program    //=> 'postfix/qmgr'
 * h?.message    //=> '3F4A92C1B: removed'
 */
export function readJournalHeader(s: string): SyslogHeader | undefined {
  let json: unknown
  try {
    json = JSON.parse(s)
  } catch {
    return undefined
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined
  const o = json as Record<string, unknown>
  const realtime = field(o, '__REALTIME_TIMESTAMP')
  const message = messageOf(o.MESSAGE)
  if (realtime === undefined || !/^\d{1,19}$/.test(realtime) || message === undefined) return undefined
  const stamp: StampParts | undefined = scanIsoStamp(journalStamp(BigInt(realtime)), 0)?.parts
  if (!stamp?.valid) return undefined
  const pidText = field(o, 'SYSLOG_PID') ?? field(o, '_PID')
  const severity = field(o, 'PRIORITY')
  const facility = field(o, 'SYSLOG_FACILITY')
  return {
    stamp,
    host: field(o, '_HOSTNAME') ?? '',
    program: field(o, 'SYSLOG_IDENTIFIER') ?? field(o, '_COMM') ?? '',
    pid: pidText !== undefined && /^\d{1,10}$/.test(pidText) ? Number(pidText) : undefined,
    priority:
      severity !== undefined && /^[0-7]$/.test(severity)
        ? Number(severity) + (facility !== undefined && /^\d{1,2}$/.test(facility) ? Number(facility) * 8 : 0)
        : undefined,
    message,
  }
}
