/**
 * What every Postfix line shares before its daemon grammar runs: the program name split into
 * instance/service/daemon (collate.pl's `(postfix(?:-[^/\s]+)?)(?:/\S+)*\/` is the reference),
 * and the message prefix — severity before or after the queue id, the queue id, `NOQUEUE`.
 *
 * @module
 */

import type { Severity } from '../events/index.js'

/** The parts of a Postfix syslog name: `postfix-out/submission/smtpd`. */
export interface PostfixProgram {
  readonly instance: string
  readonly service?: string
  readonly daemon: string
}

/** Daemons and commands of the Postfix distribution, as they appear as the last name part. */
export const POSTFIX_DAEMONS: ReadonlySet<string> = new Set([
  'anvil',
  'bounce',
  'cleanup',
  'defer',
  'discard',
  'dnsblog',
  'error',
  'flush',
  'lmtp',
  'local',
  'master',
  'nqmgr',
  'oqmgr',
  'pickup',
  'pipe',
  'postalias',
  'postcat',
  'postconf',
  'postdrop',
  'postfix',
  'postfix-script',
  'postkick',
  'postlock',
  'postlog',
  'postlogd',
  'postmap',
  'postmulti',
  'postqueue',
  'postscreen',
  'postsuper',
  'proxymap',
  'qmgr',
  'qmqpd',
  'retry',
  'scache',
  'sendmail',
  'showq',
  'smtp',
  'smtpd',
  'spawn',
  'tlsmgr',
  'tlsproxy',
  'trace',
  'trivial-rewrite',
  'verify',
  'virtual',
])

const programs = new Map<string, PostfixProgram | null>()

/**
 * Splits a Postfix program name, or returns `undefined` for a program that is not Postfix.
 * The first part must start with `postfix`, or the last part must be a Postfix daemon
 * (custom `syslog_name` such as `mailout/smtp`).
 *
 * @example
 * postfixProgram('postfix/submission/smtpd') //=> { instance: 'postfix', service: 'submission', daemon: 'smtpd' }
 * postfixProgram('postfix-out/smtp')         //=> { instance: 'postfix-out', daemon: 'smtp' }
 * postfixProgram('sshd')                     //=> undefined
 */
export function postfixProgram(program: string): PostfixProgram | undefined {
  let p = programs.get(program)
  if (p === undefined) {
    p = splitProgram(program)
    // Program names are few; bound the cache anyway against hostile input.
    if (programs.size < 4096) programs.set(program, p)
  }
  return p ?? undefined
}

function splitProgram(program: string): PostfixProgram | null {
  const parts = program.split('/')
  const daemon = parts[parts.length - 1]!
  const instance = parts[0]!
  if (parts.length === 1) return instance === 'postfix' ? { instance, daemon: 'postfix' } : null
  if (!instance.startsWith('postfix') && !POSTFIX_DAEMONS.has(daemon)) return null
  if (daemon === '' || instance === '') return null
  return parts.length > 2 ? { instance, service: parts.slice(1, -1).join('/'), daemon } : { instance, daemon }
}

const REPEATED = 'message repeated '

/**
 * Unwraps rsyslog's `message repeated N times: [ text]` (`$RepeatedMsgReduction on`, rsyslog
 * `runtime/msg.c`): the count and the repeated message, or `undefined` for any other message.
 *   message repeated 2 times: [ 4AbC12: to=<a@b>, …]
 *                               ^ message
 *
 * @example
 * readRepeated('message repeated 3 times: [ 3F4A92C1B: removed]') //=> { count: 3, message: '3F4A92C1B: removed' }
 */
export function readRepeated(message: string): { count: number; message: string } | undefined {
  if (!message.startsWith(REPEATED) || message.charCodeAt(message.length - 1) !== 93 /* ] */) return undefined
  const times = message.indexOf(' times: [', REPEATED.length)
  if (times <= REPEATED.length) return undefined
  for (let k = REPEATED.length; k < times; k++) {
    const c = message.charCodeAt(k)
    if (c < 48 || c > 57) return undefined
  }
  let start = times + 9
  if (message.charCodeAt(start) === 32) start++
  return { count: Number(message.slice(REPEATED.length, times)), message: message.slice(start, -1) }
}

/** The message prefix of a Postfix line. */
export interface PostfixPrefix {
  readonly queueId?: string
  /** True for `NOQUEUE:`. */
  readonly noqueue: boolean
  readonly severity?: Severity
  /** The message after the prefix. */
  readonly body: string
}

const SEVERITIES: ReadonlyMap<string, Severity> = new Map([
  ['warning', 'warning'],
  ['error', 'error'],
  ['fatal', 'fatal'],
  ['panic', 'panic'],
])

const isHexUpper = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70)
const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)

/**
 * Whether `s[start, end)` is a Postfix queue id: short (hex, 6+ characters) or long
 * (`enable_long_queue_ids`: base-52 time, `z`, inode; `global/mail_queue.h`).
 *
 * @example
 * isQueueId('4AbC12', 0, 6)          //=> false (lowercase is not short hex)
 * isQueueId('3F4A92C1B', 0, 9)       //=> true
 * isQueueId('4Xq9Kj2mNHz3Tb', 0, 14) //=> true
 */
export function isQueueId(s: string, start: number, end: number): boolean {
  const n = end - start
  if (n < 6 || n > 32) return false
  let hex = true
  let z = false
  for (let k = start; k < end; k++) {
    const c = s.charCodeAt(k)
    if (!isAlnum(c)) return false
    if (hex && !isHexUpper(c)) hex = false
    if (c === 122 && k - start >= 6) z = true
  }
  return hex || (z && n >= 10)
}

/** Reads `word: ` at `i` when the word is a severity. */
function severityAt(s: string, i: number): Severity | undefined {
  let colon = s.indexOf(': ', i)
  if (colon < 0 && s.charCodeAt(s.length - 1) === 58) colon = s.length - 1
  if (colon < 0 || colon - i > 7) return undefined
  return SEVERITIES.get(s.slice(i, colon))
}

/**
 * Reads the severity and queue id prefix of a Postfix message.
 *   warning: 4AbC12: text    4AbC12: warning: text    NOQUEUE: reject: …
 *   ^ 0
 *
 * @example
 * readPostfixPrefix('3F4A92C1B: removed') //=> { queueId: '3F4A92C1B', noqueue: false, body: 'removed' }
 */
export function readPostfixPrefix(message: string): PostfixPrefix {
  let i = 0
  let severity = severityAt(message, 0)
  if (severity) i = severity.length + 2
  const colon = message.indexOf(': ', i)
  let queueId: string | undefined
  let noqueue = false
  if (colon > i) {
    if (colon - i === 7 && message.startsWith('NOQUEUE', i)) {
      noqueue = true
      i = colon + 2
    } else if (isQueueId(message, i, colon)) {
      queueId = message.slice(i, colon)
      i = colon + 2
    }
  }
  if (!severity && (queueId || noqueue)) {
    // `QID: warning: …` — but cleanup's `QID: warning: header …` is a check action, which its
    // grammar reads; only take it as severity when no `header`/`body` follows.
    const after = severityAt(message, i)
    if (
      after &&
      !/^(?:header|body|mime-header|nested-header) /.test(
        message.slice(i + after.length + 2, i + after.length + 20),
      )
    ) {
      severity = after
      i += after.length + 2
    }
  }
  return { queueId, noqueue, severity, body: i === 0 ? message : message.slice(Math.min(i, message.length)) }
}
