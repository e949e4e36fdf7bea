/**
 * ClamAV family: syslog lines of `clamd` and `freshclam` (any path to them). The level and
 * time prefixes ClamAV may write itself go into `severity` or are dropped; the daemon's
 * grammar does the rest. `clamav-milter` (its verdicts quote the subject unescaped) and
 * `clamscan` (a terminal tool) are not claimed and stay `unknown`.
 *
 * @module
 */

import type { ClamavEvent, EventBase } from '../events/index.js'
import type { Family } from '../family.js'
import type { Base, Grammar } from './base.js'
import { readPrefix } from './base.js'
import { parseClamd } from './clamd.js'
import { parseFreshclam } from './freshclam.js'

/** Grammar per program name. */
export const GRAMMARS: ReadonlyMap<string, Grammar> = new Map([
  ['clamd', parseClamd],
  ['freshclam', parseFreshclam],
])

/**
 * The ClamAV family.
 *
 * @example
 * clamavFamily.claim('clamd')                //=> parseClamd
 * clamavFamily.claim('/usr/sbin/freshclam')  //=> parseFreshclam
 * clamavFamily.claim('clamav-milter')        //=> undefined
 */
export const clamavFamily: Family<Grammar> = {
  name: 'clamav',
  claim: (program) => GRAMMARS.get(program.slice(program.lastIndexOf('/') + 1)),
  parse(message: string, header: EventBase, raw: string, grammar: Grammar): ClamavEvent {
    const p = readPrefix(message)
    // The line's event object gains the ClamAV fields in place (see grammar/build.ts).
    const base = header as { -readonly [K in keyof Base]: Base[K] }
    base.severity = p.severity
    return grammar(p.text, base, raw, message)
  },
}
