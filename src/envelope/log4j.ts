/**
 * log4j header scanner for Zimbra's `mailbox.log`, `audit.log` (and `imapd.log`, `sync.log` …):
 * `%d %-5p [%t] [%z] %c{1} - %m%n` (zm-mailbox `store-conf/conf/log4j.properties.production:17,30`).
 *
 * ```
 * 2024-03-04 10:15:02,481 INFO  [LmtpServer-7] [name=bob@example.com;mid=12;ip=10.0.0.2;] lmtp - Delivering message: …
 * ```
 *
 * Hand-written because the layout is positional and the bracketed parts are not balanced: a thread
 * name may hold spaces, `:` and `]` (Jetty's DebugHandler appends the request URI), and a context
 * value (`ua=`) may hold `]`, ` - ` and spaces. The context is therefore read with its own key
 * grammar (`key=value;`, `;;` for a literal `;`, `ZimbraLog.java:971-985`), and the thread ends at
 * the first `] [` after which such a context parses. It does not interpret the message, and it
 * does not read continuation lines (stack traces): `parse.ts` collects those.
 *
 * @module
 */

import { type StampParts, scanIsoStamp } from './stamp.js'

/** log4j levels, as Zimbra writes them (`%-5p`, trailing padding removed). */
export type Log4jLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL'

/**
 * The Zimbra logging context `%z` as a map (prototype-free): `[name=bob@example.com;mid=12;ip=10.0.0.3;]`.
 * Known keys (`ZimbraLog.java:111-140`): `name`/`aname` account and authenticated account,
 * `id`/`aid` their ids, `mid` mailbox id, `ip` client, `oip`/`oport`/`oproto` original client
 * behind a proxy, `port`, `ua` user agent, `via`, `soapId`, `cid` connection id, `ds` data
 * source. Values are as logged (`;;` unescaped to `;`).
 */
export interface Log4jContext {
  readonly name?: string
  readonly aname?: string
  readonly mid?: string
  readonly ip?: string
  readonly oip?: string
  readonly ua?: string
  readonly [key: string]: string | undefined
}

/** A log4j record's first line, split. */
export interface Log4jHeader {
  /** The stamp (`2024-03-04 10:15:02,481`: year and millis, no zone); absent in a syslog copy. */
  readonly stamp?: StampParts
  readonly level: Log4jLevel
  /** Thread name (`LmtpServer-7`, `qtp1234-56:https://host/service/soap/AuthRequest`). */
  readonly thread: string
  readonly context: Log4jContext
  /** Logger category, last dot-component (`lmtp`, `mailop`, `security`, `SoapEngine`). */
  readonly category: string
  /** Text after `category - `. */
  readonly message: string
}

const LEVELS: ReadonlyMap<string, Log4jLevel> = new Map([
  ['INFO', 'INFO'],
  ['WARN', 'WARN'],
  ['DEBUG', 'DEBUG'],
  ['ERROR', 'ERROR'],
  ['TRACE', 'TRACE'],
  ['FATAL', 'FATAL'],
])

/** Context key characters: `[A-Za-z0-9_.-]`. */
function isKeyChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45
  )
}

/**
 * Reads a context at `i` (just past its `[`) up to `] `; returns the map and the index of the
 * category, or `undefined` when the text there is not a context.
 *   name=bob@example.com;mid=12;] lmtp - …
 *   ^ i
 */
function readContext(s: string, i: number): { context: Log4jContext; end: number } | undefined {
  const context: Record<string, string> = Object.create(null)
  const n = s.length
  for (;;) {
    if (s.charCodeAt(i) === 93 /* ] */) {
      return s.charCodeAt(i + 1) === 32 ? { context, end: i + 2 } : undefined
    }
    const k = i
    while (i < n && isKeyChar(s.charCodeAt(i))) i++
    if (i === k || s.charCodeAt(i) !== 61 /* = */) return undefined
    const key = s.slice(k, i)
    i++
    let value = ''
    let from = i
    for (;;) {
      const semi = s.indexOf(';', i)
      if (semi < 0) return undefined
      if (s.charCodeAt(semi + 1) === 59) {
        // `;;` is a literal `;` (ZimbraLog.java:975-977)
        value += s.slice(from, semi + 1)
        i = from = semi + 2
        continue
      }
      value += s.slice(from, semi)
      i = semi + 1
      break
    }
    context[key] = value
  }
}

/**
 * Reads `[thread] [context] category - message` at `i`, the part every log4j line and its syslog
 * copy (`mailboxd: INFO  [t] [ctx] c - m`, log4j.properties.production:129-136) share after the level.
 *   [LmtpServer-7] [ip=10.0.0.2;] lmtp - Delivering message: …
 *   ^ i
 */
