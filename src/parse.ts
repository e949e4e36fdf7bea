/**
 * Line → event: syslog header, stamp resolution, family dispatch. One event per line, always:
 * a line that no grammar knows becomes `postfix.unrecognized` or `unknown` with its raw text.
 *
 * @module
 */

import { readSyslogHeader } from './envelope/syslog.js'
import type { EventBase, MailEvent, UnknownEvent, UnknownReason } from './events/index.js'
import type { Family } from './family.js'
import { build } from './grammar/build.js'
import { postfixFamily } from './postfix/index.js'
import { sendmailFamily } from './sendmail/index.js'
import { type ClockOptions, createClock } from './time/clock.js'

/** Families in the order they are asked to claim a program name. */
const FAMILIES: readonly Family[] = [postfixFamily, sendmailFamily]

interface Claimed {
  readonly family: Family
  readonly claim: unknown
}

const claimed = new Map<string, Claimed | null>()

/** The family that reads a program's lines and its claim, cached per program name. */
function familyOf(program: string): Claimed | undefined {
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
  return c ?? undefined
}

/** Options of {@link createParser}. */
export interface ParseOptions extends ClockOptions {
  /** Lines longer than this many characters become `unknown` (`too-long`) unparsed. Default 65536. */
  readonly maxLineLength?: number
}

/** A stateful line parser (it tracks the year per host). */
export interface LineParser {
  /** The IANA zone year-less stamps are resolved in. */
  readonly zone: string
  /** Parses one line (without its line terminator; a trailing `\r` is ignored). */
  parse(line: string, lineNumber: number, source?: string): MailEvent
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
  return {
    zone: clock.zone,
    parse(input, line, source) {
      const raw = input.charCodeAt(input.length - 1) === 13 ? input.slice(0, -1) : input
      if (raw.length > maxLength) return unknown(raw, line, source, 'too-long')
      if (raw.indexOf('\u0000') >= 0) return unknown(raw, line, source, 'binary')
      const h = readSyslogHeader(raw)
      if (!h) return unknown(raw, line, source, 'no-header')
      const resolved = clock.resolve(h.host, h.stamp)
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
      return c
        ? c.family.parse(h.message, base, raw, c.claim)
        : build(base, 'unknown', { reason: 'program', raw })
    },
  }
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
  /** Feeds one line (without its terminator). Completed events go to the `emit` callback. */
  push(line: string, lineNumber: number, source?: string): void
  /** Ends the input: emits whatever is still held. */
  end(): void
  /** The IANA zone year-less stamps are resolved in. */
  readonly zone: string
}

/**
 * Creates a push parser that calls `emit` with each event, in input order. Pass a
 * {@link LineParser} to share its year state across files (rotated sets), or options. Today every line is
 * one event at once; records that span lines (log4j stack traces) are held until the line that
 * follows them, so always call `end()`.
 *
 * @example
 * const events: MailEvent[] = []
 * const stream = createEventStream({ zone: 'UTC' }, (e) => events.push(e))
 * for (const [i, line] of text.split('\n').entries()) stream.push(line, i + 1)
 * stream.end()
 */
export function createEventStream(
  options: ParseOptions | LineParser,
  emit: (event: MailEvent) => void,
): EventStream {
  const parser = 'parse' in options ? options : createParser(options)
  return {
    zone: parser.zone,
    push(line, lineNumber, source) {
      emit(parser.parse(line, lineNumber, source))
    },
    end() {},
  }
}
