/**
 * Counting for `maillog parse --stats`: events per type, and unrecognized/unknown lines per
 * program (the parser's coverage). The mail report is `maillog stats` (`src/stats/`).
 *
 * @module
 */

import type { MailEvent } from '../events/index.js'

/** Running counts of a parse run. */
export interface ParseStats {
  lines: number
  readonly byType: Map<string, number>
  readonly residueByProgram: Map<string, number>
}

/** Empty counters. */
export function createParseStats(): ParseStats {
  return { lines: 0, byType: new Map(), residueByProgram: new Map() }
}

/** Adds an event to the counters. */
export function countParseEvent(stats: ParseStats, e: MailEvent): void {
  stats.lines++
  stats.byType.set(e.type, (stats.byType.get(e.type) ?? 0) + 1)
  if (e.type === 'unknown' || e.type === 'postfix.unrecognized') {
    const key = `${e.type === 'unknown' ? `unknown(${e.reason})` : 'unrecognized'} ${e.program ?? ''}`
    stats.residueByProgram.set(key, (stats.residueByProgram.get(key) ?? 0) + 1)
  }
}

/** The report printed to stderr. */
export function formatParseStats(stats: ParseStats, zone: string): string {
  const rows = [...stats.byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const postfix = rows.filter(([t]) => t.startsWith('postfix.')).reduce((n, [, c]) => n + c, 0)
  const unrecognized = stats.byType.get('postfix.unrecognized') ?? 0
  const unknown = stats.byType.get('unknown') ?? 0
  const pct = postfix === 0 ? 100 : (100 * (postfix - unrecognized)) / postfix
  const lines = [
    `lines ${stats.lines}  events ${stats.lines}  zone ${zone}`,
    `postfix lines ${postfix}  typed ${postfix - unrecognized} (${pct.toFixed(2)}%)  unrecognized ${unrecognized}  unknown ${unknown}`,
    '',
    'events by type:',
    ...rows.map(([t, c]) => `  ${String(c).padStart(10)}  ${t}`),
  ]
  if (stats.residueByProgram.size > 0) {
    lines.push('', 'unrecognized/unknown by program:')
    const res = [...stats.residueByProgram].sort((a, b) => b[1] - a[1])
    for (const [k, c] of res) lines.push(`  ${String(c).padStart(10)}  ${k}`)
  }
  return lines.join('\n') + '\n'
}
