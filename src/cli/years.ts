/**
 * What the reading commands say about the years they gave year-less stamps: `parse --stats`
 * prints a line per host and file; every command warns on stderr when a year is only a guess or
 * the evidence disagrees, so a wrong year never passes silently.
 *
 * @module
 */

import type { InferenceSummary, StreamSummary } from '../time/inferrer.js'
import type { YearSource } from '../time/resolved.js'

/** The year report of one input file. */
export interface FileYears {
  readonly file: string
  readonly summary: InferenceSummary
}

const SOURCE_WORDS: Readonly<Record<YearSource, string>> = {
  explicit: 'the stamps',
  year: '--year',
  stream: 'year-bearing lines',
  reference: 'a dated record or Sendmail queue id',
  referenceDate: '--reference-date',
  rotatedName: 'the rotated file name',
  record: 'the logs read alongside (dated records, Sendmail queue ids)',
  gzipMtime: 'the gzip header time',
  mtime: 'the file modification time',
  bundle: 'the other files of the set',
  now: 'the clock',
  none: 'nothing',
}

const name = (file: string): string => (file === '-' ? 'stdin' : file)

function describe(s: StreamSummary): string {
  const rollovers = s.rollovers === 0 ? '' : `, ${s.rollovers} New Year${s.rollovers > 1 ? 's' : ''}`
  const conflicts = s.conflicts === 0 ? '' : `, ${s.conflicts} conflicting`
  return `${s.baseYear ?? '?'} from ${SOURCE_WORDS[s.yearSource]} (${s.confidence}${rollovers}${conflicts})`
}

/**
 * One line per host of each file: its first year, what settled it and how sure it is.
 *
 * @example
 * formatYearTable([{ file: 'mail.log', summary }])
 * //=> 'years:\n  mail.log  mx1  2025 from the file modification time (high)\n'
 */
export function formatYearTable(files: readonly FileYears[]): string {
  const rows: string[] = []
  for (const { file, summary } of files)
    for (const s of summary.streams)
      if (s.lines > 0) rows.push(`  ${name(file)}  ${s.host || '-'}  ${describe(s)}`)
  return rows.length === 0 ? '' : `years:\n${rows.join('\n')}\n`
}

/**
 * Warnings for years that are guesses (`low` confidence: nothing in or about the file bounded
 * it) and for conflicting evidence; empty when every year is sound.
 *
 * @example
 * yearWarnings([{ file: '-', summary }])
 * //=> ['stdin (mx1): year 2026 assumed from the clock, nothing else dates it; pass --year or --reference-date unless the log is current']
 */
export function yearWarnings(files: readonly FileYears[]): string[] {
  const out: string[] = []
  for (const { file, summary } of files) {
    for (const s of summary.streams) {
      if (s.lines === 0 || s.confidence !== 'low') continue
      out.push(
        `${name(file)} (${s.host || '-'}): year ${s.baseYear ?? '?'} assumed from ${SOURCE_WORDS[s.yearSource]}, nothing else dates it; pass --year or --reference-date unless the log is current`,
      )
    }
    out.push(...summary.conflicts)
  }
  return out
}
