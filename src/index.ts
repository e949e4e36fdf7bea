/**
 * maillog: mail server log lines as typed events, folded into linked transactions.
 *
 * @module
 */

export { caseEvents, caseOptions, caseTransactions, renderEvents, wantsTransactions } from './corpus.js'
export { type StampParts, scanBsdStamp, scanIsoStamp } from './envelope/stamp.js'
export { readSyslogHeader, type SyslogHeader } from './envelope/syslog.js'
export { EVENT_TYPES } from './event-types.js'
export type * from './events/index.js'
export type { Family } from './family.js'
export { formatReject, formatTransaction } from './output/text.js'
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
export {
  createState,
  flush,
  type ReducerOptions,
  type ReducerState,
  reduce,
  restoreState,
} from './reduce/index.js'
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
export { type Clock, type ClockOptions, createClock, systemZone } from './time/clock.js'
export { chainOf, reverseLinks } from './trace/chain.js'
export {
  isEmptyFilter,
  isNoqueueReject,
  matchReject,
  matchTransaction,
  type NoqueueReject,
  type TraceFilter,
} from './trace/filter.js'
export type { RecipientAttempt, Transaction, TransactionAction } from './transaction.js'
