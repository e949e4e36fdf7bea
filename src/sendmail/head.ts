/**
 * What every Sendmail line shares before its grammar runs: which syslog names are Sendmail,
 * the queue id format, and the message prefix `sm_syslog` writes (`conf.c:5478-5660`):
 * `QID: text`, `NOQUEUE: text` for a NULL id, nothing for the empty id `NOQID`, and
 * `QID[n]: text` for the parts of a line longer than the syslog buffer.
 *
 * @module
 */

/** `sm-` names that are not Sendmail: NFS's reboot notifier. */
const NOT_SENDMAIL: ReadonlySet<string> = new Set(['sm-notify'])

/**
 * Whether a syslog program name is Sendmail: `sendmail`, `sm-mta`, `sm-msp-queue` and other
 * lowercase `sm-` names (some syslogs log the process title, e.g. `sm-acceptingconnections`),
 * except `sm-notify` (nfs-utils). Postfix's `postfix/sendmail` is asked of the Postfix family
 * first and never reaches here.
 *
 * @example
 * isSendmailProgram('sm-mta')           //=> true
 * isSendmailProgram('sm-notify')        //=> false
 * isSendmailProgram('postfix/sendmail') //=> false
 */
export function isSendmailProgram(program: string): boolean {
  if (program === 'sendmail') return true
  return program.startsWith('sm-') && /^sm-[a-z][a-z0-9-]*$/.test(program) && !NOT_SENDMAIL.has(program)
}

/** The alphabet of queue id dates (`queue.c:5489`). */
const QUEUE_ID_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Value of a queue id character, or -1. */
function b62(c: number): number {
  if (c >= 48 && c <= 57) return c - 48
  if (c >= 65 && c <= 90) return c - 55
  if (c >= 97 && c <= 122) return c - 61
  return -1
}

/**
 * Whether `s[start, end)` is a Sendmail queue id (`queue.c:5553-5566` assign_queueid): six
 * date characters (year % 60, month 0-11, day 1-31, hour 0-23, minute, second), two sequence
 * characters, then the PID as at least six digits (seven with `-d78.100`, more for large PIDs).
 *
 * @example
 * isSendmailQueueId('521C01ab012345', 0, 14) //=> true
 * isSendmailQueueId('3F4A92C1B', 0, 9)       //=> false
 */
export function isSendmailQueueId(s: string, start: number, end: number): boolean {
  const n = end - start
  if (n < 14 || n > 20) return false
  for (let k = start; k < start + 8; k++) {
    const v = b62(s.charCodeAt(k))
    if (v < 0) return false
  }
  for (let k = start + 8; k < end; k++) {
    const c = s.charCodeAt(k)
    if (c < 48 || c > 57) return false
  }
  return (
    b62(s.charCodeAt(start + 1)) <= 11 &&
    b62(s.charCodeAt(start + 2)) >= 1 &&
    b62(s.charCodeAt(start + 2)) <= 31 &&
    b62(s.charCodeAt(start + 3)) <= 23 &&
    b62(s.charCodeAt(start)) < 60
  )
}

/** The UTC date and time a queue id was assigned at. */
export interface SendmailQueueIdDate {
  /** The year chosen among the candidates (see {@link sendmailQueueIdDate}). */
  readonly year: number
  /** What the id really holds: `(year - 1900) % 60`. */
  readonly yearMod60: number
  /** 1-12. */
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
}

/**
 * Decodes the UTC date a queue id was assigned at (`queue.c:5553-5558`): a hint for the year
 * of year-less syslog stamps. The id holds the year only modulo 60 (`tm_year % 60`), so `year`
 * is a choice among candidates 60 years apart: the latest one not after `referenceYear + 1`
 * (a log is read after it is written; the `+ 1` allows for a UTC id ahead of a local stamp at
 * New Year), or without a reference the one in 1990–2049 (ids of this shape exist since
 * Sendmail 8.12, 2001). `yearMod60` is what the id really says.
 *
 * @example
 * sendmailQueueIdDate('521C01ab012345')
 * //=> { year: 2025, yearMod60: 5, month: 3, day: 1, hour: 12, minute: 0, second: 1 }
 * sendmailQueueIdDate('t4S4FI7E001499', 2016)?.year //=> 2015
 * sendmailQueueIdDate('NOQUEUE') //=> undefined
 */
