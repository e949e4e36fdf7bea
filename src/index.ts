/**
 * maillog: Postfix, Sendmail, Zimbra (mailbox.log, audit.log) and amavis log lines as typed
 * events, folded into linked transactions.
 *
 * @module
 */

export {
  type AuthAttempt,
  type AuthReport,
  type AuthTally,
  addAuthEvent,
  authAttempt,
  createAuthReport,
  topFailures,
} from './auth/report.js'
export { caseEvents, caseOptions, caseTransactions, renderEvents, wantsTransactions } from './corpus.js'
export { journalStamp, looksLikeJournal, readJournalHeader } from './envelope/journal.js'
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
export { DELIVERY_STATUSES, EVENT_TYPES } from './event-types.js'
export type * from './events/index.js'
export type { Family } from './family.js'
export {
  BEATS_FIELDS,
  type Disposition,
  ECS_VERSION,
  type EcsDocument,
  type EcsEndpoint,
  type EcsEventDocument,
  type EcsTransactionDocument,
  type EcsTransactionOptions,
  eventToEcs,
  isIpAddress,
  isIsoTime,
  type MaillogAction,
  type MaillogAttempt,
  type MaillogDelays,
  type MaillogEventFields,
  type MaillogTransactionFields,
  transactionDisposition,
  transactionToEcs,
} from './output/ecs.js'
export {
  createEventIds,
  DEFAULT_INDEX,
  type EsBulkOptions,
  esBulkEvent,
  esBulkTransaction,
  indexNameProblem,
  resolveIndexName,
  transactionDocumentId,
} from './output/es-bulk.js'
export {
  BEATS_FIELD_MAPPINGS,
  ECS_FIELD_MAPPINGS,
  type EsTemplateOptions,
  esIndexTemplate,
  type FieldMapping,
  ilmPolicy,
  ismPolicy,
  MAILLOG_FIELD_MAPPINGS,
  type Properties,
  retentionProblem,
} from './output/es-template.js'
export { fnv1a64 } from './output/hash.js'
export { formatReject, formatTransaction, type TextOptions } from './output/text.js'
export {
  createEventStream,
  createParser,
  type EventStream,
  type LineParser,
  type ParseOptions,
  parseLines,
} from './parse.js'
export { isQueueId, type PostfixProgram, postfixProgram } from './postfix/head.js'
export { postfixFamily } from './postfix/index.js'
export { createFold, type TransactionFold } from './reduce/fold.js'
export {
  createState,
  flush,
  type ReducerOptions,
  type ReducerState,
  reduce,
  restoreState,
} from './reduce/index.js'
export type { Draft, PendingHop, Session } from './reduce/state.js'
export {
  createSendmailJoiner,
  joinSendmailParts,
  type SendmailJoiner,
  type SendmailQueueIdDate,
  sendmailFamily,
  sendmailQueueIdDate,
} from './sendmail/index.js'
export {
  type CountRow,
  collectStats,
  countEvent,
  countTransaction,
  createStats,
  formatStatsReport,
  type Histogram,
  type HostRow,
  type Percentiles,
  type ProblemRow,
  type ReasonRow,
  type RecipientDomainRow,
  type Stats,
  type StatsCounters,
  type StatsOptions,
  type StatsReport,
  type StatsTables,
  type StatsTotals,
  statsReport,
  type Table,
  type TimeRow,
  type TopVolumes,
  type VolumeRow,
} from './stats/index.js'
export {
  type Anchor,
  type AnchorKind,
  type AnchorLine,
  END_BOUND_PRIORITY,
  mtimeAnchor,
  referenceAnchor,
} from './time/anchors.js'
export { type Clock, type ClockOptions, createClock, createYearResolver, systemZone } from './time/clock.js'
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
export type { GapPolicy, LeapSecondPolicy, OverlapPolicy, WallPolicy } from './time/wall-time.js'
export { chainOf, reverseLinks } from './trace/chain.js'
export {
  isEmptyFilter,
  isNoqueueReject,
  matchReject,
  matchTransaction,
  type NoqueueReject,
  TRACE_STATUSES,
  type TraceFilter,
  type TraceStatus,
} from './trace/filter.js'
export type {
  FilterVerdict,
  MailboxDelivery,
  RecipientAttempt,
  Transaction,
  TransactionAction,
} from './transaction.js'
