/**
 * Summary statistics of a mail log, pflogsumm-class: totals, volumes per host, domain and
 * address, delays, rejects, SASL, postscreen, TLS and problems. An accumulator with bounded
 * memory: `createStats`, then `countEvent` for every line and `countTransaction` for every
 * transaction the reducer emits, then `statsReport` (or `collectStats` for all of it). See
 * docs/stats.md for what each number counts and how it relates to pflogsumm.
 *
 * @module
 */

export { collectStats } from './collect.js'
export { countEvent } from './events.js'
export type { Histogram, Percentiles } from './histogram.js'
export {
  type CountRow,
  type HostRow,
  type ProblemRow,
  type ReasonRow,
  type RecipientDomainRow,
  type StatsReport,
  statsReport,
  type TimeRow,
  type TopVolumes,
  type VolumeRow,
} from './report.js'
export {
  createStats,
  type Stats,
  type StatsCounters,
  type StatsOptions,
  type StatsTables,
  type StatsTotals,
} from './state.js'
export type { Table } from './table.js'
export { formatStatsReport } from './text.js'
export { countTransaction } from './transactions.js'
