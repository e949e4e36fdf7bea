/**
 * Line → event: syslog header, stamp resolution, family dispatch. One event per line, always:
 * a line that no grammar knows becomes `postfix.unrecognized` or `unknown` with its raw text.
 * The exception are log4j records (Zimbra mailbox.log/audit.log): a record is its first line
 * plus the continuation lines after it (stack traces), one event per record, assembled by
 * {@link createEventStream}.
 *
 * @module
 */

import { amavisFamily } from './amavis/index.js'
import { clamavFamily } from './clamav/index.js'
import { looksLikeJournal, readJournalHeader } from './envelope/journal.js'
import {
  type Log4jHeader,
  type Log4jLead,
  looksLikeLog4j,
  readLog4jHeader,
  readLog4jLead,
} from './envelope/log4j.js'
import { parseSyslogStamp, type StampParts } from './envelope/stamp.js'
import { readSyslogHeader, type SyslogHeader } from './envelope/syslog.js'
import type { EventBase, MailEvent, UnknownEvent, UnknownReason } from './events/index.js'
import type { Family } from './family.js'
import { build } from './grammar/build.js'
import { opendkimFamily } from './opendkim/index.js'
import { postfixFamily } from './postfix/index.js'
import { sendmailFamily } from './sendmail/index.js'
import { type ClockOptions, createClock, createYearResolver } from './time/clock.js'
import type { InferenceSummary } from './time/inferrer.js'
import { createTimeline } from './time/timeline.js'
import { parseZimbraRecord, zimbraFamily } from './zimbra/index.js'

/** Families in the order they are asked to claim a program name. */
const FAMILIES: readonly Family[] = [
  postfixFamily,
  sendmailFamily,
  zimbraFamily,
  amavisFamily,
  clamavFamily,
  opendkimFamily,
]

interface Claimed {
  readonly family: Family
  readonly claim: unknown
}

const claimed = new Map<string, Claimed | null>()
let lastProgram = ''
let lastClaimed: Claimed | null = null

/** The family that reads a program's lines and its claim, cached per program name. */
function familyOf(program: string): Claimed | undefined {
  // Comparing with the previous line's name is cheaper than hashing a fresh string.
  if (program === lastProgram) return lastClaimed ?? undefined
  let c = claimed.get(program)
  if (c === undefined) {
    c = null
    for (const family of FAMILIES) {
      const claim = family.claim(program)
      if (claim !== undefined) {
        c = { family, claim }
        break
      }
    }
    // Program names are few; bound the cache anyway against hostile input.
    if (claimed.size < 4096) claimed.set(program, c)
  }
  lastProgram = program
  lastClaimed = c
  return c ?? undefined
}

/**
 * Lines a stream holds at most while its year is undecided: enough for a New Year or a Feb 29
 * near the start of a log, small enough that memory stays flat.
 */
const STREAM_MAX_HOLD = 10_000

/** Options of {@link createParser}. */
export interface ParseOptions extends ClockOptions {
  /**
   * Events a stream holds at most while their year is undecided (default 10 000); later
   * evidence then shows as a `conflict` rather than moving the year.
   */
  readonly maxHold?: number
  /** Lines longer than this many characters become `unknown` (`too-long`) unparsed. Default 65536. */
  readonly maxLineLength?: number
}

/** A stateful line parser (it tracks the year per host). */
export interface LineParser {
  /** The IANA zone year-less stamps are resolved in. */
  readonly zone: string
  /**
   * Parses one line (without its line terminator; a trailing `\r` is ignored). A log4j line is
   * read as a record of one line; use {@link createEventStream} to join continuation lines.
   * Years come from this parser's own per-host clock, which streams built on the parser do not
   * advance (their timeline settles years): use either `parse` or streams on one parser.
   */
  parse(line: string, lineNumber: number, source?: string): MailEvent
}

/** How a parser reads log4j records; kept out of {@link LineParser}, used by {@link createEventStream}. */
interface RecordReader {
  /** Longest line read; longer continuation lines end the record. */
  readonly maxLength: number
  /**
   * The header of a record's first line; only its stamp and level when the rest is damaged;
   * `undefined` when the line is not log4j (or too long, or binary).
   */
  header(raw: string): Log4jHeader | Log4jLead | undefined
  /** The event of a record: its header (or damaged lead), the raw first line and the continuation lines. */
  build(
    header: Log4jHeader | Log4jLead,
    raw: string,
    continuation: readonly string[],
    line: number,
    endLine: number,
    source: string | undefined,
  ): MailEvent
}

