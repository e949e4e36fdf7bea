/**
 * maillog: Postfix (and, in time, Sendmail and Zimbra) log lines as typed events.
 *
 * @module
 */

export { caseEvents, caseOptions, renderEvents } from './corpus.js'
export {
  isLeapYear,
  parseSyslogStamp,
  type StampParts,
  type StampScan,
  scanBsdStamp,
  scanIsoStamp,
  scanLog4jStamp,
} from './envelope/stamp.js'
export { readSyslogHeader, type SyslogHeader } from './envelope/syslog.js'
export { EVENT_TYPES } from './event-types.js'
export type * from './events/index.js'
export { createParser, type LineParser, type ParseOptions, parseLines } from './parse.js'
export { isQueueId, type PostfixProgram, postfixProgram } from './postfix/head.js'
export {
  type Anchor,
  type AnchorKind,
  type AnchorLine,
  END_BOUND_PRIORITY,
  mtimeAnchor,
  referenceAnchor,
} from './time/anchors.js'
export { type Clock, type ClockOptions, createClock, systemZone } from './time/clock.js'
export {
  createYearInferrer,
  type InferenceSummary,
  type InferrerOptions,
  type SourceInfo,
  type StreamKey,
  type StreamSummary,
  type YearInferrer,
} from './time/inferrer.js'
export { type LiveOptions, resolveYearLive } from './time/live.js'
export type { TimeOptions } from './time/options.js'
export { sendmailQueueIdAnchor, sendmailQueueIdTime } from './time/queue-id-date.js'
export {
  type Confidence,
  compareResolved,
  type ResolvedTime,
  type TimeFlag,
  type UnresolvedReason,
  type YearSource,
  type ZoneSource,
} from './time/resolved.js'
export {
  anchorsFromFileName,
  compareRotatedNames,
  parseRotatedName,
  type RotatedName,
} from './time/rotated-name.js'
export { createTimeline, DEFAULT_MAX_HOLD, type Timeline, type TimelineOptions } from './time/timeline.js'
export type { GapPolicy, LeapSecondPolicy, OverlapPolicy } from './time/wall-time.js'
