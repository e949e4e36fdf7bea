/**
 * Syslog header scanner: splits a line into stamp, host, program, pid and message.
 *
 * Handles RFC 3164 (`Mar  1 12:00:01 host prog[pid]: msg`), Postfix postlogd/`maillog_file`
 * (zero-padded day, `util/msg_logger.c:204-228`), RFC 3339 stamps written by rsyslog,
 * RFC 5424 (`<34>1 2025-… host app procid msgid [sd] msg`), an optional `<PRI>` prefix and
 * the Solaris `[ID n fac.pri]` tag. It does not interpret the message.
 *
 * @module
 */

import { type StampParts, type StampScan, scanBsdStamp, scanIsoStamp } from './stamp.js'

/** A syslog line split into header fields and message. */
export interface SyslogHeader {
  readonly stamp: StampParts
  readonly host: string
  /** The tag before `[pid]:` or `:`; `''` when the line has none (`last message repeated …`). */
  readonly program: string
  readonly pid?: number
  /** `<PRI>` value, when present. */
  readonly priority?: number
  /** Everything after the tag (and after a Solaris `[ID …]`). */
  readonly message: string
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57

/** Index of the next space at or after `i`, or the string length. */
function nextSpace(s: string, i: number): number {
  const k = s.indexOf(' ', i)
  return k < 0 ? s.length : k
}

/**
 * Skips a Solaris message id: `[ID 197553 mail.info] `.
 *   [ID 197553 mail.info] text
 *   ^ i
 */
function skipSolarisId(s: string, i: number): number {
  if (s.startsWith('[ID ', i)) {
    const k = s.indexOf('] ', i)
    if (k > 0) return k + 2
  }
  return i
}

/**
 * Reads the tag and message after the host.
 *   postfix/smtpd[4321]: connect from …
 *   ^ i
 */
function readTag(
  s: string,
  i: number,
  stamp: StampParts,
  host: string,
  priority: number | undefined,
): SyslogHeader {
  let k = i
  const n = s.length
  let c = 0
  while (k < n) {
    c = s.charCodeAt(k)
    if (c === 91 /* [ */ || c === 58 /* : */ || c === 32) break
    k++
  }
  let pid: number | undefined
  let m = k
  if (c === 91) {
    let p = 0
    let j = k + 1
    while (isDigit(s.charCodeAt(j))) p = p * 10 + s.charCodeAt(j++) - 48
    if (j > k + 1 && s.charCodeAt(j) === 93 /* ] */) {
      pid = p
      m = j + 1
    }
  }
  if (k === i || s.charCodeAt(m) !== 58) {
    // No tag: keep the rest as message so nothing is lost.
    return { stamp, host, program: '', priority, message: s.slice(i) }
  }
  m++
  if (s.charCodeAt(m) === 32) m++
  m = skipSolarisId(s, m)
  return { stamp, host, program: s.slice(i, k), pid, priority, message: s.slice(m) }
}

/**
 * Reads the RFC 5424 remainder after `<PRI>1 `.
 *   2025-03-01T12:00:01Z host app 123 - [sd] msg
 *   ^ i
 */
function read5424(s: string, i: number, priority: number): SyslogHeader | undefined {
  const scan = scanIsoStamp(s, i)
  if (!scan || s.charCodeAt(scan.end) !== 32) return undefined
  let k = scan.end + 1
  const hostEnd = nextSpace(s, k)
  const host = s.slice(k, hostEnd)
  k = hostEnd + 1
  const appEnd = nextSpace(s, k)
  const app = s.slice(k, appEnd)
  k = appEnd + 1
  const procEnd = nextSpace(s, k)
  const proc = s.slice(k, procEnd)
  k = nextSpace(s, procEnd + 1) + 1 // msgid
  if (s.charCodeAt(k) === 45 /* - */) {
    k++
  } else {
    // Structured data: [id k="v" …][…]; `]` and `"` inside values are escaped with `\`.
    while (s.charCodeAt(k) === 91) {
      let q = false
      let j = k + 1
      for (; j < s.length; j++) {
        const c = s.charCodeAt(j)
        if (c === 92) j++
        else if (c === 34) q = !q
        else if (c === 93 && !q) break
      }
      k = j + 1
    }
  }
  if (s.charCodeAt(k) === 32) k++
  if (s.charCodeAt(k) === 0xfeff) k++
  const pid = proc !== '' && /^\d+$/.test(proc) ? Number(proc) : undefined
  return {
    stamp: scan.parts,
    host: host === '-' ? '' : host,
    program: app === '-' ? '' : app,
    pid,
    priority,
    message: s.slice(k),
  }
}

let lastScan: StampScan | undefined
let lastStart = -1

/**
 * Scans the stamp at `i`, reusing the previous line's result when the line starts with the
 * same stamp text: consecutive lines mostly share their second, and parts are immutable.
 */
function scanStamp(s: string, i: number): StampScan | undefined {
  const prev = lastScan
  if (prev !== undefined && i === lastStart) {
    const text = prev.parts.text
    if (s.charCodeAt(i + text.length) === 32 && s.startsWith(text, i)) return prev
  }
  const scan = isDigit(s.charCodeAt(i)) ? scanIsoStamp(s, i) : scanBsdStamp(s, i)
  if (scan) {
    lastScan = scan
    lastStart = i
  }
  return scan
}

/**
 * Splits a syslog line into its header fields, or returns `undefined` when the line has no
 * syslog header this scanner knows.
 *
 * @example
 * const h = readSyslogHeader('Mar  1 12:00:01 mx1 postfix/smtpd[4321]: connect from a[192.0.2.1]')
 * h?.host    //=> 'mx1'
 * h?.program //=> 'postfix/smtpd'
 * h?.pid     //=> 4321
 * h?.message //=> 'connect from a[192.0.2.1]'
 */
export function readSyslogHeader(s: string): SyslogHeader | undefined {
  let i = 0
  let priority: number | undefined
  if (s.charCodeAt(0) === 60 /* < */) {
    let p = 0
    let j = 1
    while (j < 5 && isDigit(s.charCodeAt(j))) p = p * 10 + s.charCodeAt(j++) - 48
    if (j === 1 || s.charCodeAt(j) !== 62) return undefined
    priority = p
    i = j + 1
    if (s.charCodeAt(i) === 49 /* 1 */ && s.charCodeAt(i + 1) === 32) return read5424(s, i + 2, p)
  }
  const scan = scanStamp(s, i)
  if (!scan || s.charCodeAt(scan.end) !== 32) return undefined
  let hostStart = scan.end + 1
  // Some syslog templates write the facility and level after the stamp: `<mail.notice> host`.
  if (s.charCodeAt(hostStart) === 60) {
    const close = s.indexOf('> ', hostStart)
    if (close > 0 && close - hostStart < 24 && s.slice(hostStart, close).includes('.')) hostStart = close + 2
  }
  const hostEnd = nextSpace(s, hostStart)
  if (hostEnd === hostStart || hostEnd >= s.length) return undefined
  return readTag(s, hostEnd + 1, scan.parts, s.slice(hostStart, hostEnd), priority)
}