/**
 * How a stream reads syslog lines: like {@link LineParser.parse}, but without resolving the
 * stamp, since the stream's timeline resolves every stamp again with the whole stream's
 * evidence and overwrites `time`. Kept out of {@link LineParser}, used by {@link createEventStream}.
 */
interface UntimedReader {
  /**
   * The event of a line with `time` left as the stamp text (and `timeUnresolved` unset) when
   * the stamp is valid: the caller must hand {@link UntimedReader.parts} to a timeline.
   */
  parse(line: string, lineNumber: number, source: string | undefined): MailEvent
  /**
   * The valid stamp parts of the syslog line last read by `parse`, or `undefined` when that
   * line had none (no header, log4j, invalid date): then its event's time is final already.
   */
  readonly parts: StampParts | undefined
}

const readers = new WeakMap<LineParser, RecordReader>()
const untimed = new WeakMap<LineParser, UntimedReader>()
/** The options a parser was made with, for the streams built on it. */
const optionsOf = new WeakMap<LineParser, ParseOptions>()

const stripCr = (s: string): string => (s.charCodeAt(s.length - 1) === 13 ? s.slice(0, -1) : s)

const trimBlanks = (s: string): string => {
  const c = s.charCodeAt(s.length - 1)
  return c === 32 || c === 9 ? s.trimEnd() : s
}

function unknown(raw: string, line: number, source: string | undefined, reason: UnknownReason): UnknownEvent {
  return { type: 'unknown', line, source, reason, raw }
}

/**
 * Creates a parser. Lines of one source must be given in order; use one parser per stream.
 *
 * @example
 * const parser = createParser({ year: 2025, zone: 'UTC' })
 * parser.parse('Mar  1 12:00:01 mx1 postfix/qmgr[7]: 3F4A92C1B: removed', 1)
 * //=> { type: 'postfix.qmgr.removed', line: 1, time: '2025-03-01T12:00:01+00:00', stamp: 'Mar  1 12:00:01',
 * //     host: 'mx1', program: 'postfix/qmgr', pid: 7, instance: 'postfix', daemon: 'qmgr', queueId: '3F4A92C1B' }
 */