export function sendmailQueueIdDate(qid: string, referenceYear?: number): SendmailQueueIdDate | undefined {
  if (!isSendmailQueueId(qid, 0, qid.length)) return undefined
  const v = (k: number): number => b62(qid.charCodeAt(k))
  const yearMod60 = v(0)
  const minute = v(4)
  const second = v(5)
  if (minute > 61 || second > 61) return undefined
  let year: number
  if (referenceYear === undefined) {
    year = 1900 + yearMod60
    while (year < 1990) year += 60
  } else {
    const limit = referenceYear + 1
    year = 1900 + yearMod60 + 60 * Math.floor((limit - 1900 - yearMod60) / 60)
  }
  return { year, yearMod60, month: v(1) + 1, day: v(2), hour: v(3), minute, second }
}

/** Encodes a date as the first six characters of a queue id (for tests and generators). */
export function sendmailQueueIdPrefix(d: Date): string {
  const c = (n: number): string => QUEUE_ID_CHARS[n]!
  return (
    c((d.getUTCFullYear() - 1900) % 60) +
    c(d.getUTCMonth()) +
    c(d.getUTCDate()) +
    c(d.getUTCHours()) +
    c(d.getUTCMinutes()) +
    c(d.getUTCSeconds())
  )
}

/** The message prefix of a Sendmail line. */
export interface SendmailPrefix {
  readonly queueId?: string
  /** True for `NOQUEUE:`. */
  readonly noqueue: boolean
  /** Part number of a split line (`QID[2]:`). */
  readonly part?: number
  /** The message after the prefix. */
  readonly body: string
}

/** Reads `[n]` at `i`; returns the number and the index past `]`, or undefined. */
function partAt(s: string, i: number): { n: number; end: number } | undefined {
  if (s.charCodeAt(i) !== 91) return undefined
  let n = 0
  let k = i + 1
  for (let c = s.charCodeAt(k); c >= 48 && c <= 57 && k - i <= 4; c = s.charCodeAt(++k)) n = n * 10 + c - 48
  if (k === i + 1 || s.charCodeAt(k) !== 93 || n === 0) return undefined
  return { n, end: k + 1 }
}

/**
 * Reads the queue id prefix of a Sendmail message.
 *   521C01ab012345: to=…    NOQUEUE: connect from …    521C01ab012345[2]: rest    [1]: …
 *   ^ 0
 *
 * @example
 * readSendmailPrefix('521C01ab012345: done; delay=00:00:01, ntries=2')
 * //=> { queueId: '521C01ab012345', noqueue: false, body: 'done; delay=00:00:01, ntries=2' }
 * readSendmailPrefix('NOQUEUE[2]: rest') //=> { noqueue: true, part: 2, body: 'rest' }
 */
export function readSendmailPrefix(message: string): SendmailPrefix {
  // Unprefixed NOQID line that was split: `[1]: text ...` (conf.c:5623 with an empty id).
  const bare = partAt(message, 0)
  if (bare && message.startsWith(': ', bare.end)) {
    return { noqueue: false, part: bare.n, body: message.slice(bare.end + 2) }
  }
  let end = 0
  for (let c = message.charCodeAt(0); b62(c) >= 0; c = message.charCodeAt(++end)) {
    if (end > 20) return { noqueue: false, body: message }
  }
  if (end === 0) return { noqueue: false, body: message }
  const noqueue = end === 7 && message.startsWith('NOQUEUE')
  if (!noqueue && !isSendmailQueueId(message, 0, end)) return { noqueue: false, body: message }
  const queueId = noqueue ? undefined : message.slice(0, end)
  const p = partAt(message, end)
  if (p) {
    if (message.charCodeAt(p.end) !== 58) return { noqueue: false, body: message }
    const body = message.slice(Math.min(p.end + 2, message.length))
    return { queueId, noqueue, part: p.n, body }
  }
  if (message.charCodeAt(end) !== 58 || (message.charCodeAt(end + 1) !== 32 && end + 1 < message.length)) {
    return { noqueue: false, body: message }
  }
  return { queueId, noqueue, body: message.slice(Math.min(end + 2, message.length)) }
}
