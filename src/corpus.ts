/**
 * Golden-corpus cases: a `.log` text whose leading `#` lines hold the intent, the source
 * reference and options (`# year: 2025`, `# zone: Europe/Berlin`, `# reference-date: …`,
 * `# file-name: maillog-20250103.gz`, `# mtime: 2025-01-02T09:00:00Z`, `# gap: reject`,
 * `# overlap: later`), rendered to the expected NDJSON — one event per non-comment line,
 * numbered by its line in the `.log` file so a diff points at the input.
 *
 * @module
 */

import type { MailEvent } from './events/index.js'
import { createEventStream, type ParseOptions } from './parse.js'
import { createFold } from './reduce/fold.js'
import { createState } from './reduce/index.js'
import { type Anchor, mtimeAnchor } from './time/anchors.js'
import { checkInstant } from './time/options.js'
import { anchorsFromFileName } from './time/rotated-name.js'
import type { GapPolicy, OverlapPolicy } from './time/wall-time.js'
import type { Transaction } from './transaction.js'

/** Options a corpus case runs with when its header does not say otherwise. */
export const CORPUS_DEFAULTS: ParseOptions = {
  year: 2025,
  zone: 'UTC',
  referenceDate: '2026-01-01T00:00:00Z',
}

/**
 * Reads `# key: value` options from the comment lines of a case. `year` and `reference-date`
 * take `none` to drop the default; `file-name` and `mtime` add year anchors (a rotated name
 * date, a file modification time read in the case's zone when it has no offset).
 *
 * @example
 * caseOptions('# year: 2024\n# zone: Europe/Berlin\n') //=> { year: 2024, zone: 'Europe/Berlin', referenceDate: '2026-01-01T00:00:00Z' }
 */
export function caseOptions(text: string): ParseOptions {
  const opts: {
    year?: number
    zone?: string
    referenceDate?: string
    gap?: GapPolicy
    overlap?: OverlapPolicy
    anchors?: Anchor[]
  } = { ...CORPUS_DEFAULTS } as never
  let fileName: string | undefined
  let mtime: string | undefined
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) continue
    const m = /^#\s*(year|zone|reference-date|file-name|mtime|gap|overlap):\s*(\S+)/.exec(line)
    if (!m) continue
    const value = m[2]!
    if (m[1] === 'year') opts.year = value === 'none' ? undefined : Number(value)
    else if (m[1] === 'zone') opts.zone = value
    else if (m[1] === 'reference-date') opts.referenceDate = value === 'none' ? undefined : value
    else if (m[1] === 'file-name') fileName = value
    else if (m[1] === 'mtime') mtime = value
    else if (m[1] === 'gap') opts.gap = value as GapPolicy
    else opts.overlap = value as OverlapPolicy
  }
  const zone = opts.zone ?? 'UTC'
  const anchors: Anchor[] = fileName === undefined ? [] : anchorsFromFileName(fileName, zone)
  if (mtime !== undefined) anchors.push(mtimeAnchor(checkInstant('mtime', mtime, zone), 'mtime'))
  if (anchors.length > 0) opts.anchors = anchors
  return opts
}

/**
 * Parses a case: every line that is not a `#` comment (and not the empty last line).
 *
 * @example
 * caseEvents('# year: 2024\nMar  1 12:00:01 mx1 postfix/qmgr[7]: 3F4A92C1B: removed\n')[0].line //=> 2
 */
export function caseEvents(text: string): MailEvent[] {
  const events: MailEvent[] = []
  const stream = createEventStream(caseOptions(text), (e) => events.push(e))
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  lines.forEach((l, i) => {
    if (!l.startsWith('#')) stream.push(l, i + 1)
  })
  stream.end()
  return events
}

/**
 * Whether a case asks for expected transactions (`# transactions: yes`).
 *
 * @example
 * wantsTransactions('# transactions: yes\nMar  1 …') //=> true
 */
export function wantsTransactions(text: string): boolean {
  return /^#\s*transactions:\s*yes\b/m.test(text)
}

/**
 * The transactions of a case's events: reduced, then flushed at the end of input.
 *
 * @example
 * caseTransactions(caseEvents(text)).map((t) => t.id) //=> ['mx1/postfix/4F1A2B3C01']
 */
export function caseTransactions(events: readonly MailEvent[]): Transaction[] {
  const fold = createFold(createState())
  const out: Transaction[] = []
  for (const e of events) out.push(...fold.push(e))
  out.push(...fold.end())
  return out
}

/**
 * An expected-output file: one JSON object per line.
 *
 * @example
 * renderEvents(caseEvents(text)) //=> '{"type":"postfix.qmgr.removed","line":2,…}\n'
 */
export function renderEvents(items: readonly (MailEvent | Transaction)[]): string {
  return items.map((e) => JSON.stringify(e)).join('\n') + (items.length > 0 ? '\n' : '')
}
