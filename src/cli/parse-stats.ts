/**
 * Counting for `maillog parse --stats`: events per type, and unrecognized/unknown lines per
 * program (the parser's coverage). The mail report is `maillog stats` (`src/stats/`).
 *
 * @module
 */

import type { MailEvent } from '../events/index.js'

/** Running counts of a parse run. */
export interface ParseStats {
  /** Input lines covered (a multi-line record counts all its lines). */
  lines: number
  events: number
  readonly byType: Map<string, number>
  readonly residueByProgram: Map<string, number>
}

/** Empty counters. */
export function createParseStats(): ParseStats {
  return { lines: 0, events: 0, byType: new Map(), residueByProgram: new Map() }
}

/** Adds an event to the counters. */
export function countParseEvent(stats: ParseStats, e: MailEvent): void {
  stats.events++
  stats.lines += 'endLine' in e && typeof e.endLine === 'number' ? e.endLine - e.line + 1 : 1
  stats.byType.set(e.type, (stats.byType.get(e.type) ?? 0) + 1)
  if (e.type === 'unknown' || e.type.endsWith('.unrecognized')) {
    const key = `${e.type === 'unknown' ? `unknown(${e.reason})` : e.type} ${e.program ?? ''}`
    stats.residueByProgram.set(key, (stats.residueByProgram.get(key) ?? 0) + 1)
  }
}

/** The report printed to stderr. */
export function formatParseStats(stats: ParseStats, zone: string): string {
  const rows = [...stats.byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const families = new Map<string, number>()
  for (const [t, c] of rows)
    if (t !== 'unknown') families.set(t.split('.')[0]!, (families.get(t.split('.')[0]!) ?? 0) + c)
  const lines = [
    `lines ${stats.lines}  events ${stats.events}  zone ${zone}  unknown ${stats.byType.get('unknown') ?? 0}`,
  ]
  for (const [family, total] of [...families].sort()) {
    const unrecognized = stats.byType.get(`${family}.unrecognized`) ?? 0
    const pct = (100 * (total - unrecognized)) / total
    lines.push(
      `${family} events ${total}  typed ${total - unrecognized} (${pct.toFixed(2)}%)  unrecognized ${unrecognized}`,
    )
  }
  lines.push('', 'events by type:', ...rows.map(([t, c]) => `  ${String(c).padStart(10)}  ${t}`))
  if (stats.residueByProgram.size > 0) {
    lines.push('', 'unrecognized/unknown by program:')
    const res = [...stats.residueByProgram].sort((a, b) => b[1] - a[1])
    for (const [k, c] of res) lines.push(`  ${String(c).padStart(10)}  ${k}`)
  }
  return lines.join('\n') + '\n'
}
