/**
 * maillog: Postfix, Zimbra (mailbox.log, audit.log) and amavis log lines as typed events.
 *
 * @module
 */

export { caseEvents, caseOptions, renderEvents } from './corpus.js'
export {
  type Log4jContext,
  type Log4jHeader,
  type Log4jLead,
  type Log4jLevel,
  looksLikeLog4j,
  readLog4jBody,
  readLog4jHeader,
  readLog4jLead,
} from './envelope/log4j.js'
export { type StampParts, scanBsdStamp, scanIsoStamp } from './envelope/stamp.js'
export { readSyslogHeader, type SyslogHeader } from './envelope/syslog.js'
export { EVENT_TYPES } from './event-types.js'
export type * from './events/index.js'
export {
  createEventStream,
  createParser,
  type EventStream,
  type LineParser,
  type ParseOptions,
  parseLines,
} from './parse.js'
export { isQueueId, type PostfixProgram, postfixProgram } from './postfix/head.js'
export { type Clock, type ClockOptions, createClock, createYearResolver, systemZone } from './time/clock.js'
