/**
 * What the ClamAV grammars share: the fields a builder starts from, and the two prefixes
 * ClamAV may put in front of its own text when its stdout reaches syslog through the journal
 * (`Foreground yes` under systemd): a level and a `ctime` stamp.
 *
 * @module
 */

import type { ClamavBase, ClamavEvent } from '../events/index.js'

/** Fields every ClamAV event starts with, filled by `index.ts` before a grammar runs. */
export type Base = ClamavBase

/** A message grammar: text after the prefixes, to an event (never `undefined`). */
export type Grammar = (text: string, base: Base, raw: string, message: string) => ClamavEvent

/** `Sat Mar  1 12:00:00 2025`, the 24 characters of `ctime` without its newline. */
const CTIME = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/

/** A level prefix: `ERROR: ` or `WARNING: ` (common/output.c:420-424,510-517). */
function level(s: string, i: number): ['error' | 'warning', number] | undefined {
  if (s.startsWith('ERROR: ', i)) return ['error', i + 7]
  if (s.startsWith('WARNING: ', i)) return ['warning', i + 9]
  return undefined
}

/**
 * Reads the prefixes off a ClamAV message. With `LogTime yes`, a log file line is
 * `<ctime> -> ERROR: text` (common/output.c:411-424), the foreground output is
 * `ERROR: <ctime> -> text` (:440-446, mprintf :510-517); syslog gets the bare text (:454-465).
 *
 * @example
 * readPrefix('Sat Mar  1 12:00:00 2025 -> SelfCheck: Database status OK.') //=> { text: 'SelfCheck: Database status OK.' }
 * readPrefix('ERROR: Sat Mar  1 12:00:00 2025 -> Can\'t open') //=> { severity: 'error', text: 'Can\'t open' }
 */
export function readPrefix(message: string): { severity?: 'error' | 'warning'; text: string } {
  let i = 0
  let severity: 'error' | 'warning' | undefined
  let l = level(message, i)
  if (l) [severity, i] = l
  if (message.startsWith(' -> ', i + 24) && CTIME.test(message.slice(i, i + 24))) {
    i += 28
    if (severity === undefined) {
      l = level(message, i)
      if (l) [severity, i] = l
    }
  }
  return { severity, text: i === 0 ? message : message.slice(i) }
}

/** A non-negative decimal integer, or `undefined`. */
export function int(s: string | undefined): number | undefined {
  if (s === undefined || !/^\d+$/.test(s)) return undefined
  return Number(s)
}
