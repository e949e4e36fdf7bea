import { parseSyslogStamp, type StampParts } from '../../src/envelope/stamp.js'
import type { InferenceSummary, SourceInfo } from '../../src/time/inferrer.js'
import type { ResolvedTime } from '../../src/time/resolved.js'
import { createTimeline, type TimelineOptions } from '../../src/time/timeline.js'

/** The parts of a stamp that must parse. */
export function stamp(s: string): StampParts {
  const scan = parseSyslogStamp(s)
  if (!scan) throw new Error(`test stamp does not parse: ${s}`)
  return scan.parts
}

/** A line for {@link run}: a stamp, or a stamp with host and source. */
export type Line = string | { readonly stamp: string; readonly host?: string; readonly source?: string }

/** Runs lines through a timeline; results in emission order, with the payload index. */
export function run(
  lines: readonly Line[],
  options: TimelineOptions,
  sources: Readonly<Record<string, SourceInfo>> = {},
): { times: ResolvedTime[]; order: number[]; summary: InferenceSummary } {
  const times: ResolvedTime[] = []
  const order: number[] = []
  const tl = createTimeline<number>(options, (t, i) => {
    times.push(t!)
    order.push(i)
  })
  for (const [name, info] of Object.entries(sources)) tl.source(name, info)
  lines.forEach((l, i) => {
    const line = typeof l === 'string' ? { stamp: l } : l
    tl.push({ host: line.host ?? 'mx1', source: line.source }, stamp(line.stamp), i)
  })
  const summary = tl.end()
  return { times, order, summary }
}

/** Years of resolved times. */
export const years = (times: readonly ResolvedTime[]): (number | undefined)[] => times.map((t) => t.year)

/** ISO texts of resolved times. */
export const isos = (times: readonly ResolvedTime[]): (string | undefined)[] => times.map((t) => t.iso)
