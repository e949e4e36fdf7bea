/**
 * The whole pipeline in one call for a list of events: count the lines, fold them into
 * transactions with the reducer, count the transactions, report. For streams, do the same
 * steps yourself (see `maillog stats` in `src/cli/stats-command.ts`).
 *
 * @module
 */

import type { MailEvent } from '../events/index.js'
import { createState, flush, type ReducerOptions, reduce } from '../reduce/index.js'
import { countEvent } from './events.js'
import { type StatsReport, statsReport } from './report.js'
import { createStats, type StatsOptions } from './state.js'
import { countTransaction } from './transactions.js'

/**
 * The report of a sequence of events (lines and their transactions).
 *
 * @example
 * const parser = createParser({ year: 2025, zone: 'UTC' })
 * const report = collectStats(log.split('\n').map((line, i) => parser.parse(line, i + 1)))
 * report.totals.received //=> 3
 */
export function collectStats(
  events: Iterable<MailEvent>,
  options: StatsOptions = {},
  reducer: ReducerOptions = {},
): StatsReport {
  const stats = createStats(options)
  const state = createState(reducer)
  for (const e of events) {
    countEvent(stats, e)
    for (const t of reduce(state, e)) countTransaction(stats, t)
  }
  for (const t of flush(state)) countTransaction(stats, t)
  return statsReport(stats)
}