export function createParser(options: ParseOptions = {}): LineParser {
  const clock = createClock(options)
  const maxLength = options.maxLineLength ?? 65536
  const resolveDated = createYearResolver(clock.zone)
  const records: RecordReader = {
    maxLength,
    header: (raw) =>
      looksLikeLog4j(raw) && raw.length <= maxLength && raw.indexOf('\u0000') < 0
        ? (readLog4jHeader(raw) ?? readLog4jLead(raw))
        : undefined,
    build(header, raw, continuation, line, endLine, source) {
      const stamp = header.stamp!
      const time = resolveDated(stamp)
      const place = {
        line,
        endLine: endLine > line ? endLine : undefined,
        source,
        time: time ?? stamp.text,
        stamp: stamp.text,
        timeUnresolved: time === undefined ? (true as const) : undefined,
      }
      if ('thread' in header) return parseZimbraRecord(header, continuation, place)
      const rest = continuation.length > 0 ? header.rest + '\n' + continuation.join('\n') : header.rest
      return { type: 'zimbra.unrecognized', ...place, level: header.level, raw, message: rest }
    },
  }
  /**
   * Parses a line; with `timed` false a valid syslog stamp is not resolved (see
   * {@link UntimedReader}) and its parts are left in `lastParts`.
   */
  function parseLine(input: string, line: number, source: string | undefined, timed: boolean): MailEvent {
    lastParts = undefined
    const raw = stripCr(input)
    if (raw.length > maxLength) return unknown(raw, line, source, 'too-long')
    if (raw.indexOf('\u0000') >= 0) return unknown(raw, line, source, 'binary')
    const lead = records.header(raw)
    if (lead) return records.build(lead, raw, [], line, line, source)
    // systemd journal entries (`journalctl -o json`) carry the same header fields as JSON.
    const h = looksLikeJournal(raw) ? readJournalHeader(raw) : readSyslogHeader(raw)
    if (!h) return unknown(raw, line, source, 'no-header')
    let resolved: string | undefined
    if (timed || !h.stamp.valid) resolved = clock.resolve(h.host, h.stamp)
    else {
      lastParts = h.stamp
      resolved = h.stamp.text
    }
    const time = resolved ?? h.stamp.text
    const timeUnresolved: true | undefined = resolved === undefined ? true : undefined
    // `type` first: it stays the first key of the event the family completes in place.
    const base: EventBase & { type: 'unknown' } = {
      type: 'unknown',
      line,
      source,
      time,
      stamp: h.stamp.text,
      timeUnresolved,
      host: h.host,
      program: h.program,
      pid: h.pid,
    }
    const c = familyOf(h.program)
    // Trailing blanks (some relays pad lines) would defeat grammars anchored at the line's end.
    if (c) return c.family.parse(trimBlanks(h.message), base, raw, c.claim)
    const record = carried(h, base)
    if (!record) return build(base, 'unknown', { reason: 'program', raw })
    // Timed by the record's own stamp, not the syslog one.
    lastParts = undefined
    return record
  }
  let lastParts: StampParts | undefined
  const parser: LineParser = {
    zone: clock.zone,
    parse: (input, line, source) => parseLine(input, line, source, true),
  }
  /**
   * A log4j record forwarded in a syslog line under a name no family claims (rsyslog `imfile`:
   * `Sep 18 00:21:18 mbox1 mailboxlog 2018-09-18 00:21:18,787 INFO [ImapServer-1] [] imap - …`,
   * with or without the tag's colon). Its own stamp (year, millis) gives the time.
   */
  function carried(h: SyslogHeader, base: EventBase): MailEvent | undefined {
    let program = h.program
    let message = h.message
    if (program === '') {
      const sp = message.indexOf(' ')
      if (sp < 0) return undefined
      program = message.slice(0, sp)
      message = message.slice(sp + 1)
    }
    if (!looksLikeLog4j(message)) return undefined
    const header = readLog4jHeader(message)
    if (!header) return undefined
    const stamp = header.stamp!
    const time = resolveDated(stamp)
    return parseZimbraRecord(header, [], {
      line: base.line,
      source: base.source,
      time: time ?? stamp.text,
      stamp: stamp.text,
      timeUnresolved: time === undefined ? true : undefined,
      host: base.host,
      program,
      pid: base.pid,
    })
  }
  readers.set(parser, records)
  untimed.set(parser, {
    parse: (input, line, source) => parseLine(input, line, source, false),
    get parts() {
      return lastParts
    },
  })
  optionsOf.set(parser, options)
  return parser
}

/**
 * Parses every line of a text (split on `\n`, `\r\n`), one event per line.
 *
 * @example
 * parseLines('Mar  1 12:00:01 mx1 postfix/qmgr[7]: 3F4A92C1B: removed\n', { year: 2025, zone: 'UTC' })[0].type
 * //=> 'postfix.qmgr.removed'
 */
export function parseLines(text: string, options: ParseOptions & { source?: string } = {}): MailEvent[] {
  const events: MailEvent[] = []
  const stream = createEventStream(options, (e) => events.push(e))
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  for (let i = 0; i < lines.length; i++) stream.push(lines[i]!, i + 1, options.source)
  stream.end()
  return events
}

/** A push parser over a stream of lines: the form every reader uses. */
export interface EventStream {
  /**
   * Feeds one line (without its terminator). Completed events go to the `emit` callback;
   * `offset`, the line's byte offset in its file, becomes the event's `offset`.
   */
  push(line: string, lineNumber: number, source?: string, offset?: number): void
  /** Ends the input: emits whatever is still held, and reports how each host's years were settled. */
  end(): InferenceSummary
  /** The IANA zone year-less stamps are resolved in. */
  readonly zone: string
}

/** Most continuation lines one record takes; later ones are read as lines of their own. */
const MAX_CONTINUATION = 10_000

/**
 * Whether a line continues a log4j record: it has neither a log4j nor a syslog header (stack
 * frames `\tat …`, `Caused by: …`, `\t... 12 more`, wrapped message text, empty lines).
 */
function isContinuation(raw: string): boolean {
  return (
    !looksLikeLog4j(raw) &&
    raw.indexOf('\u0000') < 0 &&
    !looksLikeJournal(raw) &&
    readSyslogHeader(raw) === undefined
  )
}