function readRest(
  s: string,
  i: number,
  level: Log4jLevel,
  stamp: StampParts | undefined,
): Log4jHeader | undefined {
  if (s.charCodeAt(i) !== 91 /* [ */) return undefined
  const threadStart = i + 1
  // The thread ends at a `] [` followed by a parsable context and `category - `.
  let close = s.indexOf('] [', threadStart)
  while (close >= 0) {
    const ctx = readContext(s, close + 3)
    if (ctx) {
      const dash = s.indexOf(' - ', ctx.end)
      const space = s.indexOf(' ', ctx.end)
      // `%c{1}` has no space: the first space after the category is the one before `- `.
      if (dash > ctx.end && space === dash) {
        return {
          stamp,
          level,
          thread: s.slice(threadStart, close),
          context: ctx.context,
          category: s.slice(ctx.end, dash),
          message: s.slice(dash + 3),
        }
      }
    }
    close = s.indexOf('] [', close + 1)
  }
  return undefined
}

/**
 * Reads the level at `i` (`INFO `, `WARN `, `DEBUG`…) and the rest of the header.
 *   INFO  [LmtpServer-7] [ip=10.0.0.2;] lmtp - …
 *   ^ i
 */
function readLevelAndRest(s: string, i: number, stamp: StampParts | undefined): Log4jHeader | undefined {
  let j = i
  while (j < i + 5 && s.charCodeAt(j) >= 65 && s.charCodeAt(j) <= 90) j++
  const level = LEVELS.get(s.slice(i, j))
  if (level === undefined || s.charCodeAt(j) !== 32) return undefined
  while (s.charCodeAt(j) === 32) j++
  return readRest(s, j, level, stamp)
}

/**
 * Whether a line starts like a log4j record (`yyyy-MM-dd HH:mm:ss`): a cheap test before
 * {@link readLog4jHeader}.
 *
 * @example
 * looksLikeLog4j('2024-03-04 10:15:02,481 INFO  [LmtpServer-7] [] lmtp - x') //=> true
 * looksLikeLog4j('Mar  4 10:15:02 mx1 postfix/qmgr[7]: x')                     //=> false
 */
export function looksLikeLog4j(s: string): boolean {
  const c = s.charCodeAt(0)
  return c >= 48 && c <= 57 && s.charCodeAt(4) === 45 && s.charCodeAt(10) === 32 && s.charCodeAt(13) === 58
}

/**
 * Splits the first line of a log4j record, or returns `undefined` when the line has no log4j
 * header. The stamp is range-checked, not resolved.
 *
 * @example
 * const h = readLog4jHeader('2024-03-04 10:15:02,481 INFO  [LmtpServer-7] [name=bob@example.com;mid=12;] mailop - Adding Message: id=4711')
 * h?.level    //=> 'INFO'
 * h?.thread   //=> 'LmtpServer-7'
 * h?.context  //=> { name: 'bob@example.com', mid: '12' }
 * h?.category //=> 'mailop'
 * h?.message  //=> 'Adding Message: id=4711'
 */
export function readLog4jHeader(s: string): Log4jHeader | undefined {
  if (!looksLikeLog4j(s)) return undefined
  const scan = scanIsoStamp(s, 0, 32)
  if (!scan || scan.parts.offset !== undefined || s.charCodeAt(scan.end) !== 32) return undefined
  return readLevelAndRest(s, scan.end + 1, scan.parts)
}

/** The part of a damaged log4j line that could be read: stamp and level, and the text after them. */
export interface Log4jLead {
  readonly stamp: StampParts
  readonly level: Log4jLevel
  /** Everything after the level (thread, context, category and message as written). */
  readonly rest: string
}

/**
 * Reads the stamp and level of a line whose `[thread] [context] category - ` part does not parse
 * (a line cut short, a thread without its `]`), or `undefined` when even those are missing.
 *
 * @example
 * readLog4jLead('2024-01-02 13:44:21,085 WARN  [qtp7-5095:https://x/service/soap/] [name=a;ua=Outlook/16.0 (16.0.5401.1>')?.level //=> 'WARN'
 */
export function readLog4jLead(s: string): Log4jLead | undefined {
  if (!looksLikeLog4j(s)) return undefined
  const scan = scanIsoStamp(s, 0, 32)
  if (!scan || scan.parts.offset !== undefined || s.charCodeAt(scan.end) !== 32) return undefined
  const i = scan.end + 1
  let j = i
  while (j < i + 5 && s.charCodeAt(j) >= 65 && s.charCodeAt(j) <= 90) j++
  const level = LEVELS.get(s.slice(i, j))
  if (level === undefined || s.charCodeAt(j) !== 32) return undefined
  while (s.charCodeAt(j) === 32) j++
  return { stamp: scan.parts, level, rest: s.slice(j) }
}

/**
 * Splits the message of a syslog copy of a log4j record (`mailboxd: INFO  [t] [ctx] c - m`), which
 * has no stamp of its own.
 *
 * @example
 * readLog4jBody('WARN  [ImapServer-3] [ip=192.0.2.1;] imap - authentication failed for [bob] (invalid password)')?.category //=> 'imap'
 */
export function readLog4jBody(s: string): Log4jHeader | undefined {
  return readLevelAndRest(s, 0, undefined)
}
