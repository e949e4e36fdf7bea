/**
 * maillog: Postfix (and, in time, Sendmail and Zimbra) log lines as typed events.
 *
 * @module
 */

export { caseEvents, caseOptions, renderEvents } from './corpus.js'
export { type StampParts, scanBsdStamp, scanIsoStamp } from './envelope/stamp.js'
export { readSyslogHeader, type SyslogHeader } from './envelope/syslog.js'
export { EVENT_TYPES } from './event-types.js'
export type * from './events/index.js'
export { createParser, type LineParser, type ParseOptions, parseLines } from './parse.js'
export { isQueueId, type PostfixProgram, postfixProgram } from './postfix/head.js'
export {
  createSendmailJoiner,
  joinSendmailParts,
  type SendmailJoiner,
  type SendmailQueueIdDate,
  sendmailFamily,
  sendmailQueueIdDate,
} from './sendmail/index.js'
export { type Clock, type ClockOptions, createClock, systemZone } from './time/clock.js'