/**
 * Creates a push parser that calls `emit` with each event, in input order. Pass a
 * {@link LineParser} to share its year state across files (rotated sets), or options. Every
 * syslog line is one event at once. A log4j record (Zimbra mailbox.log, audit.log) is held until
 * the next line: continuation lines are added to it, and it is emitted with `line` (first line),
 * `endLine` (last line) and the joined `message` when a line with a header arrives, or at
 * `end()` — so always call `end()`. A continuation-looking line with no open record is
 * `unknown` (`no-header`). Every input line is covered by exactly one event.
 *
 * @example
 * const events: MailEvent[] = []
 * const stream = createEventStream({ zone: 'UTC' }, (e) => events.push(e))
 * for (const [i, line] of text.split('\n').entries()) stream.push(line, i + 1)
 * stream.end()
 */
export function createEventStream(
  options: ParseOptions | LineParser,
  emitResolved: (event: MailEvent) => void,
): EventStream {
  const parser = 'parse' in options ? options : createParser(options)
  const records = readers.get(parser)
  // Years are settled by the timeline: it may hold a stream's events until evidence (a Feb 29,
  // a confirmed New Year, a year-bearing line) decides, then hands them back in order.
  const { maxLineLength, ...timeOptions } = 'parse' in options ? (optionsOf.get(options) ?? {}) : options
  void maxLineLength
  const timeline = createTimeline<MailEvent>({ maxHold: STREAM_MAX_HOLD, ...timeOptions }, (t, e) => {
    if (t !== undefined && e.time !== undefined) {
      const w = e as { time: string; timeUnresolved?: true }
      w.time = t.iso ?? t.stamp
      w.timeUnresolved = t.iso === undefined ? true : undefined
    }
    emitResolved(e)
  })
  // One key object for every line: the timeline reads it and keeps nothing of it.
  const key: { host: string; source: string | undefined } = { host: '', source: undefined }
  const push = (e: MailEvent, parts: StampParts | undefined): void => {
    key.host = e.host ?? ''
    key.source = e.source
    timeline.push(key, parts, e)
  }
  const emit = (e: MailEvent): void => push(e, stampOf(e))
  const lines = untimed.get(parser)
  let held: Log4jHeader | Log4jLead | undefined
  let heldRaw = ''
  let continuation: string[] = []
  let heldLine = 0
  let heldEnd = 0
  let heldSource: string | undefined
  let heldOffset: number | undefined
  const flush = (): void => {
    const header = held!
    const lines = continuation
    held = undefined
    continuation = []
    emit(withOffset(records!.build(header, heldRaw, lines, heldLine, heldEnd, heldSource), heldOffset))
  }
  return {
    zone: parser.zone,
    push(line, lineNumber, source, offset) {
      if (records) {
        const raw = stripCr(line)
        if (held) {
          if (
            source === heldSource &&
            continuation.length < MAX_CONTINUATION &&
            raw.length <= records.maxLength &&
            isContinuation(raw)
          ) {
            continuation.push(raw)
            heldEnd = lineNumber
            return
          }
          flush()
        }
        const header = records.header(raw)
        if (header) {
          held = header
          heldRaw = raw
          heldLine = heldEnd = lineNumber
          heldSource = source
          heldOffset = offset
          return
        }
      }
      if (!lines) {
        emit(withOffset(parser.parse(line, lineNumber, source), offset))
        return
      }
      const e = withOffset(lines.parse(line, lineNumber, source), offset)
      push(e, lines.parts ?? stampOf(e))
    },
    end() {
      if (held) flush()
      return timeline.end()
    },
  }
}

/** Sets `offset` on a fresh event: last, so events read without offsets keep their shape. */
function withOffset(e: MailEvent, offset: number | undefined): MailEvent {
  if (offset !== undefined) (e as { offset?: number }).offset = offset
  return e
}

let cachedStamp = ''
let cachedParts: StampParts | undefined

/** The parts of an event's stamp, re-read from its text (cached: consecutive lines share it). */
function stampOf(e: MailEvent): StampParts | undefined {
  const text = e.stamp
  if (text === undefined) return undefined
  if (text !== cachedStamp) {
    cachedStamp = text
    cachedParts = parseSyslogStamp(text)?.parts
  }
  return cachedParts
}
