/**
 * clamd lines: scan verdicts (`<target>: <signature> FOUND`, `<target>: OK`, `<target>: <error>
 * ERROR`), the signature database's self-checks and reloads, and the start-up, shutdown and
 * settings notices. A verdict is told by the end of the line, since the target (a path) may
 * hold any text; the other shapes by a classifier on the start. A line of none of these shapes
 * without a level prefix is `clamav.unrecognized`.
 *
 * @module
 */

import type { ClamavClient, ClamavEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'
import { type Base, int } from './base.js'

/** Database shapes (clamd/server-th.c:202-205,232,258,1775,1789,1798; clamd/clamd.c:493,733). */
export const clamdShapes = {
  ok: 'SelfCheck: Database status OK.',
  modified: 'SelfCheck: Database modification detected. Forcing reload.',
  reading: 'Reading databases from ',
  loaded: /Loaded \d+ signatures\./,
  reloaded: /Database correctly reloaded \(\d+ signatures\)/,
  activating: 'Activating the newly loaded database',
  failed: ['Database reload failed, keeping', 'Database reload setup failed, keeping'],
} as const

const shape = classifier(clamdShapes)

/**
 * Notices without fields of their own (clamd/clamd.c:274,434-733, server-th.c:947-1406,1744,
 * 1858-1862, localserver.c, tcpserver.c, scanner.c:83-86).
 */
const informational = classifier({
  info: [
    '+++ Started at ',
    '--- Stopped at ',
    'clamd daemon ',
    'Running as user ',
    'Log file size ',
    'Limits: ',
    'Self checking ',
    'Not loading ',
    'Only loading ',
    'Only using ',
    'Bytecode',
    'Disabling ',
    'Max A-C depth ',
    'FIPS ',
    'Excluded PUA ',
    'Included PUA ',
    'Received ',
    'Mail: ',
    'OLE2',
    'Phishing: ',
    'Raw DMG: ',
    'Heuristic',
    'Structured: ',
    'Alerting ',
    'Detection using ',
    'AlertExceedsMax ',
    'Portable Executable ',
    'SIGHUP caught',
    'Pid file removed.',
    'Socket file removed.',
    'Database reload completed.',
    'No stats for Database check',
    'LOCAL: ',
    'TCP: ',
    'Localserver: ',
    'Waiting for ',
    'Exiting',
    '[LibClamAV] ',
    /[\w ()-]+ support (?:enabled|disabled)\./,
  ],
})

/** `instream(192.0.2.10@41872)` / `stream(…)` → the client; `instream(local)` has none. */
function clientOf(target: string): ClamavClient | undefined {
  const open = target.startsWith('instream(') ? 8 : target.startsWith('stream(') ? 6 : -1
  if (open < 0 || target.charCodeAt(target.length - 1) !== 41 /* ) */) return undefined
  const at = target.lastIndexOf('@')
  if (at < open) return undefined
  return { ip: target.slice(open + 1, at), port: int(target.slice(at + 1, -1)) }
}

/**
 * `<target>: <signature>[(<hash>:<size>)] FOUND`.
 *   /var/spool/x/p003: Eicar-Signature FOUND
 *                    ^ colon (the last `: ` before the name)
 */
function found(text: string, b: Base): ClamavEvent | undefined {
  const end = text.length - 6
  const colon = text.lastIndexOf(': ', end)
  if (colon <= 0) return undefined
  const scanTarget = text.slice(0, colon)
  let signature = text.slice(colon + 2, end)
  let hash: string | undefined
  let size: number | undefined
  const open = signature.lastIndexOf('(')
  if (open > 0 && signature.charCodeAt(signature.length - 1) === 41) {
    const detail = signature.slice(open + 1, -1)
    const sep = detail.lastIndexOf(':')
    const n = sep > 0 ? int(detail.slice(sep + 1)) : undefined
    if (n !== undefined) {
      hash = detail.slice(0, sep)
      size = n
      signature = signature.slice(0, open)
    }
  }
  if (signature === '' || signature.includes(' ')) return undefined
  return build(b, 'clamav.clamd.found', { scanTarget, signature, hash, size, client: clientOf(scanTarget) })
}

/** `<target>: OK` or `<target>: <error> ERROR`. */
function scan(text: string, b: Base, ok: boolean): ClamavEvent | undefined {
  if (ok) {
    const scanTarget = text.slice(0, -4)
    return build(b, 'clamav.clamd.scan', { scanTarget, result: 'ok', client: clientOf(scanTarget) })
  }
  const colon = text.lastIndexOf(': ', text.length - 7)
  if (colon <= 0) return undefined
  const scanTarget = text.slice(0, colon)
  const error = text.slice(colon + 2, -6)
  return build(b, 'clamav.clamd.scan', { scanTarget, result: 'error', error, client: clientOf(scanTarget) })
}

/** The number in `Loaded 8708460 signatures.` / `(8708460 signatures)`. */
function count(text: string, from: number): number | undefined {
  return int(text.slice(from, text.indexOf(' signatures', from)))
}

/**
 * Parses the text of a clamd line (after any level and time prefix).
 *
 * @example
 * parseClamd('/tmp/x: Eicar-Signature FOUND', base, raw, message).type //=> 'clamav.clamd.found'
 * parseClamd('SelfCheck: Database status OK.', base, raw, message)      //=> { type: 'clamav.clamd.database', kind: 'ok', … }
 */
export function parseClamd(text: string, b: Base, raw: string, message: string): ClamavEvent {
  let event: ClamavEvent | undefined
  if (text.startsWith('[LibClamAV] ')) event = undefined
  else if (text.endsWith(' FOUND')) event = found(text, b)
  else if (text.endsWith(': OK')) event = scan(text, b, true)
  else if (text.endsWith(' ERROR')) event = scan(text, b, false)
  if (event) return event
  const kind = shape(text)
  switch (kind) {
    case 'reading':
      return build(b, 'clamav.clamd.database', { kind, directory: text.slice(23) })
    case 'loaded':
      return build(b, 'clamav.clamd.database', { kind, signatures: count(text, 7) })
    case 'reloaded':
      return build(b, 'clamav.clamd.database', { kind, signatures: count(text, 29) })
    case 'ok':
    case 'modified':
    case 'activating':
    case 'failed':
      return build(b, 'clamav.clamd.database', { kind })
    case undefined:
      break
  }
  if (text !== '' && (b.severity !== undefined || informational(text))) {
    return build(b, 'clamav.clamd.message', { text })
  }
  return build(b, 'clamav.unrecognized', { raw, message })
}
